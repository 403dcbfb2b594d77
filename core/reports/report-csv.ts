import { CSV_BOM, csvCell } from '../audit';

/** A table cell: text as written, a number as plain digits (`.` decimals), null as an empty cell. */
export type ReportCell = string | number | null;

/**
 * One report table as a CSV file, written like the audit export (the same
 * safe writer: BOM so Excel reads UTF-8, CRLF, RFC 4180 quoting, the formula
 * guard on every cell — a provider named `=HYPERLINK(…)` stays text). The
 * header row comes from the caller, in the desk's language. Numbers are
 * written with a `.` and as many decimals as given, so a spreadsheet in any
 * locale reads them as numbers.
 *
 * @example reportCsv(['Provider', 'Utilisation'], [['Dr Lee', 0.75]]) // '\uFEFFProvider,Utilisation\r\nDr Lee,0.75\r\n'
 */
export function reportCsv(header: readonly string[], rows: readonly (readonly ReportCell[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`A report row has ${row.length} cells for ${header.length} columns.`);
    lines.push(row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : csvCell(cell))).join(','));
  }
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
