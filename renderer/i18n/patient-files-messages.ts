import { plural } from './plural';

/**
 * The words of the patients part of Administration → Calendar files (issue
 * 14): the patients CSV export and the import with its mapping step and
 * preview. Part of the `Messages` object (en.ts `patientFiles`); a
 * translation gives its own.
 */
export const patientFilesMessages = {
  exportTitle: 'Export patients',
  exportIntro: 'Every patient on the desk as a spreadsheet (CSV): record number, names, date of birth, phone, email and notes. The file holds patient data, so keep it inside the clinic; each export is recorded in the audit log.',
  exportButton: 'Export patients CSV',
  exported: (count: number, fileName: string) => `${plural('en', count, { one: '# patient', other: '# patients' })} written to ${fileName}.`,
  importTitle: 'Import patients (CSV)',
  importIntro:
    'Choose a CSV file, say which column is which and preview. Patients already on the desk (the same record number, or the same names and date of birth) are skipped. Nothing is registered until you press Import, and then every new patient or none.',
  file: 'Patients CSV file',
  readProblems: {
    'csv-syntax': (row: number) => `The file cannot be read: row ${row} breaks the CSV format (a stray quote or line break).`,
    'no-header': () => 'The file has no header row naming its columns.',
    'too-many-rows': (max: number) => `One file may hold at most ${max} patients; split it and import each part.`,
  },
  mappingTitle: 'Which column is which',
  mappingHint: 'Preset from the column titles; change any that is wrong. Given name, family name and date of birth are needed; dates as 1980-03-25.',
  column: (position: number, title: string) => (title === '' ? `Column ${position}` : title),
  leaveOut: 'Leave out',
  fields: { mrn: 'Record number', givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth', phone: 'Phone', email: 'Email', notes: 'Notes' },
  mappingProblems: {
    required: (field: string) => `No column is ${field}.`,
    'duplicate-column': (field: string) => `Two columns are ${field}: choose one.`,
  },
  previewButton: 'Preview',
  summary: (fresh: number, skipped: number, refused: number) =>
    `${plural('en', fresh, { one: '# to register', other: '# to register' })}, ${plural('en', skipped, { one: '# skipped as already here', other: '# skipped as already here' })}, ${plural('en', refused, { one: '# row with problems', other: '# rows with problems' })}.`,
  duplicatesTitle: 'Skipped: already on the desk',
  duplicateOf: {
    'same-record-number': (row: number, name: string) => `Row ${row}, ${name}: a patient on the desk has the same record number.`,
    'same-name-and-birth': (row: number, name: string) => `Row ${row}, ${name}: a patient on the desk has the same names and date of birth.`,
  },
  sameAsRow: (row: number, name: string, other: number) => `Row ${row}, ${name}: the same patient as row ${other}.`,
  problemsTitle: 'Cannot be registered',
  problem: (row: number, column: string, sentence: string) => `Row ${row}, column “${column}”: ${sentence}`,
  noColumn: 'none',
  tooLong: (label: string, limit: number) => `${label} is longer than ${limit} characters.`,
  fixFirst: 'Fix these rows in the file, then preview again: a file is imported whole or not at all.',
  importButton: 'Import',
  imported: (count: number) => `${plural('en', count, { one: '# patient registered', other: '# patients registered' })}.`,
  importRefused: (row: number, reason: string) => `Nothing was imported: row ${row} was refused — ${reason}`,
  registeredSince: (row: number) => `Nothing was imported: the patient of row ${row} is on the desk now (registered since the preview, here or on another desk). Preview again.`,
  patientName: (given: string, family: string) => `${given} ${family}`,
};
