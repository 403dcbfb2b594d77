import { CSV_BOM, csvCell } from '../audit';
import type { Patient } from '../model';
import { patientFileFields } from './patient-fields';
import type { PatientsCsvHeader } from './patient-fields';

/**
 * The patients as a CSV file for a spreadsheet, through the audit export's
 * safe cell writer (formula guard, RFC 4180 quoting, UTF-8 BOM, CRLF): a
 * name or note like `=HYPERLINK(…)` arrives as text. One row per patient in
 * the order given, one column per {@link patientFileFields} entry; an absent
 * optional field is an empty cell. {@link readPatientCsv} reads it back.
 *
 * @example patientsCsv([ada], header)
 * // '\uFEFFRecord number,Given name,Family name,Date of birth,Phone,Email,Notes\r\nMRN-1,Ada,Lovelace,1815-12-10,,,\r\n'
 */
export function patientsCsv(patients: readonly Patient[], header: PatientsCsvHeader): string {
  const lines = [patientFileFields.map((field) => csvCell(header[field])).join(',')];
  for (const patient of patients) lines.push(patientFileFields.map((field) => csvCell(patient[field] ?? '')).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
