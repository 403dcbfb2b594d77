import type { Patient } from '../model';

/** What the duplicate check needs to know of a patient already on the desk. */
export type ExistingPatient = Pick<Patient, 'id' | 'mrn' | 'givenName' | 'familyName' | 'dateOfBirth'>;

/** Whom a row repeats: a patient on the desk (`patientId`) or an earlier row of the file (`row`). */
export interface DuplicateMatch {
  reason: 'same-record-number' | 'same-name-and-birth';
  patientId: string | null;
  row: number | null;
}

/** A name for matching: case, accents and spacing do not make another person ("José  García" is "jose garcia"). */
const foldName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
const personKey = (patient: Pick<Patient, 'givenName' | 'familyName' | 'dateOfBirth'>) => `${foldName(patient.givenName)}|${foldName(patient.familyName)}|${patient.dateOfBirth}`;
const recordKey = (mrn: string) => mrn.trim().toLowerCase();

/**
 * THE rule of "already here" for a patients import, kept in one place for
 * the preview and for the import's own re-check in its transaction: the
 * same record number (case aside), or the same given name, family name and
 * date of birth (case and accents aside).
 *
 * @example const index = new PatientDuplicateIndex([ada]); index.find({ givenName: 'ADA', familyName: 'Lovelace', dateOfBirth: '1815-12-10' }) // { reason: 'same-name-and-birth', patientId: 'p1', row: null }
 */
export class PatientDuplicateIndex {
  private readonly byRecord = new Map<string, { patientId: string | null; row: number | null }>();
  private readonly byPerson = new Map<string, { patientId: string | null; row: number | null }>();

  constructor(existing: readonly ExistingPatient[]) {
    for (const patient of existing) this.add(patient, { patientId: patient.id, row: null });
  }

  /** The patient or row `patient` repeats, if any; a record number match wins over a name match. */
  find(patient: Pick<Patient, 'mrn' | 'givenName' | 'familyName' | 'dateOfBirth'>): DuplicateMatch | undefined {
    const sameRecord = patient.mrn === undefined ? undefined : this.byRecord.get(recordKey(patient.mrn));
    if (sameRecord) return { reason: 'same-record-number', ...sameRecord };
    const samePerson = this.byPerson.get(personKey(patient));
    return samePerson ? { reason: 'same-name-and-birth', ...samePerson } : undefined;
  }

  /** Remembers a patient (one on the desk, or a file row about to be registered). */
  add(patient: Pick<Patient, 'mrn' | 'givenName' | 'familyName' | 'dateOfBirth'>, source: { patientId: string | null; row: number | null }): void {
    if (patient.mrn) this.byRecord.set(recordKey(patient.mrn), source);
    this.byPerson.set(personKey(patient), source);
  }
}
