import { auditManifestPath } from '../../core/audit';
import type { AuditChainReport, AuditManifest } from '../../core/audit';
import { exportAuditLog } from '../../core/commands';
import type { CommandEnvironment, CommandResult, CommandSession } from '../../core/commands';
import type { AuditSelection } from './audit-filter';
import { exportFilter } from './audit-filter';

/** A finished export: the CSV as Blob parts (one per chunk of rows), its manifest, both file names and the chain check. */
export interface AuditExportFiles {
  csvName: string;
  /** The CSV text in chunks of up to 1,000 rows, BOM and header first: Blob parts as they are. */
  csvParts: string[];
  manifestName: string;
  manifest: AuditManifest;
  /** The manifest as written beside the CSV (pretty JSON, newline at the end). */
  manifestText: string;
  /** The stored chain as verified just before the export. */
  chain: AuditChainReport;
}

/**
 * The file name of an export made at `instant` (UTC, so two desks name the
 * same moment alike): `timedesk-audit-20261125-140501.csv`.
 *
 * @example auditExportName(Date.parse('2026-11-25T14:05:01Z')) // 'timedesk-audit-20261125-140501.csv'
 */
export function auditExportName(instant: number): string {
  const stamp = new Date(instant).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `timedesk-audit-${stamp}.csv`;
}

/**
 * Exports the selected entries through core/commands' `exportAuditLog`
 * (managers and admins; verifies the stored chain first, streams core/audit's
 * CSV in chain order, records AUDIT_EXPORTED), collecting the chunks as Blob
 * parts, and returns them with the manifest to offer beside the file.
 *
 * @example const result = await exportAuditFiles(env, session, { action: 'STAFF_SAVED' }, Date.now());
 */
export async function exportAuditFiles(env: CommandEnvironment, session: CommandSession, selection: AuditSelection, instant: number): Promise<CommandResult<AuditExportFiles>> {
  const csvName = auditExportName(instant);
  const csvParts: string[] = [];
  const result = await exportAuditLog(env, session, { fileName: csvName, filter: exportFilter(selection), write: (chunk) => void csvParts.push(chunk) });
  if (!result.ok) return result;
  const { manifest, chain } = result.value;
  return { ok: true, value: { csvName, csvParts, manifestName: auditManifestPath(csvName), manifest, manifestText: `${JSON.stringify(manifest, null, 2)}\n`, chain } };
}
