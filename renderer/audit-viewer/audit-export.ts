import { auditManifestPath, exportAuditCsv } from '../../core/audit';
import type { AuditEntry, AuditManifest } from '../../core/audit';
import type { TimedeskDb } from '../../core/db';
import type { AuditSelection } from './audit-filter';
import { exportFilter } from './audit-filter';

/** Entries read per page while exporting, so a long log never sits in memory as entry objects. */
const pageSize = 2_000;

/**
 * Every stored audit entry in chain order (device, then seq: the table's
 * primary key), read in pages. Entries added while the export runs only ever
 * come after the page being read, so nothing is skipped or repeated.
 *
 * @example for await (const entry of entriesInChainOrder(db)) count++;
 */
export async function* entriesInChainOrder(db: TimedeskDb, entriesPerPage = pageSize): AsyncGenerator<AuditEntry> {
  let after: [string, number] | null = null;
  for (;;) {
    const range = after ? db.audit.where(':id').above(after) : db.audit.toCollection();
    const page: AuditEntry[] = await range.limit(entriesPerPage).toArray();
    yield* page;
    const last: AuditEntry | undefined = page.at(-1);
    if (!last || page.length < entriesPerPage) return;
    after = [last.deviceId, last.seq];
  }
}

/** A finished export: the CSV as Blob parts (one per chunk of rows), its manifest and both file names. */
export interface AuditExportFiles {
  csvName: string;
  /** The CSV text in chunks of up to 1,000 rows, BOM and header first: Blob parts as they are. */
  csvParts: string[];
  manifestName: string;
  manifest: AuditManifest;
  /** The manifest as written beside the CSV (pretty JSON, newline at the end). */
  manifestText: string;
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
 * Writes the selected entries as core/audit's CSV (BOM, header, formula
 * guard) by streaming its chunks into a list of Blob parts, and keeps the
 * manifest the generator returns. The whole log is walked in chain order so
 * the manifest's heads are right; the filter picks the rows.
 *
 * @example const files = await buildAuditExport(db, { action: 'STAFF_SAVED' }, Date.now());
 */
export async function buildAuditExport(db: TimedeskDb, selection: AuditSelection, instant: number): Promise<AuditExportFiles> {
  const csvName = auditExportName(instant);
  const csvParts: string[] = [];
  const chunks = exportAuditCsv(entriesInChainOrder(db), exportFilter(selection));
  let step = await chunks.next();
  while (!step.done) {
    csvParts.push(step.value);
    step = await chunks.next();
  }
  const manifest = step.value;
  return { csvName, csvParts, manifestName: auditManifestPath(csvName), manifest, manifestText: `${JSON.stringify(manifest, null, 2)}\n` };
}
