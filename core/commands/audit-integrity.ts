import Dexie from 'dexie';
import { z } from 'zod';
import { AuditChainVerifier, verifyChainIncrementally } from '../audit';
import type { AuditChainFailure, AuditChainReport, AuditEntry, IncrementalCheck, StoredChainSource, VerifiedHead } from '../audit';
import { readDevice } from '../db';
import type { DeviceMeta } from '../db';
import { defineCommand } from './define-command';
import { runCommand } from './run-command';
import type { CommandEnvironment } from './run-command';
import { nobodySignedIn } from './session';

/** Entries read per page while verifying, so a long log is never all in memory. */
const pageSize = 5_000;

const integrityActor = { kind: 'system' as const, systemId: 'audit-integrity-check', displayName: 'Audit integrity check' };

/**
 * Appends AUDIT_CHAIN_BROKEN after whatever is stored last and re-anchors
 * the device row on it, unless the latest recorded break is this same one.
 * That test runs inside the command's transaction, so two checks running at
 * once (start-up and the audit screen) still record a break only once.
 * It also forgets the audit screen's verified head, in the same transaction:
 * after a break the next check verifies the whole chain and shows it, and a
 * check that passed on new entries alone cannot put a head back meanwhile.
 */
const recordBreak = defineCommand({
  args: z.object({ problem: z.string(), seq: z.number(), message: z.string(), deviceId: z.string() }),
  sync: false,
  reanchor: true,
  async run(scope, args) {
    await scope.db.auditVerification.delete(args.deviceId);
    const previous = await scope.db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').filter((entry) => entry.deviceId === args.deviceId).last();
    if (previous?.changes['problem']?.after === args.problem && previous.changes['seq']?.after === args.seq) return { ok: true, value: null };
    scope.audit({
      action: 'AUDIT_CHAIN_BROKEN',
      actor: integrityActor,
      entityType: 'audit-log',
      entityId: args.deviceId,
      outcome: 'error',
      reason: args.message,
      changes: { problem: { before: null, after: args.problem }, seq: { before: null, after: args.seq } },
    });
    return { ok: true, value: null };
  },
});

/**
 * Verifies this device's stored audit chain (run at start-up and before each
 * export): every hash, every link, no gaps, and the tail up to the head the
 * device row remembers (so a cut-off tail shows). Reads in pages by seq.
 *
 * A broken chain is itself recorded: an `AUDIT_CHAIN_BROKEN` entry (system
 * actor, outcome `error`, the problem and the first bad seq) is appended
 * after the entry actually stored last, and the device row is re-anchored on
 * it so the desk can keep working; the break stays visible to every later
 * check. The same break is recorded once, not at every start.
 *
 * @example
 * const report = await checkStoredAuditChain(env);
 * if (!report.ok) showBanner(`Audit log damaged at entry ${report.seq} (${report.problem})`);
 */
export async function checkStoredAuditChain(env: CommandEnvironment): Promise<AuditChainReport> {
  const { db } = env;
  // A quick pass outside any transaction, so commands are not held up while a long log is hashed…
  let checked = await verifyStoredChain(db);
  if (checked.report.ok) return checked.report;
  // …but a command that commits between reading the device row and the pages looks like a break (its
  // entries past the head read earlier). Confirm against one consistent snapshot before recording anything.
  checked = await db.transaction('r', db.meta, db.audit, () => verifyStoredChain(db));
  const { report, deviceId } = checked;
  if (report.ok) return report;

  await recordBrokenChain(env, report, deviceId);
  return report;
}

/**
 * The audit screen's check: verifies this device's stored chain from the
 * head the last clean check kept (table `auditVerification`), hashing only
 * the entries after it — or the whole chain when `wholeChain` is asked for
 * ("Verify the whole log"), when nothing was verified yet, or when the kept
 * entry changed or vanished (core/audit `verifyChainIncrementally`, which
 * reports that as a break). Up to the device row's head either way, so a
 * cut-off tail still shows. A clean check moves the head on (a whole-chain
 * one also its `fullVerifiedAt`); a break is confirmed and recorded exactly
 * as {@link checkStoredAuditChain} records one, which forgets the head.
 *
 * @example
 * const check = await checkAuditChainSinceVerified(env);
 * check.report.ok && check.scope === 'new-entries' // "verified up to entry {headSeq}, {count} new"
 */
export async function checkAuditChainSinceVerified(env: CommandEnvironment, options: { wholeChain?: boolean } = {}): Promise<IncrementalCheck> {
  const { db } = env;
  const at = new Date(env.clock()).toISOString();
  const wholeChain = options.wholeChain ?? false;
  // As checkStoredAuditChain: a quick pass outside any transaction, a break confirmed on one snapshot.
  let checked = await checkFromVerifiedHead(db, at, wholeChain);
  if (checked.check.report.ok) {
    await keepVerifiedHead(db, checked.deviceId, checked.check.previous, checked.check.next);
    return checked.check;
  }
  checked = await db.transaction('r', db.meta, db.audit, db.auditVerification, () => checkFromVerifiedHead(db, at, wholeChain));
  const { check, deviceId } = checked;
  if (check.report.ok) await keepVerifiedHead(db, deviceId, check.previous, check.next);
  else await recordBrokenChain(env, check.report, deviceId);
  return check;
}

async function recordBrokenChain(env: CommandEnvironment, report: AuditChainFailure, deviceId: string): Promise<void> {
  const recorded = await runCommand(env, 'audit/record-break', recordBreak as never, { problem: report.problem, seq: report.seq, message: report.message, deviceId }, nobodySignedIn);
  if (!recorded.ok) throw new Error(`Recording the broken audit chain failed: ${recorded.error.message}`);
}

/** Reads the device row and its verified head, then checks the chain from that head. */
async function checkFromVerifiedHead(db: CommandEnvironment['db'], at: string, wholeChain: boolean): Promise<{ check: IncrementalCheck; deviceId: string }> {
  const device = await readDevice(db);
  const verifiedHead = (await db.auditVerification.get(device.deviceId)) ?? null;
  const check = await verifyChainIncrementally(storedChain(db, device.deviceId), { deviceId: device.deviceId, verifiedHead, expectedHeads: deviceHead(device), wholeChain, at });
  return { check, deviceId: device.deviceId };
}

/**
 * Stores the head a clean check reached, unless another check moved or
 * forgot it since this one read it (a break recorded meanwhile forgets it:
 * putting it back would let the next check skip that break).
 */
async function keepVerifiedHead(db: CommandEnvironment['db'], deviceId: string, previous: VerifiedHead | null, next: VerifiedHead | null): Promise<void> {
  await db.transaction('rw', db.auditVerification, async () => {
    const stored = (await db.auditVerification.get(deviceId)) ?? null;
    if (!sameHead(stored, previous)) return;
    if (next) await db.auditVerification.put(next);
    else await db.auditVerification.delete(deviceId);
  });
}

function sameHead(left: VerifiedHead | null, right: VerifiedHead | null): boolean {
  if (left === null || right === null) return left === right;
  return left.seq === right.seq && left.hash === right.hash && left.verifiedAt === right.verifiedAt && left.fullVerifiedAt === right.fullVerifiedAt;
}

// Seq 0 is the genesis: no entry to expect yet (a new desk's empty log is whole, not "head missing").
function deviceHead(device: DeviceMeta) {
  return device.auditSeq > 0 ? [{ deviceId: device.deviceId, seq: device.auditSeq, hash: device.auditHead }] : [];
}

/** One device's stored chain for core/audit: an entry by seq, or a page of the entries after a seq (by the chain-order index). */
function storedChain(db: CommandEnvironment['db'], deviceId: string): StoredChainSource {
  return {
    entryAt: (seq) => db.audit.get([deviceId, seq]),
    entriesAfter: (after, limit) => db.audit.where('[deviceId+seq]').between([deviceId, after], [deviceId, Dexie.maxKey], false, true).limit(limit).toArray(),
  };
}

/** Reads the device row, then this device's entries a page at a time by seq, through the verifier. */
async function verifyStoredChain(db: CommandEnvironment['db']): Promise<{ report: AuditChainReport; deviceId: string }> {
  const device = await readDevice(db);
  const verifier = new AuditChainVerifier({ expectedHeads: deviceHead(device) });
  let after = 0;
  for (;;) {
    const page = await db.audit.where('[deviceId+seq]').between([device.deviceId, after], [device.deviceId, Dexie.maxKey], false, true).limit(pageSize).toArray();
    let settled = false;
    for (const entry of page) {
      if (!verifier.push(entry)) {
        settled = true;
        break;
      }
    }
    if (settled || page.length < pageSize) break;
    after = (page.at(-1) as AuditEntry).seq;
  }
  return { report: verifier.finish(), deviceId: device.deviceId };
}
