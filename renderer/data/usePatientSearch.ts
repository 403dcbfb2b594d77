import type { Patient } from '../../core/model';
import { patientMatches, rankPatients } from './patient-match';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

const shown = 12;

/**
 * Patients matching the typed words (see patientMatches), best first, at
 * most twelve; empty until two characters are typed. Scans the patient
 * table: a clinic's few thousand patients take well under a frame.
 *
 * @example const matches = usePatientSearch('lovel');
 */
export function usePatientSearch(query: string): Patient[] | undefined {
  const { db } = useAppData();
  const trimmed = query.trim();
  const result = useLiveQuery(`patients:${trimmed}`, async () => {
    if (trimmed.length < 2) return [];
    const matches = await db.patients.filter((patient) => patientMatches(patient, trimmed)).limit(200).toArray();
    return rankPatients(matches, trimmed).slice(0, shown);
  });
  return result.status === 'ready' ? result.value : undefined;
}
