import { describe, expect, it } from 'vitest';
import { computeEntryHash, sha256Hex } from './chain';
import type { AuditEntry } from './entry';
import { sampleAuditChain } from './sample-chain';
import { AuditChainVerifier } from './verify-chain';
import { verifyChainIncrementally } from './verify-incrementally';
import type { StoredChainSource, VerifiedHead } from './verify-incrementally';

const monday = '2026-03-09T14:00:00.000Z';
const tuesday = '2026-03-10T14:00:00.000Z';

/** A device's stored chain, read the way the desk reads it: one entry by seq, or every entry after a seq. */
function storedChain(entries: readonly AuditEntry[]): StoredChainSource {
  return {
    entryAt: async (seq) => entries.find((entry) => entry.seq === seq),
    entriesAfter: async (after, limit) => entries.filter((entry) => entry.seq > after).slice(0, limit),
  };
}

/** SHA-256 that counts its calls: how many entries a check hashed. */
function countingHash() {
  const counter = { calls: 0, hashText: (text: string) => (counter.calls++, sha256Hex(text)) };
  return counter;
}

/** The clean whole-chain check of the first `count` entries, and the head it keeps. */
async function verifiedOnMonday(count: number): Promise<VerifiedHead> {
  const first = await verifyChainIncrementally(storedChain([...sampleAuditChain(count)]), { deviceId: 'desk-1', verifiedHead: null, at: monday });
  if (!first.next) throw new Error('the sample chain did not verify');
  return first.next;
}

/** Entry `seq` replaced by an edited copy; `rehash` also recomputes its hash and every later one, as a careful forger would. */
function edited(entries: readonly AuditEntry[], seq: number, rehash = false): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const entry of entries) {
    const previous = out.at(-1);
    let next = entry.seq === seq ? { ...entry, reason: 'quietly changed' } : entry;
    if (rehash && entry.seq >= seq) {
      const unhashed = { ...next, prevHash: previous?.hash ?? next.prevHash };
      next = { ...unhashed, hash: computeEntryHash(unhashed) };
    }
    out.push(next);
  }
  return out;
}

describe('verifyChainIncrementally', () => {
  it('verifies the whole chain the first time and keeps its head', async () => {
    const hash = countingHash();
    const check = await verifyChainIncrementally(storedChain([...sampleAuditChain(40)]), { deviceId: 'desk-1', verifiedHead: null, at: monday, hashText: hash.hashText });
    expect(check).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'no-verified-head', hashed: 40, previous: null, report: { ok: true, count: 40, headSeq: 40 } });
    expect(hash.calls).toBe(40);
    expect(check.next).toEqual({ deviceId: 'desk-1', seq: 40, hash: [...sampleAuditChain(40)][39]?.hash, verifiedAt: monday, fullVerifiedAt: monday });
  });

  it('on an untouched chain hashes only the new entries (and re-checks the verified one), then moves the head on', async () => {
    const head = await verifiedOnMonday(40);
    const entries = [...sampleAuditChain(52)];
    const hash = countingHash();
    const check = await verifyChainIncrementally(storedChain(entries), { deviceId: 'desk-1', verifiedHead: head, at: tuesday, hashText: hash.hashText });
    expect(check).toMatchObject({ scope: 'new-entries', wholeChainBecause: null, previous: head, report: { ok: true, count: 12, headSeq: 52, headHash: entries[51]?.hash } });
    expect(hash.calls).toBe(12 + 1);
    expect(check.hashed).toBe(13);
    // The whole chain was last verified on Monday: an edit before entry 40 would only show in a whole-chain check.
    expect(check.next).toEqual({ deviceId: 'desk-1', seq: 52, hash: entries[51]?.hash, verifiedAt: tuesday, fullVerifiedAt: monday });
  });

  it('with nothing new re-checks only the verified entry and keeps the head where it was', async () => {
    const head = await verifiedOnMonday(40);
    const hash = countingHash();
    const check = await verifyChainIncrementally(storedChain([...sampleAuditChain(40)]), { deviceId: 'desk-1', verifiedHead: head, at: tuesday, hashText: hash.hashText });
    expect(check).toMatchObject({ scope: 'new-entries', report: { ok: true, count: 0, headSeq: 40, headHash: head.hash } });
    expect(hash.calls).toBe(1);
    expect(check.next).toMatchObject({ seq: 40, hash: head.hash, verifiedAt: tuesday, fullVerifiedAt: monday });
  });

  it('reads on past a page (5,000 entries) and links the pages', async () => {
    const entries = [...sampleAuditChain(5_100)];
    const head: VerifiedHead = { deviceId: 'desk-1', seq: 10, hash: entries[9]?.hash as string, verifiedAt: monday, fullVerifiedAt: monday };
    const pages: number[] = [];
    const source = storedChain(entries);
    const paged: StoredChainSource = { entryAt: source.entryAt, entriesAfter: (after, limit) => (pages.push(after), source.entriesAfter(after, limit)) };
    const check = await verifyChainIncrementally(paged, { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(check).toMatchObject({ scope: 'new-entries', hashed: 5_091, report: { ok: true, count: 5_090, headSeq: 5_100 } });
    expect(pages).toEqual([10, 5_010]);
    const gap = await verifyChainIncrementally(storedChain(entries.filter((entry) => entry.seq !== 5_011)), { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(gap.report).toMatchObject({ ok: false, problem: 'removed', seq: 5_011 });
  });

  it('names an entry edited after the verified head, checking the whole chain for the first break, and keeps no head', async () => {
    const head = await verifiedOnMonday(40);
    const check = await verifyChainIncrementally(storedChain(edited([...sampleAuditChain(52)], 45)), { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(check).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'new-entries-broken', report: { ok: false, problem: 'edited', seq: 45 }, next: null });
  });

  it('names the first break of the whole chain when the new entries break too', async () => {
    const head = await verifiedOnMonday(40);
    const check = await verifyChainIncrementally(storedChain(edited(edited([...sampleAuditChain(52)], 45), 7)), { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(check.report).toMatchObject({ ok: false, problem: 'edited', seq: 7 });
  });

  it('names an entry removed after the verified head', async () => {
    const head = await verifiedOnMonday(40);
    const check = await verifyChainIncrementally(storedChain([...sampleAuditChain(52)].filter((entry) => entry.seq !== 41)), { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(check.report).toMatchObject({ ok: false, problem: 'removed', seq: 41 });
  });

  it('falls back to the whole chain and reports it when the verified entry was edited in place', async () => {
    const head = await verifiedOnMonday(40);
    const check = await verifyChainIncrementally(storedChain(edited([...sampleAuditChain(52)], 40)), { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(check).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'verified-head-changed', report: { ok: false, problem: 'edited', seq: 40 }, next: null });
  });

  it('falls back to the whole chain and reports it when the chain was rewritten from the verified entry on', async () => {
    const head = await verifiedOnMonday(40);
    // Every hash recomputed, so each entry matches its own hash and links to the one before.
    const rewritten = edited([...sampleAuditChain(52)], 38, true);
    const check = await verifyChainIncrementally(storedChain(rewritten), { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(check).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'verified-head-changed', report: { ok: false, problem: 'edited', seq: 40 } });
    expect(check.report.ok || check.report.message).toMatch(/differs from the recorded head/);
  });

  it('reports a deleted tail: fewer entries than the verified head', async () => {
    const head = await verifiedOnMonday(40);
    const check = await verifyChainIncrementally(storedChain([...sampleAuditChain(31)]), { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(check).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'verified-head-missing', report: { ok: false, problem: 'truncated', seq: 32 }, next: null });
    expect(check.report.ok || check.report.message).toMatch(/ends at seq 31 but the recorded head is seq 40/);
  });

  it('reports a tail cut off after the verified head against the device row’s head', async () => {
    const head = await verifiedOnMonday(40);
    const all = [...sampleAuditChain(52)];
    const deviceHead = { deviceId: 'desk-1', seq: 52, hash: all[51]?.hash as string };
    const check = await verifyChainIncrementally(storedChain(all.slice(0, 48)), { deviceId: 'desk-1', verifiedHead: head, expectedHeads: [deviceHead], at: tuesday });
    expect(check.report).toMatchObject({ ok: false, problem: 'truncated', seq: 49 });
  });

  it('checks an expected head at or before the verified entry against the stored entry', async () => {
    const head = await verifiedOnMonday(40);
    const all = [...sampleAuditChain(52)];
    const good = await verifyChainIncrementally(storedChain(all), { deviceId: 'desk-1', verifiedHead: head, expectedHeads: [{ deviceId: 'desk-1', seq: 30, hash: all[29]?.hash as string }], at: tuesday });
    expect(good).toMatchObject({ scope: 'new-entries', report: { ok: true, count: 12 } });
    const bad = await verifyChainIncrementally(storedChain(all), { deviceId: 'desk-1', verifiedHead: head, expectedHeads: [{ deviceId: 'desk-1', seq: 30, hash: 'f'.repeat(64) }], at: tuesday });
    expect(bad).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'expected-head-differs', report: { ok: false, problem: 'edited', seq: 30 } });
  });

  it('misses an edit before the verified head that leaves it intact, which the whole-chain check catches', async () => {
    const head = await verifiedOnMonday(40);
    const tampered = edited([...sampleAuditChain(52)], 12);
    expect((await verifyChainIncrementally(storedChain(tampered), { deviceId: 'desk-1', verifiedHead: head, at: tuesday })).report.ok).toBe(true);
    const whole = await verifyChainIncrementally(storedChain(tampered), { deviceId: 'desk-1', verifiedHead: head, wholeChain: true, at: tuesday });
    expect(whole).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'asked', report: { ok: false, problem: 'edited', seq: 12 }, next: null });
  });

  it('keeps a whole-chain check’s time as the last full verification', async () => {
    const head = await verifiedOnMonday(40);
    const check = await verifyChainIncrementally(storedChain([...sampleAuditChain(52)]), { deviceId: 'desk-1', verifiedHead: head, wholeChain: true, at: tuesday });
    expect(check).toMatchObject({ scope: 'whole-chain', hashed: 52, report: { ok: true, count: 52 } });
    expect(check.next).toMatchObject({ seq: 52, verifiedAt: tuesday, fullVerifiedAt: tuesday });
  });

  it('passes an empty log and keeps nothing to anchor on; an emptied log with a verified head is a cut-off tail', async () => {
    const empty = await verifyChainIncrementally(storedChain([]), { deviceId: 'desk-1', verifiedHead: null, at: monday });
    expect(empty).toMatchObject({ scope: 'whole-chain', hashed: 0, report: { ok: true, count: 0, headSeq: 0 }, next: null });
    const head = await verifiedOnMonday(5);
    const emptied = await verifyChainIncrementally(storedChain([]), { deviceId: 'desk-1', verifiedHead: head, at: tuesday });
    expect(emptied).toMatchObject({ wholeChainBecause: 'verified-head-missing', report: { ok: false, problem: 'truncated', seq: 1 }, next: null });
  });

  it('ignores a verified head of another device', async () => {
    const head = await verifiedOnMonday(40);
    const other = [...sampleAuditChain(10, { deviceId: 'desk-2' })];
    const check = await verifyChainIncrementally(storedChain(other), { deviceId: 'desk-2', verifiedHead: head, at: tuesday });
    expect(check).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'no-verified-head', previous: null, report: { ok: true, count: 10 } });
    expect(check.next).toMatchObject({ deviceId: 'desk-2', seq: 10 });
  });
});

describe('AuditChainVerifier continuing a verified chain', () => {
  it('starts linking from the verified entry and counts only what follows it', () => {
    const entries = [...sampleAuditChain(6)];
    const verifier = new AuditChainVerifier({ continuesFrom: { deviceId: 'desk-1', seq: 4, hash: entries[3]?.hash as string } });
    for (const entry of entries.slice(4)) verifier.push(entry);
    expect(verifier.finish()).toMatchObject({ ok: true, count: 2, headSeq: 6, heads: [{ deviceId: 'desk-1', seq: 6, count: 2 }] });
    const wrongLink = new AuditChainVerifier({ continuesFrom: { deviceId: 'desk-1', seq: 4, hash: 'f'.repeat(64) } });
    wrongLink.push(entries[4] as AuditEntry);
    expect(wrongLink.finish()).toMatchObject({ ok: false, problem: 'edited', seq: 4 });
  });

  it('refuses an expected head it cannot see in the entries after the verified one', () => {
    expect(() => new AuditChainVerifier({ continuesFrom: { deviceId: 'desk-1', seq: 4, hash: 'a'.repeat(64) }, expectedHeads: [{ deviceId: 'desk-1', seq: 4, hash: 'a'.repeat(64) }] })).toThrow(/at or before seq 4/);
  });
});
