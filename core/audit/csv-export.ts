import { z } from 'zod';
import { ValidationError } from '../validation';
import { csvCell } from './csv-cell';
import { auditCsvColumns, entryToCells } from './csv-columns';
import { auditActions, type AuditAction, type AuditEntry } from './entry';
import { AUDIT_CSV_FORMAT, type AuditExportHead, type AuditManifest } from './manifest';

/**
 * Which entries an export holds. All parts are optional and combine with AND.
 * `from`/`to` are UTC instants in the entries' own form
 * (`2026-03-01T00:00:00.000Z`), half-open: from ≤ at < to.
 */
export interface AuditExportFilter {
  from?: string;
  to?: string;
  /** Entries by this staff member (system actors never match). */
  staffId?: string;
  /** Entries with any of these actions. */
  actions?: readonly AuditAction[];
  patientId?: string;
}

/** Tuning for {@link exportAuditCsv}. */
export interface AuditExportOptions {
  /** Rows per yielded chunk; 1,000 keeps chunks near 0.5 MB. */
  rowsPerChunk?: number;
}

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'a UTC instant like 2026-03-01T00:00:00.000Z');
const filterSchema = z.object({
  from: instant.optional(),
  to: instant.optional(),
  staffId: z.string().min(1).optional(),
  actions: z.array(z.enum(auditActions)).min(1).optional(),
  patientId: z.string().min(1).optional(),
});

type CleanFilter = z.infer<typeof filterSchema>;

/**
 * UTF-8 byte order mark: without it Excel reads the file as the local code page and mangles names.
 *
 * @example (await exportAuditCsv([]).next()).value.startsWith(CSV_BOM) // true
 */
export const CSV_BOM = '\uFEFF';
const lineEnd = '\r\n';

/**
 * Streams entries as an RFC 4180 CSV (BOM, header row, CRLF, quoted where
 * needed, formula-guarded cells; see csv-cell.ts) in chunks of
 * `rowsPerChunk` rows, so a million entries never sit in memory. The
 * generator's return value is the manifest to write beside the file
 * (see manifest.ts): row count and, per device, first/last seq and head hash.
 * Throws a ValidationError naming the filter field for a bad filter.
 *
 * @example
 * const chunks = exportAuditCsv(db.auditEntries(), { patientId: 'p-7' });
 * let step = await chunks.next();
 * while (!step.done) { await file.write(step.value); step = await chunks.next(); }
 * const manifest = step.value; // { format, filtered: true, rows, heads: [...] }
 */
export async function* exportAuditCsv(
  source: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  filter: AuditExportFilter = {},
  options: AuditExportOptions = {},
): AsyncGenerator<string, AuditManifest, undefined> {
  const clean = parseAuditExportFilter(filter);
  const matches = auditFilterMatcher(clean);
  const rowsPerChunk = Math.max(1, options.rowsPerChunk ?? 1000);
  const heads = new Map<string, AuditExportHead>();
  let rows = 0;
  // Rows are collected as flat strings and joined once per chunk: appending
  // to one growing string would keep a tree of thousands of pieces alive
  // until the chunk is written, which the garbage collector then has to copy.
  let chunk: string[] = [CSV_BOM + auditCsvColumns.join(',') + lineEnd];
  let rowsInChunk = 0;
  for await (const entry of source) {
    if (!matches(entry)) continue;
    chunk.push(auditCsvRow(entry));
    rows++;
    const head = heads.get(entry.deviceId);
    if (head) {
      head.count++;
      head.lastSeq = entry.seq;
      head.headHash = entry.hash;
    } else {
      heads.set(entry.deviceId, { deviceId: entry.deviceId, count: 1, firstSeq: entry.seq, lastSeq: entry.seq, headHash: entry.hash });
    }
    if (++rowsInChunk >= rowsPerChunk) {
      yield chunk.join('');
      chunk = [];
      rowsInChunk = 0;
    }
  }
  if (chunk.length > 0) yield chunk.join('');
  const filtered = Object.keys(clean).length > 0;
  return { format: AUDIT_CSV_FORMAT, filtered, filter: clean, rows, heads: [...heads.values()] };
}

/**
 * One entry as a CSV line, CRLF included.
 *
 * @example auditCsvRow(entry) // '1,e-1,2026-03-09T14:05:00.000Z,…\r\n'
 */
export function auditCsvRow(entry: AuditEntry): string {
  const cells = entryToCells(entry);
  for (let i = 0; i < cells.length; i++) cells[i] = csvCell(cells[i] as string);
  // join gives one flat string (see the chunk comment in exportAuditCsv).
  return cells.join(',') + lineEnd;
}

/**
 * Checks an export filter at the edge and drops absent parts; throws a
 * ValidationError naming the field (`filter.to`, `filter.actions.0`…).
 * Lets a caller refuse a bad filter before it starts any work.
 *
 * @example parseAuditExportFilter({ patientId: 'p-7', to: undefined }) // { patientId: 'p-7' }
 */
export function parseAuditExportFilter(filter: AuditExportFilter): CleanFilter {
  const result = filterSchema.safeParse(filter);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = `filter.${issue?.path.map(String).join('.') ?? ''}`;
    throw new ValidationError('invalid-format', field, `Audit export ${field}: ${issue?.message ?? 'invalid'}.`);
  }
  const clean = result.data;
  if (clean.from !== undefined && clean.to !== undefined && clean.to <= clean.from) {
    throw new ValidationError('end-not-after-start', 'filter.to', `Audit export: "to" (${clean.to}) must be after "from" (${clean.from}).`);
  }
  // Drop absent keys so the manifest records only what was asked for.
  return Object.fromEntries(Object.entries(clean).filter(([, value]) => value !== undefined)) as CleanFilter;
}

/**
 * The test a filter applies to each entry; the CSV verifier re-applies a
 * filtered export's recorded filter so a row that does not belong shows.
 *
 * @example auditFilterMatcher({ patientId: 'p-7' })(entry) // entry.patientId === 'p-7'
 */
export function auditFilterMatcher(filter: AuditManifest['filter']): (entry: Omit<AuditEntry, 'changes'>) => boolean {
  const { from, to, staffId, patientId } = filter;
  const actions = filter.actions ? new Set<string>(filter.actions) : undefined;
  // Instants share one fixed-width form, so string order is time order.
  return (entry) =>
    (from === undefined || entry.at >= from) &&
    (to === undefined || entry.at < to) &&
    (staffId === undefined || (entry.actor.kind === 'staff' && entry.actor.staffId === staffId)) &&
    (actions === undefined || actions.has(entry.action)) &&
    (patientId === undefined || entry.patientId === patientId);
}
