import { CSV_BOM, CsvRecordReader, CsvSyntaxError, needsFormulaGuard } from '../audit';

/** Most patients one file may hold: a bigger file is refused whole, never cut. */
export const maxImportPatients = 20_000;

/** One data row of a file: its spreadsheet row number (the header is row 1) and its cells. */
export interface PatientCsvRow {
  row: number;
  cells: string[];
}

/** A file that could not be read, naming the spreadsheet row where reading stopped. */
export interface PatientCsvReadProblem {
  row: number;
  code: 'csv-syntax' | 'no-header' | 'too-many-rows';
  message: string;
}

/** What {@link readPatientCsv} answers. */
export type PatientCsvReadResult = { ok: true; header: string[]; rows: PatientCsvRow[] } | { ok: false; problem: PatientCsvReadProblem };

/**
 * Undoes our writer's formula guard only: a cell `'=1+2` is what the desk's
 * export wrote for the text `=1+2`. A cell from another spreadsheet that
 * looks like a formula (`=HYPERLINK(…)`) is kept exactly as it is — as text;
 * nothing here ever evaluates a cell.
 */
function cellText(cell: string): string {
  if (cell.charCodeAt(0) !== 0x27) return cell;
  const text = cell.slice(1);
  return needsFormulaGuard(text) ? text : cell;
}

/**
 * Reads a patients CSV (RFC 4180 through core/audit's reader: quoted fields
 * may hold commas, doubled quotes and line breaks; CRLF or LF; a UTF-8 BOM
 * is dropped). The first record is the header; rows that are wholly empty
 * (a spreadsheet's trailing lines) are left out. Row numbers count records,
 * as a spreadsheet shows them, so a quoted line break does not shift them.
 *
 * @example readPatientCsv('\uFEFFGiven name,Family name\r\nAda,Lovelace\r\n')
 * // { ok: true, header: ['Given name', 'Family name'], rows: [{ row: 2, cells: ['Ada', 'Lovelace'] }] }
 */
export function readPatientCsv(text: string): PatientCsvReadResult {
  const reader = new CsvRecordReader();
  let records: string[][];
  try {
    records = [...reader.feed(text.startsWith(CSV_BOM) ? text.slice(1) : text), ...reader.end()];
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, problem: { row: error.row, code: 'csv-syntax', message: error.message } };
    throw error;
  }
  const [header, ...data] = records;
  if (!header || header.every((cell) => cell.trim() === '')) return { ok: false, problem: { row: 1, code: 'no-header', message: 'The file has no header row naming its columns.' } };
  const rows: PatientCsvRow[] = [];
  data.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ row: index + 2, cells: cells.map(cellText) });
  });
  if (rows.length > maxImportPatients) return { ok: false, problem: { row: maxImportPatients + 2, code: 'too-many-rows', message: `One file may hold at most ${maxImportPatients} patients.` } };
  return { ok: true, header: header.map((title) => cellText(title).trim()), rows };
}
