import type { Patient } from '../../core/model';

/**
 * Whether a patient matches what the receptionist typed. Every word must
 * match something: the start of a given or family name (case and accents
 * ignored), the record number's start, the date of birth (`1990-04-12`, or
 * its start like `1990-04`), or — for words of three or more digits — a run
 * of the phone number's digits, however it was punctuated.
 *
 * @example patientMatches({ givenName: 'Ana', familyName: 'García', … }, 'gar an') // true
 * @example patientMatches({ phone: '(555) 010-2233', … }, '0102233') // true
 */
export function patientMatches(patient: Patient, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const names = [fold(patient.givenName), fold(patient.familyName)].flatMap((name) => name.split(/[\s'-]+/));
  const phoneDigits = (patient.phone ?? '').replace(/\D/g, '');
  const mrn = fold(patient.mrn ?? '');
  return words.every((word) => {
    if (names.some((name) => name.startsWith(word))) return true;
    if (mrn && mrn.startsWith(word)) return true;
    if (/^\d{4}-\d{2}(-\d{2})?$/.test(word) && patient.dateOfBirth.startsWith(word)) return true;
    const digits = word.replace(/\D/g, '');
    return digits.length >= 3 && digits.length === word.replace(/[\s().+-]/g, '').length && phoneDigits.includes(digits);
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

/**
 * Orders matches: family-name starts first, then by family and given name.
 *
 * @example rankPatients(matches, 'lo')
 */
export function rankPatients(patients: readonly Patient[], query: string): Patient[] {
  const first = fold(query).split(/\s+/)[0] ?? '';
  const score = (patient: Patient) => (fold(patient.familyName).startsWith(first) ? 0 : 1);
  return [...patients].sort(
    (left, right) => score(left) - score(right) || left.familyName.localeCompare(right.familyName) || left.givenName.localeCompare(right.givenName),
  );
}
