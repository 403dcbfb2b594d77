export { patientFileFields, requiredPatientFileFields } from './patient-fields';
export type { PatientFileField, PatientsCsvHeader, PatientDraftArgs } from './patient-fields';
export { patientsCsv } from './patients-csv';
export { readPatientCsv, maxImportPatients } from './read-patient-csv';
export type { PatientCsvRow, PatientCsvReadProblem, PatientCsvReadResult } from './read-patient-csv';
export { suggestPatientColumns, mapPatientColumns } from './patient-columns';
export type { PatientColumnMapping, PatientColumns, PatientMappingProblem } from './patient-columns';
export { patientImportPreview, patientTextLimits } from './patient-import-preview';
export type { ExistingPatient, PatientImportDraft, PatientImportDuplicate, PatientImportPreview, PatientImportProblem } from './patient-import-preview';
