import { GENESIS_HASH, computeEntryHash } from '../../core';
import type { AuditEntry } from '../../core';
import { ApiError } from '../http/api-error';
import type { AuditHeadRecord, Storage } from '../storage/storage';
import type { SyncAuth } from './sync-auth';

/** What a push reports about its audit entries. `head` is null until the device's first entry. */
export interface AuditIntake {
  accepted: number;
  head: AuditHeadRecord | null;
}

/**
 * Appends a device's audit entries (already shape-checked with core/audit)
 * to its chain on the server: each must continue it (seq = last + 1,
 * prevHash = last hash, hash recomputed with core/audit's `computeEntryHash`).
 * An entry the server already holds with the same hash is skipped (a resend).
 * Anything else is a broken chain: the entries before it are kept (append
 * only) and 409 `audit-chain-broken` names the seq.
 *
 * @example await acceptAudit(storage, auth, [entry1, entry2]) // { accepted: 2, head: { seq: 2, hash: '…' } }
 */
export async function acceptAudit(storage: Storage, auth: SyncAuth, entries: readonly AuditEntry[]): Promise<AuditIntake> {
  if (entries.length === 0) return { accepted: 0, head: await storage.auditHead(auth.clinicId, auth.deviceId) };
  const outcome = await storage.write(auth.clinicId, auth.deviceId, async (tx) => {
    await tx.device();
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
  });
  if ('brokenAt' in outcome) {
    throw new ApiError(409, 'audit-chain-broken', `The device's audit chain is broken: ${outcome.why}.`, {
      details: { seq: outcome.brokenAt, accepted: outcome.accepted, head: outcome.head },
    });
  }
  return outcome;
}
