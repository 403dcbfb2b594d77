/**
 * One CSV cell's text, made safe for spreadsheets and for RFC 4180.
 *
 * Formula guard (OWASP "CSV Injection"): a cell whose first character after
 * any leading whitespace is `=` `+` `-` `@` TAB CR LF or NUL would be run as a
 * formula by Excel, LibreOffice or Google Sheets, so it gets a `'` in front.
 * A cell that starts (after leading whitespace) with `'` gets one too, so the
 * guard is reversible without ambiguity: a written cell starts with `'` if and
 * only if a guard was added, and removing exactly that one `'` gives back the
 * original text. Hashes cover the original text, never the cell.
 */

// `\s*` backtracks, so "  \tx" is caught by the TAB in the class as well.
const needsGuardPattern = /^\s*[=+\-@\t\r\n\0']/;
const needsQuotesPattern = /[",\r\n]/;
const quotePattern = /"/g;

/**
 * Whether `text` must carry the formula guard.
 *
 * @example needsFormulaGuard('  =1+2') // true
 * @example needsFormulaGuard('Ana') // false
 */
export function needsFormulaGuard(text: string): boolean {
  const first = text.charCodeAt(0);
  // Fast path for the common case: a letter or digit can start neither a formula nor whitespace.
  if ((first >= 0x30 && first <= 0x39) || (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a)) return false;
  return needsGuardPattern.test(text);
}

/**
 * Adds the formula guard where needed.
 *
 * @example guardFormula('=HYPERLINK("http://x","y")') // `'=HYPERLINK("http://x","y")`
 * @example guardFormula("'quoted") // "''quoted"
 */
export function guardFormula(text: string): string {
  return needsFormulaGuard(text) ? `'${text}` : text;
}

/**
 * Undoes {@link guardFormula}. Returns undefined for a cell our exporter could
 * not have written: a live formula with its guard stripped (dangerous even if
 * the data still hashes right) or a `'` that guards nothing.
 *
 * @example unguardFormula("'-2+3") // '-2+3'
 * @example unguardFormula('=1+2') // undefined
 */
export function unguardFormula(cell: string): string | undefined {
  if (cell.charCodeAt(0) === 0x27) {
    const text = cell.slice(1);
    return needsFormulaGuard(text) ? text : undefined;
  }
  return needsFormulaGuard(cell) ? undefined : cell;
}

/**
 * RFC 4180 field: quoted when it holds `,` `"` CR or LF, inner quotes doubled.
 *
 * @example quoteField('a "b", c') // '"a ""b"", c"'
 */
export function quoteField(text: string): string {
  return needsQuotesPattern.test(text) ? `"${text.replace(quotePattern, '""')}"` : text;
}

/**
 * A cell ready to write: guarded, then quoted.
 *
 * @example csvCell('=1+2";=1+2') // `"'=1+2"";=1+2"` (the OWASP example)
 */
export function csvCell(text: string): string {
  return quoteField(guardFormula(text));
}
