import { z } from 'zod';
import type { AuditManifest } from '../../core/audit';
import { defineCommand, runCommand } from '../../core/commands';
import type { CommandEnvironment, CommandResult, CommandSession } from '../../core/commands';

const recordExport = defineCommand({
  args: z.object({
    fileName: z.string().min(1),
    rows: z.number().int().min(0),
    filter: z.record(z.string(), z.unknown()),
    heads: z.array(z.object({ deviceId: z.string(), lastSeq: z.number(), headHash: z.string() })),
    patientId: z.string().nullable(),
    chainVerified: z.boolean(),
  }),
  // Nothing to sync: an export changes no record (like patient/view), it is only audited.
  sync: false,
  async run(scope, args) {
    scope.audit({
      action: 'AUDIT_EXPORTED',
      entityType: 'audit-log',
      entityId: args.fileName,
      patientId: args.patientId,
      changes: {
        rows: { before: null, after: args.rows },
        filter: { before: null, after: args.filter },
        heads: { before: null, after: args.heads },
        chainVerified: { before: null, after: args.chainVerified },
      },
    });
    return { ok: true, value: null };
  },
});

/**
 * Records an audit export as an `AUDIT_EXPORTED` entry through the engine's
 * command wrapper (chained, in one transaction): who exported, the file
 * name, the row count, the filter, the heads the manifest promises and
 * whether the stored chain verified first. A patient filter names that
 * patient, since the file discloses their history.
 *
 * core/commands has no export command yet, so the definition lives here;
 * it moves to core/commands as `audit/export` when that lands.
 *
 * @example await recordAuditExport(env, session, manifest, 'audit.csv', true);
 */
export function recordAuditExport(env: CommandEnvironment, session: CommandSession, manifest: AuditManifest, fileName: string, chainVerified: boolean): Promise<CommandResult<null>> {
  const args = {
    fileName,
    rows: manifest.rows,
    filter: manifest.filter,
    heads: manifest.heads.map((head) => ({ deviceId: head.deviceId, lastSeq: head.lastSeq, headHash: head.headHash })),
    patientId: manifest.filter.patientId ?? null,
    chainVerified,
  };
  return runCommand(env, 'audit/record-export', recordExport as never, args, session) as Promise<CommandResult<null>>;
}
