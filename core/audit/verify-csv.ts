import { sha256Hex } from './chain';
import { unguardFormula } from './csv-cell';
import { auditCsvColumns, cellsToRow } from './csv-columns';
import { auditFilterMatcher, CSV_BOM } from './csv-export';
import { CsvRecordReader, CsvSyntaxError } from './csv-reader';
import { canonicalEntryJson } from './entry-json';
import type { AuditManifest } from './manifest';
import { manifestCheckpoints } from './manifest';
import { AuditChainVerifier, type AuditChainProblem, type AuditCheckpoint, type AuditHead } from './verify-chain';

/** Options of {@link verifyAuditCsv}. */
export interface VerifyCsvOptions {
  /** The export's manifest: enables the truncation and row-count checks, and says whether the export was filtered. */
  manifest?: AuditManifest;
  /**
   * Whether rows must form whole chains (every seq from 1, each linked to the
   * one before). Defaults to true unless the manifest says the export was filtered.
   * Without a manifest a gap is indistinguishable from removed rows, so it is
   * reported as `removed` unless the caller knows the file is filtered (false).
   */
  contiguous?: boolean;
  /** SHA-256 of UTF-8 text in lower-case hex; the CLI passes node:crypto for speed. */
  hashText?: (text: string) => string;
  /**
   * Heads kept outside the log (a backup's header, `--backup`): each entry
   * `seq` of `deviceId` must be in the file with that `hash`, so a log cut
   * or rewritten since that backup fails even without the server.
   */
  anchors?: readonly AuditCheckpoint[];
}

/** A file that verified. */
export interface CsvVerifyOk {
  ok: true;
  count: number;
  headSeq: number;
  headHash: string;
  heads: AuditHead[];
}

/**
 * The first bad row. `row` counts CSV records as a spreadsheet shows them
 * (the header is row 1, the first entry row 2); `seq` is null when the row
 * is unreadable. `malformed` means the row is not one our exporter writes
 * (wrong column count, broken quoting, a formula guard removed or added).
 */
export interface CsvVerifyFailure {
  ok: false;
  problem: AuditChainProblem | 'malformed';
  row: number;
  seq: number | null;
  message: string;
}

/** Result of {@link verifyAuditCsv}. */
export type CsvVerifyReport = CsvVerifyOk | CsvVerifyFailure;

/**
 * Verifies an audit CSV export read as text chunks (any chunk size): parses
 * RFC 4180 as it streams, removes the formula guard, re-hashes every row and
 * checks the chain between rows. For a filtered export (manifest says so)
 * each row's own hash is checked and links only between consecutive seqs;
 * the manifest's row counts and head hashes then catch removed, added or
 * cut-off rows, though not which filtered row went missing. Without a
 * manifest the file still verifies on its own, except for rows cut off its
 * end: compare `headHash` with a checkpoint kept elsewhere for that.
 *
 * @example
 * await verifyAuditCsv(fileChunks, { manifest })              // { ok: true, count: 1000000, headSeq: 1000000, headHash: '…', heads }
 * await verifyAuditCsv(editedFile)                            // { ok: false, problem: 'edited', row: 42, seq: 41, message: '…' }
 * await verifyAuditCsv(filteredFile)                          // { ok: false, problem: 'removed', … } (a gap, read as a removal)
 * await verifyAuditCsv(filteredFile, { contiguous: false })   // { ok: true, … }
 */
export async function verifyAuditCsv(chunks: AsyncIterable<string> | Iterable<string>, options: VerifyCsvOptions = {}): Promise<CsvVerifyReport> {
  const { manifest } = options;
  const hashText = options.hashText ?? sha256Hex;
  const verifier = new AuditChainVerifier({
    contiguous: options.contiguous ?? !(manifest?.filtered ?? false),
    expectedHeads: [...(manifest ? manifestCheckpoints(manifest) : []), ...(options.anchors ?? [])],
    hashText,
  });
  // A filtered export must hold only rows its filter selects.
  const belongs = manifest?.filtered ? auditFilterMatcher(manifest.filter) : undefined;
  const reader = new CsvRecordReader();
  let row = 0;
  let first = true;
  // Devices are few, so remembering where each first appears costs nothing.
  const firstRow = new Map<string, { row: number; seq: number }>();

  const check = (records: string[][]): CsvVerifyFailure | 'stop' | undefined => {
    for (const record of records) {
      row++;
      if (row === 1) {
        if (record.length !== auditCsvColumns.length || record.some((name, i) => name !== auditCsvColumns[i])) {
          return malformed(1, null, `the header is not ${auditCsvColumns.join(',')}`);
        }
        continue;
      }
      if (record.length !== auditCsvColumns.length) {
        return malformed(row, null, `has ${record.length} fields, expected ${auditCsvColumns.length}`);
      }
      for (let i = 0; i < record.length; i++) {
        const cell = unguardFormula(record[i] as string);
        if (cell === undefined) {
          return malformed(row, null, `column ${auditCsvColumns[i]} ${(record[i] as string).startsWith("'") ? "has a ' that guards nothing" : 'starts like a formula without its guard'}`);
        }
        record[i] = cell;
      }
      const parsed = cellsToRow(record);
      if ('column' in parsed) return malformed(row, null, `column ${parsed.column} ${parsed.message}`);
      const { entry, changesJson } = parsed;
      if (belongs && !belongs(entry)) {
        return { ok: false, problem: 'inserted', row, seq: entry.seq, message: `entry seq ${entry.seq} does not match the export's filter: rows were added.` };
      }
      if (!firstRow.has(entry.deviceId)) firstRow.set(entry.deviceId, { row, seq: entry.seq });
      // Hash the changes cell verbatim: the exporter wrote it canonically, so
      // any other spelling of the same JSON is a change to the file.
      const hash = hashText(entry.prevHash + canonicalEntryJson(entry, changesJson));
      if (!verifier.push(entry, hash)) return 'stop';
    }
    return undefined;
  };

  try {
    for await (const raw of chunks) {
      let chunk = raw;
      if (first) {
        if (chunk === '') continue;
        first = false;
        if (chunk.startsWith(CSV_BOM)) chunk = chunk.slice(1);
      }
      const outcome = check(reader.feed(chunk));
      if (outcome === 'stop') break;
      if (outcome) return outcome;
    }
    const outcome = check(reader.end());
    if (outcome && outcome !== 'stop') return outcome;
  } catch (error) {
    if (error instanceof CsvSyntaxError) return malformed(error.row, null, error.message.replace(/^row \d+: /, ''));
    throw error;
  }
  if (row === 0) return malformed(1, null, 'the file is empty (no header row)');

  const report = verifier.finish();
  if (!report.ok) {
    return { ok: false, problem: report.problem, row: report.index + 2, seq: report.seq, message: report.message };
  }
  if (manifest) {
    const listed = new Set(manifest.heads.map((head) => head.deviceId));
    const stranger = report.heads.find((head) => !listed.has(head.deviceId));
    if (stranger) {
      const where = firstRow.get(stranger.deviceId);
      return { ok: false, problem: 'inserted', row: where?.row ?? 0, seq: where?.seq ?? null, message: `rows of device "${stranger.deviceId}" are not in the manifest: rows were added.` };
    }
    if (report.count !== manifest.rows) {
      const fewer = report.count < manifest.rows;
      return { ok: false, problem: fewer ? 'removed' : 'inserted', row: report.count + 2, seq: null, message: `the manifest lists ${manifest.rows} rows but the file holds ${report.count}.` };
    }
  }
  return { ok: true, count: report.count, headSeq: report.headSeq, headHash: report.headHash, heads: report.heads };
}

function malformed(row: number, seq: number | null, detail: string): CsvVerifyFailure {
  return { ok: false, problem: 'malformed', row, seq, message: `row ${row} ${detail}.` };
}
