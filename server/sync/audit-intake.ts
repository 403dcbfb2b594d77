import { GENESIS_HASH, computeEntryHash } from '../../core';
import type { AuditEntry } from '../../core';
import { ApiError } from '../http/api-error';
import type { AuditHeadRecord, WriteTransaction } from '../storage/storage';

/** What a push reports about its audit entries. `head` is null until the device's first entry. */
export interface AuditIntake {
  accepted: number;
  head: AuditHeadRecord | null;
}

/** What {@link acceptAuditIn} decided: how far the chain got, and where it broke if it did. */
export type AuditOutcome = AuditIntake & { brokenAt?: number; why?: string };

/**
 * Appends a device's audit entries (already shape-checked with core/audit)
 * to its chain on the server, inside a push's write transaction: each must
 * continue it (seq = last + 1, prevHash = last hash, hash recomputed with
 * core/audit's `computeEntryHash`). An entry the server already holds with
 * the same hash is skipped (a resend). Anything else is a broken chain: the
 * entries before it are kept (append only) and the outcome names the seq;
 * the caller answers 409 `audit-chain-broken` once the push committed
 * ({@link auditChainBroken}).
 *
 * @example await acceptAuditIn(tx, [entry1, entry2]) // { accepted: 2, head: { seq: 2, hash: '…' } }
 */
export async function acceptAuditIn(tx: WriteTransaction, entries: readonly AuditEntry[]): Promise<AuditOutcome> {
  let head = await tx.auditHead();
  let accepted = 0;
  for (const entry of entries) {
    if (head !== null && entry.seq <= head.seq) {
      // A resend only if it is byte-for-byte the stored entry: same hash, and the hash still matches its content.
      if ((await tx.auditHashAt(entry.seq)) === entry.hash && computeEntryHash(entry) === entry.hash) continue;
      return { accepted, head, brokenAt: entry.seq, why: `entry ${entry.seq} differs from the one the server already holds` };
    }
    const expectedSeq = (head?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) return { accepted, head, brokenAt: expectedSeq, why: `entry ${expectedSeq} is missing (got ${entry.seq})` };
    if (entry.prevHash !== (head?.hash ?? GENESIS_HASH)) return { accepted, head, brokenAt: entry.seq, why: `entry ${entry.seq} does not link to the previous entry's hash` };
    if (computeEntryHash(entry) !== entry.hash) return { accepted, head, brokenAt: entry.seq, why: `entry ${entry.seq} does not match its hash (edited)` };
    await tx.appendAudit({ seq: entry.seq, hash: entry.hash, prevHash: entry.prevHash, entry: { ...entry } });
    head = { seq: entry.seq, hash: entry.hash };
    accepted += 1;
  }
  return { accepted, head };
}

/**
 * The 409 for a chain {@link acceptAuditIn} found broken, or null.
 *
 * @example const refusal = auditChainBroken(outcome); if (refusal) throw refusal;
 */
export function auditChainBroken(outcome: AuditOutcome): ApiError | null {
  if (outcome.brokenAt === undefined) return null;
  return new ApiError(409, 'audit-chain-broken', `The device's audit chain is broken: ${outcome.why ?? 'unknown'}.`, {
    details: { seq: outcome.brokenAt, accepted: outcome.accepted, head: outcome.head },
  });
}
