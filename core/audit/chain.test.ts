import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { appendEntry, computeEntryHash, sha256Hex } from './chain';
import { GENESIS_HASH, type AuditDraft, type AuditEntry } from './entry';
import { sampleAuditChain } from './sample-chain';
import { verifyAuditChain } from './verify-chain';

const draft = (overrides: Partial<AuditDraft> = {}): AuditDraft => ({
  id: 'e-1',
  deviceId: 'desk-1',
  appVersion: '1.0.0',
  at: '2026-03-09T14:05:00.000Z',
  actor: { kind: 'staff', staffId: 's-7', displayName: 'Ana Souza', role: 'reception' },
  action: 'APPOINTMENT_BOOKED',
  entityType: 'appointment',
  entityId: 'a-42',
  patientId: 'p-9',
  changes: { start: { before: null, after: '2026-03-10T09:00:00.000Z' } },
  reason: null,
  outcome: 'success',
  mutationId: 'm-1',
  ...overrides,
});

function chainOf(count: number, deviceId = 'desk-1'): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 1; i <= count; i++) {
    entries.push(appendEntry(entries.at(-1) ?? null, draft({ id: `e-${i}`, deviceId, at: `2026-03-09T14:${String(i % 60).padStart(2, '0')}:00.000Z` })));
  }
  return entries;
}

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('appendEntry', () => {
  it('starts a chain at seq 1 from the genesis hash', () => {
    const first = appendEntry(null, draft());
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).toBe(computeEntryHash(first));
  });

  it('hashes prevHash followed by the canonical JSON of the entry without its hash (the README example)', () => {
    const first = appendEntry(null, draft());
    const canonical =
      '{"action":"APPOINTMENT_BOOKED","actor":{"displayName":"Ana Souza","kind":"staff","role":"reception","staffId":"s-7"},"appVersion":"1.0.0",' +
      '"at":"2026-03-09T14:05:00.000Z","changes":{"start":{"after":"2026-03-10T09:00:00.000Z","before":null}},"deviceId":"desk-1","entityId":"a-42",' +
      '"entityType":"appointment","id":"e-1","mutationId":"m-1","outcome":"success","patientId":"p-9","prevHash":"' + GENESIS_HASH + '","reason":null,"seq":1}';
    expect(first.hash).toBe(sha256Hex(GENESIS_HASH + canonical));
    // Pinned so a change to the hash rule cannot pass unnoticed: every stored chain would stop verifying.
    expect(first.hash).toBe('b8b0099a31c9477100b7fcb11e0a09d7080ab69ce54035f64df1f91830df500f');
  });

  it('links each entry to the one before and counts seq without gaps', () => {
    const entries = chainOf(5);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
  });

  it('ignores properties a store adds, so they never change the hash', () => {
    const first = appendEntry(null, { ...draft(), dexieKey: 7 });
    expect(first).not.toHaveProperty('dexieKey');
    expect(first.hash).toBe(appendEntry(null, draft()).hash);
  });

  it('refuses a bad draft with a ValidationError naming the field', () => {
    const attempt = (bad: unknown) => {
      try {
        appendEntry(null, bad);
      } catch (error) {
        return error instanceof ValidationError ? [error.code, error.field] : error;
      }
      return 'accepted';
    };
    expect(attempt({ ...draft(), at: '2026-03-09 14:05' })).toEqual(['invalid-format', 'at']);
    expect(attempt({ ...draft(), at: '2026-02-30T10:00:00.000Z' })).toEqual(['invalid-format', 'at']);
    expect(attempt({ ...draft(), action: 'APPOINTMENT_DELETED' })).toEqual(['invalid-format', 'action']);
    expect(attempt({ ...draft(), reason: '' })).toEqual(['required', 'reason']);
    expect(attempt({ ...draft(), reason: 'x'.repeat(2001) })).toEqual(['too-long', 'reason']);
    expect(attempt({ ...draft(), actor: { kind: 'staff', staffId: 's', displayName: 'S', role: 'system' } })).toEqual(['invalid-format', 'actor.role']);
    expect(attempt({ ...draft(), outcome: undefined })).toEqual(['required', 'outcome']);
    expect(attempt({ ...draft(), changes: { start: { before: 1, after: Number.NaN } } })).toEqual(['invalid-format', 'changes.start.after']);
    expect(attempt({ ...draft(), changes: { __proto__x: { before: 1, after: 2 } } })).toEqual(['invalid-format', 'changes.__proto__x']);
    expect(attempt({ ...draft(), reason: 'cut emoji \ud83d' })).toEqual(['invalid-format', 'reason']);
  });

  it('keeps each device on its own chain', () => {
    const first = appendEntry(null, draft());
    expect(() => appendEntry(first, draft({ deviceId: 'desk-2' }))).toThrow(ValidationError);
  });

  it('accepts a system actor for entries no person caused', () => {
    const entry = appendEntry(null, draft({ actor: { kind: 'system', systemId: 'integrity-check', displayName: 'Startup check' }, action: 'AUDIT_CHAIN_BROKEN', patientId: null }));
    expect(entry.actor).toEqual({ kind: 'system', systemId: 'integrity-check', displayName: 'Startup check' });
  });
});

describe('verifyAuditChain', () => {
  const entries = chainOf(6);

  it('accepts an untouched chain and reports its head', () => {
    expect(verifyAuditChain(entries)).toMatchObject({ ok: true, count: 6, headSeq: 6, headHash: entries[5]!.hash });
    expect(verifyAuditChain([])).toMatchObject({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it('accepts an async iterable (a database cursor)', async () => {
    async function* cursor() {
      yield* entries;
    }
    await expect(verifyAuditChain(cursor())).resolves.toMatchObject({ ok: true, count: 6 });
  });

  it('names an edited entry', () => {
    const edited = entries.map((entry) => (entry.seq === 3 ? { ...entry, reason: 'covering up' } : entry));
    expect(verifyAuditChain(edited)).toMatchObject({ ok: false, problem: 'edited', seq: 3, index: 2 });
  });

  it('names an entry that was edited and re-hashed, because the next one no longer links to it', () => {
    const rewritten = { ...entries[2]!, outcome: 'denied' as const };
    const rehashed = { ...rewritten, hash: computeEntryHash(rewritten) };
    const report = verifyAuditChain(entries.map((entry) => (entry.seq === 3 ? rehashed : entry)));
    expect(report).toMatchObject({ ok: false, problem: 'edited', seq: 3, index: 2 });
  });

  it('names a removed entry by the first missing seq', () => {
    expect(verifyAuditChain(entries.filter((entry) => entry.seq !== 4))).toMatchObject({ ok: false, problem: 'removed', seq: 4, index: 3 });
    expect(verifyAuditChain(entries.filter((entry) => entry.seq > 2))).toMatchObject({ ok: false, problem: 'removed', seq: 1, index: 0 });
  });

  it('names swapped entries as reordered, at the first out of place', () => {
    const swapped = [entries[0]!, entries[1]!, entries[3]!, entries[2]!, entries[4]!, entries[5]!];
    expect(verifyAuditChain(swapped)).toMatchObject({ ok: false, problem: 'reordered', seq: 4, index: 2 });
    const backwards = [...entries, entries[1]!];
    expect(verifyAuditChain(backwards)).toMatchObject({ ok: false, problem: 'reordered', seq: 2, index: 6 });
  });

  it('catches a cut-off tail only with an expected head kept elsewhere', () => {
    const cut = entries.slice(0, 4);
    expect(verifyAuditChain(cut)).toMatchObject({ ok: true });
    const head = { deviceId: 'desk-1', seq: 6, hash: entries[5]!.hash };
    expect(verifyAuditChain(cut, { expectedHeads: [head] })).toMatchObject({ ok: false, problem: 'truncated', seq: 5, index: 4 });
    expect(verifyAuditChain(entries, { expectedHeads: [head] })).toMatchObject({ ok: true });
    expect(verifyAuditChain(entries, { expectedHeads: [{ seq: 6, hash: entries[5]!.hash }] })).toMatchObject({ ok: true });
  });

  it('catches a rewritten chain whose head differs from the checkpoint', () => {
    const forged = chainOf(6).map((entry) => entry);
    const rewritten: AuditEntry[] = [];
    for (const entry of forged) rewritten.push(appendEntry(rewritten.at(-1) ?? null, { ...entry, reason: entry.seq === 2 ? 'forged' : entry.reason }));
    const report = verifyAuditChain(rewritten, { expectedHeads: [{ deviceId: 'desk-1', seq: 6, hash: entries[5]!.hash }] });
    expect(report).toMatchObject({ ok: false, problem: 'edited', seq: 6 });
  });

  it('checks interleaved devices each on their own chain', () => {
    const other = chainOf(3, 'desk-2');
    const mixed = [entries[0]!, other[0]!, entries[1]!, other[1]!, other[2]!, entries[2]!];
    expect(verifyAuditChain(mixed)).toMatchObject({ ok: true, count: 6, heads: [{ deviceId: 'desk-1', seq: 3 }, { deviceId: 'desk-2', seq: 3 }] });
    expect(verifyAuditChain(mixed.filter((entry) => entry !== other[1]))).toMatchObject({ ok: false, problem: 'removed', seq: 2, deviceId: 'desk-2' });
  });

  it('in a filtered selection allows gaps but still checks hashes, links and order', () => {
    const some = entries.filter((entry) => entry.seq % 2 === 1 || entry.seq === 4);
    expect(verifyAuditChain(some, { contiguous: false })).toMatchObject({ ok: true, count: 4 });
    const edited = some.map((entry) => (entry.seq === 5 ? { ...entry, entityId: 'a-1' } : entry));
    expect(verifyAuditChain(edited, { contiguous: false })).toMatchObject({ ok: false, problem: 'edited', seq: 5 });
    expect(verifyAuditChain([some[0]!, some[2]!, some[1]!], { contiguous: false })).toMatchObject({ ok: false, problem: 'reordered', seq: 3 });
  });

  it('names the first bad entry for any single removal, swap or edit', () => {
    const chain = [...sampleAuditChain(30)];
    const head = [{ deviceId: 'desk-1', seq: 30, hash: chain[29]!.hash }];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 29 }), fc.constantFrom('remove', 'swap', 'edit'), (i, j, tamper) => {
        const entries = [...chain];
        if (tamper === 'remove') {
          entries.splice(i, 1);
          const expected = i === 29 ? { problem: 'truncated', seq: 30 } : { problem: 'removed', seq: i + 1, index: i };
          expect(verifyAuditChain(entries, { expectedHeads: head })).toMatchObject({ ok: false, ...expected });
        } else if (tamper === 'swap') {
          fc.pre(i !== j);
          const [first, second] = i < j ? [i, j] : [j, i];
          [entries[first], entries[second]] = [entries[second]!, entries[first]!];
          expect(verifyAuditChain(entries)).toMatchObject({ ok: false, problem: 'reordered', index: first, seq: second + 1 });
        } else {
          entries[i] = { ...entries[i]!, reason: `${entries[i]!.reason ?? ''} (amended)` };
          expect(verifyAuditChain(entries)).toMatchObject({ ok: false, problem: 'edited', index: i, seq: i + 1 });
        }
      }),
    );
  });

  it('verifies a long varied chain', () => {
    expect(verifyAuditChain(sampleAuditChain(2000))).toMatchObject({ ok: true, count: 2000, headSeq: 2000 });
  });
});
