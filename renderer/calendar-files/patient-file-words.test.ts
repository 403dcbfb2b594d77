import { describe, expect, it } from 'vitest';
import { mapPatientColumns, patientFileFields, patientsCsv, readPatientCsv, suggestPatientColumns } from '../../core/patient-files';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { fr } from '../i18n/fr';

describe('the patients file’s column titles', () => {
  it.each([
    ['en', en],
    ['es', es],
    ['fr', fr],
  ])('an export in %s maps back to its own fields on import', (_language, messages) => {
    const read = readPatientCsv(patientsCsv([], messages.patientFiles.fields));
    if (!read.ok) throw new Error(read.problem.message);
    expect(suggestPatientColumns(read.header)).toEqual([...patientFileFields]);
    expect(mapPatientColumns(read.header, suggestPatientColumns(read.header)).ok).toBe(true);
  });
});
