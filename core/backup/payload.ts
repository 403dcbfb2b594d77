import { z } from 'zod';
import { BackupError } from './backup-error';

/**
 * The decrypted contents of a backup are Dexie's own export format
 * (dexie-export-import's `DexieExportJsonStructure`, formatName `dexie`,
 * formatVersion 1), cut into segments that are each valid JSON on their own:
 *
 * - segment 0, the prelude: `{ formatName, formatVersion, data: { databaseName, databaseVersion, tables } }`
 *   (`tables`: `{ name, schema, rowCount }` per table);
 * - every later segment: one element of `data.data`, `{ tableName, inbound, rows }` — a table's
 *   rows in primary-key order, one page per segment (a table spans as many as it needs).
 *
 * `toDexieExportText` joins them into the single JSON text `importInto` reads
 * (dexie-export-import accepts a table in several `data` elements), so a
 * decrypted backup is importable with Dexie's standard tool; the restore
 * itself parses one segment at a time so memory stays flat.
 */
export const dexieFormat = { formatName: 'dexie', formatVersion: 1 } as const;

const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

/** The prelude segment. */
export const preludeSchema = z.object({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.object({
    databaseName: z.string().min(1),
    databaseVersion: z.number().int().min(1),
    tables: z.array(z.object({ name: tableName, schema: z.string().max(2000), rowCount: z.number().int().min(0) })).max(200),
  }),
});

/** See {@link preludeSchema}. */
export type BackupPrelude = z.infer<typeof preludeSchema>;

/** One page of a table's rows. Outbound tables (no key path) carry `[key, value]` pairs, as in Dexie's format. */
export const tableSegmentSchema = z.object({
  tableName,
  inbound: z.boolean(),
  rows: z.array(z.unknown()),
});

/** See {@link tableSegmentSchema}. */
export type TableSegment = z.infer<typeof tableSegmentSchema>;

/**
 * The prelude's text.
 *
 * @example preludeText({ databaseName: 'timedesk', databaseVersion: 30, tables: [] })
 */
export function preludeText(data: BackupPrelude['data']): string {
  return JSON.stringify({ ...dexieFormat, data });
}

/**
 * A page of rows as a segment's text. Rows are plain JSON records (every
 * Timedesk table holds only strings, numbers, booleans, null, arrays and
 * objects), so no type encapsulation is needed.
 *
 * @example tableSegmentText('patients', true, [{ id: 'p1' }]) // '{"tableName":"patients","inbound":true,"rows":[{"id":"p1"}]}'
 */
export function tableSegmentText(name: string, inbound: boolean, rows: readonly unknown[]): string {
  return JSON.stringify({ tableName: name, inbound, rows });
}

function parseJson(text: string, index: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupError('contents-invalid', `Segment ${index} is not JSON.`, { chunk: index });
  }
}

/**
 * Parses segment 0.
 *
 * @example parsePrelude(text).data.tables.length // 16
 */
export function parsePrelude(text: string): BackupPrelude {
  const parsed = preludeSchema.safeParse(parseJson(text, 0));
  if (!parsed.success) throw new BackupError('contents-invalid', 'The backup does not begin with a Dexie export prelude.', { chunk: 0 });
  return parsed.data;
}

/**
 * Parses a later segment.
 *
 * @example parseTableSegment(text, 3).tableName // 'appointments'
 */
export function parseTableSegment(text: string, index: number): TableSegment {
  const parsed = tableSegmentSchema.safeParse(parseJson(text, index));
  if (!parsed.success) throw new BackupError('contents-invalid', `Segment ${index} is not a page of table rows.`, { chunk: index });
  return parsed.data;
}

/**
 * Joins the segments into one dexie-export-import JSON text (for Dexie's own
 * `importInto`/`peakImportFile`, and the tests that prove the format is Dexie's).
 *
 * @example new Blob([toDexieExportText(segments)]) // importInto(db, blob) reads it
 */
export function toDexieExportText(segments: readonly string[]): string {
  const [prelude, ...pages] = segments;
  if (prelude === undefined) throw new Error('No prelude segment.');
  const head = JSON.parse(prelude) as BackupPrelude;
  const opened = JSON.stringify({ ...head, data: { ...head.data, data: [] } });
  // `…"data":[]}}` → `…"data":[` + pages + `]}}`
  return `${opened.slice(0, -3)}${pages.join(',')}]}}`;
}
