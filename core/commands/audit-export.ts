import { z } from 'zod';
import { exportAuditCsv, parseAuditExportFilter } from '../audit';
import type { AuditChainReport, AuditExportFilter, AuditManifest } from '../audit';
import { auditEntriesInChainOrder } from '../queries';
import { ValidationError } from '../validation';
import { checkStoredAuditChain } from './audit-integrity';
import { refuse } from './command-result';
import type { CommandResult } from './command-result';
import { defineCommand } from './define-command';
import { runCommand } from './run-command';
import type { CommandEnvironment } from './run-command';
import { isManager } from './session';
import type { CommandSession } from './session';

/** What to export and where the text goes. */
export interface AuditExportRequest {
  /** The file's name as the user will find it; recorded in the AUDIT_EXPORTED entry. */
  fileName: string;
  /** Date range, staff member, actions, patient (core/audit's filter; all optional). */
  filter?: AuditExportFilter;
  /**
   * Receives the CSV chunk by chunk (BOM and header first). Awaited, so a
   * slow disk holds the export back instead of piling chunks up in memory.
   */
  write(chunk: string): void | Promise<void>;
  /** Rows per chunk (core/audit's default 1,000). */
  rowsPerChunk?: number;
}

/** A finished export: the manifest to write beside the file, and what the chain check before it found. */
export interface AuditExportOutcome {
  manifest: AuditManifest;
  /** The stored chain as verified just before exporting; a break was also recorded as AUDIT_CHAIN_BROKEN. */
  chain: AuditChainReport;
}

const recordExport = defineCommand({
  args: z.object({
    fileName: z.string().trim().min(1).max(200),
    outcome: z.enum(['success', 'denied', 'error']),
    reason: z.string().nullable(),
    rows: z.number().int().min(0).nullable(),
    filter: z.record(z.string(), z.unknown()),
    heads: z.array(z.object({ deviceId: z.string(), lastSeq: z.number(), headHash: z.string() })),
    patientId: z.string().nullable(),
    chainVerified: z.boolean().nullable(),
  }),
  // An export changes no record (like patient/view): audited, nothing to sync.
  sync: false,
  async run(scope, args) {
    scope.audit({
      action: 'AUDIT_EXPORTED',
      entityType: 'audit-log',
      entityId: args.fileName,
      // A patient filter names the patient: the file discloses their history.
      patientId: args.patientId,
      outcome: args.outcome,
      reason: args.reason,
      changes: {
        rows: { before: null, after: args.rows },
        filter: { before: null, after: args.filter as never },
        heads: { before: null, after: args.heads },
        chainVerified: { before: null, after: args.chainVerified },
      },
    });
    return { ok: true, value: null };
  },
});

/**
 * Exports the stored audit log as core/audit's CSV (RFC 4180, BOM, formula
 * guard, filters) and records the export itself. In order:
 *
 * 1. only a manager or admin may export (anyone else: `not-permitted`, and
 *    the refused attempt is recorded as AUDIT_EXPORTED with outcome `denied`);
 * 2. a bad filter is refused naming the field (`filter.to`…), before any work;
 * 3. the stored chain is verified (`checkStoredAuditChain`, which records a
 *    break as AUDIT_CHAIN_BROKEN); the report comes back in `chain` for the
 *    screen to show. A broken chain does not stop the export: the officer
 *    needs the file, and `timedesk-audit verify` names the same break in it;
 * 4. every entry is streamed in chain order, a page at a time, into `write`;
 * 5. the export is recorded as AUDIT_EXPORTED (file name, rows, filter, the
 *    heads the manifest promises, whether the chain verified). If writing
 *    fails half-way, that is recorded too (outcome `error`) and the error is
 *    rethrown.
 *
 * The AUDIT_EXPORTED entry comes after the exported rows, so it is in the
 * next export, not in this one.
 *
 * @example
 * const result = await exportAuditLog(env, session, { fileName: 'audit-2026-03.csv', filter: { patientId: 'p-7' }, write: (chunk) => file.write(chunk) });
 * if (result.ok) await writeJson('audit-2026-03.manifest.json', result.value.manifest);
 */
export async function exportAuditLog(env: CommandEnvironment, session: CommandSession, request: AuditExportRequest): Promise<CommandResult<AuditExportOutcome>> {
  const record = (args: Omit<z.input<typeof recordExport.args>, 'fileName'>) => runCommand(env, 'audit/record-export', recordExport as never, { fileName: request.fileName, ...args }, session);
  if (!request.fileName.trim()) return refuse('required', 'fileName', 'The export needs a file name.');

  let filter: ReturnType<typeof parseAuditExportFilter>;
  try {
    filter = parseAuditExportFilter(request.filter ?? {});
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: error.toJSON() };
    throw error;
  }
  const patientId = filter.patientId ?? null;

  if (!isManager(session)) {
    const denied = { outcome: 'denied' as const, reason: 'Only a manager or admin can export the audit log.', rows: null, filter, heads: [], patientId, chainVerified: null };
    await mustRecord(await record(denied));
    return refuse('not-permitted', 'session', denied.reason);
  }

  const chain = await checkStoredAuditChain(env);
  const chunks = exportAuditCsv(auditEntriesInChainOrder(env.db), filter, request.rowsPerChunk === undefined ? {} : { rowsPerChunk: request.rowsPerChunk });
  let manifest: AuditManifest;
  try {
    let step = await chunks.next();
    while (!step.done) {
      await request.write(step.value);
      step = await chunks.next();
    }
    manifest = step.value;
  } catch (error) {
    const reason = `The export stopped: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000);
    await mustRecord(await record({ outcome: 'error', reason, rows: null, filter, heads: [], patientId, chainVerified: chain.ok }));
    throw error;
  }
  const heads = manifest.heads.map(({ deviceId, lastSeq, headHash }) => ({ deviceId, lastSeq, headHash }));
  await mustRecord(await record({ outcome: 'success', reason: null, rows: manifest.rows, filter, heads, patientId, chainVerified: chain.ok }));
  return { ok: true, value: { manifest, chain } };
}

/** Recording an export has no user input left to refuse; a refusal here is a bug. */
async function mustRecord(result: CommandResult<unknown>): Promise<void> {
  if (!result.ok) throw new Error(`Recording the audit export failed: ${result.error.message}`);
}
