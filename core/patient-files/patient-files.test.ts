import { describe, expect, it } from 'vitest';
import { mapPatientColumns, suggestPatientColumns } from './patient-columns';
import { patientImportPreview, patientTextLimits } from './patient-import-preview';
import type { ExistingPatient } from './patient-duplicates';
import { patientsCsv } from './patients-csv';
import { readPatientCsv } from './read-patient-csv';

const header = { mrn: 'Record number', givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth', phone: 'Phone', email: 'Email', notes: 'Notes' };
const today = '2026-12-08';
const ada: ExistingPatient = { id: 'p1', mrn: 'MRN-1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' };

function read(text: string) {
  const result = readPatientCsv(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result;
}

function previewOf(text: string, existing: readonly ExistingPatient[] = []) {
  const { header: titles, rows } = read(text);
  const mapped = mapPatientColumns(titles, suggestPatientColumns(titles));
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
  return patientImportPreview(rows, mapped.columns, existing, today);
}

describe('patientsCsv', () => {
  it('writes BOM, header and one CRLF row per patient, formula-looking text guarded, and reads back the same', () => {
    const grace = { id: 'p2', givenName: '=HYPERLINK("http://x","y")', familyName: 'Hopper', dateOfBirth: '1906-12-09', phone: '+1 555 0100', notes: 'Line one\nline two, with a comma' };
    const text = patientsCsv([{ ...ada }, grace], header);
    expect(text.startsWith('\uFEFFRecord number,Given name,Family name,Date of birth,Phone,Email,Notes\r\nMRN-1,Ada,Lovelace,1815-12-10,,,\r\n')).toBe(true);
    expect(text).toContain(`,"'=HYPERLINK(""http://x"",""y"")",Hopper,`);
    const preview = previewOf(text);
    expect(preview.problems).toEqual([]);
    expect(preview.drafts.map((draft) => draft.args)).toEqual([
      { mrn: 'MRN-1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' },
      { givenName: '=HYPERLINK("http://x","y")', familyName: 'Hopper', dateOfBirth: '1906-12-09', phone: '+1 555 0100', notes: 'Line one\nline two, with a comma' },
    ]);
  });
});

describe('readPatientCsv', () => {
  it('drops the BOM, keeps quoted line breaks inside a cell and numbers rows as a spreadsheet does', () => {
    const result = read('\uFEFFGiven name,Family name,Notes\r\nAda,Lovelace,"two\r\nlines"\r\n,,\r\nAlan,Turing,\n');
    expect(result.header).toEqual(['Given name', 'Family name', 'Notes']);
    expect(result.rows).toEqual([
      { row: 2, cells: ['Ada', 'Lovelace', 'two\r\nlines'] },
      { row: 4, cells: ['Alan', 'Turing', ''] },
    ]);
  });

  it('keeps a formula-looking cell from another spreadsheet as text, and undoes only our own guard', () => {
    const result = read('Given name\r\n=1+2\r\n"\'=1+2"\r\n\'Brien\r\n');
    expect(result.rows.map((row) => row.cells[0])).toEqual(['=1+2', '=1+2', "'Brien"]);
  });

  it('refuses a broken file naming the row, and a file without a header', () => {
    expect(readPatientCsv('Given name\r\nA"da\r\n')).toMatchObject({ ok: false, problem: { row: 2, code: 'csv-syntax' } });
    expect(readPatientCsv('')).toMatchObject({ ok: false, problem: { row: 1, code: 'no-header' } });
  });
});

describe('suggestPatientColumns and mapPatientColumns', () => {
  it('maps Spanish, French and English titles, accents and case aside; an unknown title is left to the person', () => {
    expect(suggestPatientColumns(['Nº Historia', 'Nombre', 'APELLIDOS', 'Fecha de nacimiento', 'Teléfono', 'Correo electrónico', 'Observaciones', 'Seguro'])).toEqual([
      'mrn',
      'givenName',
      'familyName',
      'dateOfBirth',
      'phone',
      'email',
      'notes',
      null,
    ]);
    expect(suggestPatientColumns(['Prénom', 'Nom', 'Date de naissance', 'Courriel'])).toEqual(['givenName', 'familyName', 'dateOfBirth', 'email']);
    expect(suggestPatientColumns(['First name', 'Surname', 'DOB', 'Last name'])).toEqual(['givenName', 'familyName', 'dateOfBirth', null]);
  });

  it('refuses a mapping without a required field or with one field twice', () => {
    const result = mapPatientColumns(['A', 'B', 'C'], ['givenName', 'givenName', 'dateOfBirth']);
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'givenName', code: 'duplicate-column', columns: [0, 1] }, { field: 'familyName', code: 'required' }] });
    expect(mapPatientColumns(['A', 'B', 'C', 'D'], ['dateOfBirth', null, 'familyName', 'givenName'])).toEqual({ ok: true, columns: { dateOfBirth: 0, familyName: 2, givenName: 3 } });
  });
});

describe('patientImportPreview', () => {
  it('names a bad or future date of birth by row and field; the other rows still preview', () => {
    const preview = previewOf('Nombre,Apellidos,Fecha de nacimiento\r\nAna,García,1980-02-30\r\nLuis,Pérez,03/04/1980\r\nEva,Ruiz,2027-01-01\r\nJuan,Soto,1975-06-01\r\n');
    expect(preview.problems.map(({ row, field, column, code }) => ({ row, field, column, code }))).toEqual([
      { row: 2, field: 'dateOfBirth', column: 2, code: 'invalid-date' },
      { row: 3, field: 'dateOfBirth', column: 2, code: 'invalid-format' },
      { row: 4, field: 'dateOfBirth', column: 2, code: 'date-in-future' },
    ]);
    expect(preview.drafts).toEqual([{ row: 5, args: { givenName: 'Juan', familyName: 'Soto', dateOfBirth: '1975-06-01' } }]);
  });

  it('lists every problem of a row: a missing name, a bad email, text over its limit (with the limit, never cut)', () => {
    const long = 'x'.repeat(101);
    const preview = previewOf(`Given name,Family name,Date of birth,Email\r\n,${long},1990-01-01,ada@\r\n`);
    expect(preview.problems).toMatchObject([
      { row: 2, field: 'givenName', code: 'required' },
      { row: 2, field: 'familyName', code: 'too-long', limit: 100 },
      { row: 2, field: 'email', code: 'invalid-format' },
    ]);
    expect(preview.drafts).toEqual([]);
  });

  it('holds the stated limits to the schema: the limit passes, one more is too long', () => {
    for (const [field, limit] of Object.entries(patientTextLimits)) {
      const cell = (length: number) => (field === 'phone' ? '5'.repeat(length) : 'a'.repeat(length));
      const base = { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' };
      const columns = { givenName: 0, familyName: 1, dateOfBirth: 2, [field]: 3 };
      const rowWith = (length: number) => [{ row: 2, cells: [base.givenName, base.familyName, base.dateOfBirth, cell(length)] }];
      if (field === 'givenName' || field === 'familyName') {
        const index = field === 'givenName' ? 0 : 1;
        const rows = (length: number) => [{ row: 2, cells: [base.givenName, base.familyName, base.dateOfBirth].map((value, at) => (at === index ? cell(length) : value)) }];
        expect(patientImportPreview(rows(limit), { givenName: 0, familyName: 1, dateOfBirth: 2 }, [], today).problems, field).toEqual([]);
        expect(patientImportPreview(rows(limit + 1), { givenName: 0, familyName: 1, dateOfBirth: 2 }, [], today).problems, field).toMatchObject([{ field, code: 'too-long', limit }]);
        continue;
      }
      expect(patientImportPreview(rowWith(limit), columns, [], today).problems, field).toEqual([]);
      expect(patientImportPreview(rowWith(limit + 1), columns, [], today).problems, field).toMatchObject([{ field, code: 'too-long', limit }]);
    }
  });

  it('skips a patient already on the desk (same record number, or same names and birth date) and a row repeated in the file', () => {
    const preview = previewOf(
      'Record number,Given name,Family name,Date of birth\r\nMRN-1,Augusta,King,1815-12-10\r\n,ADA,lovelace,1815-12-10\r\nMRN-9,Grace,Hopper,1906-12-09\r\n,Grace,Hopper,1906-12-09\r\nmrn-9,Other,Person,1950-01-01\r\n,Alan,Turing,1912-06-23\r\n',
      [ada],
    );
    expect(preview.problems).toEqual([]);
    expect(preview.duplicates.map(({ row, reason, patientId, sameAsRow }) => ({ row, reason, patientId, sameAsRow }))).toEqual([
      { row: 2, reason: 'same-record-number', patientId: 'p1', sameAsRow: null },
      { row: 3, reason: 'same-name-and-birth', patientId: 'p1', sameAsRow: null },
      { row: 5, reason: 'same-name-and-birth', patientId: null, sameAsRow: 4 },
      { row: 6, reason: 'same-record-number', patientId: null, sameAsRow: 4 },
    ]);
    expect(preview.drafts.map((draft) => draft.row)).toEqual([4, 7]);
  });
});
