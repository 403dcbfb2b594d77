import { computeEntryHash, sha256Hex } from './chain';
import type { AuditEntry } from './entry';
import { AuditChainVerifier } from './verify-chain';
import type { AuditChainReport, AuditCheckpoint } from './verify-chain';

/**
 * The last entry of a device's chain that a check verified, kept by the desk
 * so the next check hashes only the entries after it.
 */
export interface VerifiedHead {
  deviceId: string;
  seq: number;
  hash: string;
  /** When the chain was verified up to `seq` (UTC instant). */
  verifiedAt: string;
  /** When the whole chain, from seq 1, last verified (UTC instant): edits before `seq` only show then. */
  fullVerifiedAt: string;
}

/**
 * Where {@link verifyChainIncrementally} reads one device's stored chain. A
 * page at a time, as plain promises: a long log never sits in memory, and a
 * Dexie transaction around the check stays open (an async generator's own
 * promises would let IndexedDB commit it early).
 */
export interface StoredChainSource {
  /** The stored entry with this seq, or undefined when there is none. */
  entryAt(seq: number): Promise<AuditEntry | undefined>;
  /** Up to `limit` stored entries with seq greater than `after`, in seq order; fewer than `limit` means the chain ends there. */
  entriesAfter(after: number, limit: number): Promise<readonly AuditEntry[]>;
}

/** Entries read per page. */
const pageSize = 5_000;

/**
 * Why a check verified the whole chain instead of only the new entries:
 * - `asked`: someone asked for it ("Verify the whole log");
 * - `no-verified-head`: nothing verified yet (first check, or the last one found a break);
 * - `verified-head-changed`: the verified entry is there but no longer the one verified;
 * - `verified-head-missing`: the verified entry is gone (a cut-off or rolled-back log);
 * - `expected-head-differs`: an expected head at or before the verified one does not match its stored entry;
 * - `new-entries-broken`: the new entries did not verify, so the whole chain is checked to name its first break.
 */
export type WholeChainReason = 'asked' | 'no-verified-head' | 'verified-head-changed' | 'verified-head-missing' | 'expected-head-differs' | 'new-entries-broken';

/** What {@link verifyChainIncrementally} found. */
export interface IncrementalCheck {
  /** The verdict. `count` is the entries verified: the new ones, or the whole chain's. */
  report: AuditChainReport;
  /** Only the entries after the verified head, or the whole chain from seq 1. */
  scope: 'new-entries' | 'whole-chain';
  /** Why the whole chain was verified; null when only the new entries were. */
  wholeChainBecause: WholeChainReason | null;
  /** Entries whose hash was computed, the verified head's own re-check included. */
  hashed: number;
  /** The head the check started from, if any. */
  previous: VerifiedHead | null;
  /**
   * What to keep: the head advanced to the newest entry after a clean check
   * (null for an empty log: nothing to anchor on), or null after a break so
   * the next check verifies the whole chain again and shows the break.
   */
  next: VerifiedHead | null;
}

/** Options of {@link verifyChainIncrementally}. */
export interface IncrementalCheckOptions {
  /** The device whose chain `source` reads. */
  deviceId: string;
  /** The head kept from the last clean check, or null. One of another device is ignored. */
  verifiedHead: VerifiedHead | null;
  /** Heads kept elsewhere (the device row's), checked as {@link AuditChainVerifier} does. */
  expectedHeads?: readonly AuditCheckpoint[];
  /** Verify the whole chain whatever the verified head says. */
  wholeChain?: boolean;
  /** "Now" (UTC instant) for the head kept. */
  at: string;
  /** SHA-256 of UTF-8 text in lower-case hex; defaults to @noble/hashes. */
  hashText?: (text: string) => string;
}

/**
 * Verifies a device's stored chain from where the last clean check left off.
 * First the verified entry is read back: it must still be there, with the
 * same hash, and its content must still hash to it. Then only the entries
 * after it are hashed and linked on from it, up to the expected heads.
 * Whenever that cannot be trusted — no verified head, the verified entry
 * changed or gone, an expected head before it that no longer matches, or a
 * break among the new entries — the whole chain is verified instead, with
 * the verified head as one more expected head, so a rolled-back or rewritten
 * log is reported (`truncated`, `removed` or `edited` at that entry) and the
 * report names the chain's first break, as a full check would. An edit
 * before the verified entry that leaves it intact shows only in a
 * whole-chain check (`wholeChain: true`); `fullVerifiedAt` says when there
 * was one.
 *
 * @example
 * const check = await verifyChainIncrementally(source, { deviceId, verifiedHead: stored, at: now });
 * check.scope;  // 'new-entries'
 * check.report; // { ok: true, count: 12, headSeq: 100234, … }
 * check.next;   // { seq: 100234, hash: '…', verifiedAt: now, fullVerifiedAt: stored.fullVerifiedAt }
 */
export async function verifyChainIncrementally(source: StoredChainSource, options: IncrementalCheckOptions): Promise<IncrementalCheck> {
  const { deviceId, at } = options;
  let hashed = 0;
  const baseHash = options.hashText ?? sha256Hex;
  const hashText = (text: string) => {
    hashed++;
    return baseHash(text);
  };
  const expectedHeads = options.expectedHeads ?? [];
  const previous = options.verifiedHead !== null && options.verifiedHead.deviceId === deviceId ? options.verifiedHead : null;

  const wholeChain = async (because: WholeChainReason): Promise<IncrementalCheck> => {
    const anchor = previous === null ? [] : [{ deviceId, seq: previous.seq, hash: previous.hash }];
    const verifier = new AuditChainVerifier({ expectedHeads: [...expectedHeads, ...anchor], hashText });
    await pushAll(verifier, source, 0);
    const report = verifier.finish();
    return { report, scope: 'whole-chain', wholeChainBecause: because, hashed, previous, next: keep(deviceId, report, at, at) };
  };

  if (options.wholeChain) return wholeChain('asked');
  if (previous === null) return wholeChain('no-verified-head');
  const verified = await source.entryAt(previous.seq);
  if (verified === undefined) return wholeChain('verified-head-missing');
  if (verified.deviceId !== deviceId || verified.hash !== previous.hash || computeEntryHash(verified, hashText) !== verified.hash) return wholeChain('verified-head-changed');
  for (const head of expectedHeads) {
    if (head.seq > previous.seq || (head.deviceId !== undefined && head.deviceId !== deviceId)) continue;
    const stored = head.seq === previous.seq ? verified : await source.entryAt(head.seq);
    if (stored?.hash !== head.hash) return wholeChain('expected-head-differs');
  }

  const verifier = new AuditChainVerifier({ expectedHeads: expectedHeads.filter((head) => head.seq > previous.seq), hashText, continuesFrom: previous });
  await pushAll(verifier, source, previous.seq);
  const report = verifier.finish();
  if (!report.ok) return wholeChain('new-entries-broken');
  return { report, scope: 'new-entries', wholeChainBecause: null, hashed, previous, next: keep(deviceId, report, at, previous.fullVerifiedAt) };
}

/** Feeds the verifier every stored entry after `after`, a page at a time, until its outcome is settled. */
async function pushAll(verifier: AuditChainVerifier, source: StoredChainSource, after: number): Promise<void> {
  for (let from = after; ; ) {
    const page = await source.entriesAfter(from, pageSize);
    for (const entry of page) if (!verifier.push(entry)) return;
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return;
    from = last.seq;
  }
}

function keep(deviceId: string, report: AuditChainReport, at: string, fullVerifiedAt: string): VerifiedHead | null {
  if (!report.ok || report.headSeq === 0) return null;
  return { deviceId, seq: report.headSeq, hash: report.headHash, verifiedAt: at, fullVerifiedAt };
}
