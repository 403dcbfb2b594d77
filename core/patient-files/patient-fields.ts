import type { Patient } from '../model';

/** The patient fields a patients file carries, in the file's column order. The id stays on the desk. */
export const patientFileFields = ['mrn', 'givenName', 'familyName', 'dateOfBirth', 'phone', 'email', 'notes'] as const;

/** One column's meaning: a patient field. */
export type PatientFileField = (typeof patientFileFields)[number];

/** The fields a row must have for the desk to register it (the model's required ones). */
export const requiredPatientFileFields: readonly PatientFileField[] = ['givenName', 'familyName', 'dateOfBirth'];

/** The column titles, in the desk's language (the caller's Messages). */
export type PatientsCsvHeader = Record<PatientFileField, string>;

/** What a file row would register: `patient/register`'s arguments (the id is made when it runs). */
export type PatientDraftArgs = Omit<Patient, 'id'>;
