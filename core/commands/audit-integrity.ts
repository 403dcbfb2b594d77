import Dexie from 'dexie';
import { z } from 'zod';
import { AuditChainVerifier } from '../audit';
import type { AuditChainReport, AuditEntry } from '../audit';
import { readDevice } from '../db';
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
 */
const recordBreak = defineCommand({
  args: z.object({ problem: z.string(), seq: z.number(), message: z.string(), deviceId: z.string() }),
  sync: false,
  reanchor: true,
  async run(scope, args) {
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

  const recorded = await runCommand(env, 'audit/record-break', recordBreak as never, { problem: report.problem, seq: report.seq, message: report.message, deviceId }, nobodySignedIn);
  if (!recorded.ok) throw new Error(`Recording the broken audit chain failed: ${recorded.error.message}`);
  return report;
}

/** Reads the device row, then this device's entries a page at a time by seq, through the verifier. */
async function verifyStoredChain(db: CommandEnvironment['db']): Promise<{ report: AuditChainReport; deviceId: string }> {
  const device = await readDevice(db);
  // Seq 0 is the genesis: no entry to expect yet (a new desk's empty log is whole, not "head missing").
  const expectedHeads = device.auditSeq > 0 ? [{ deviceId: device.deviceId, seq: device.auditSeq, hash: device.auditHead }] : [];
  const verifier = new AuditChainVerifier({ expectedHeads });
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
