import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import { readPatientConsent } from './patient-consent';
import type { PatientConsent } from './patient-consent';

/**
 * A patient's contact consent and who recorded it, live (a save here or a
 * pull from another desk shows at once); `null` reads nothing.
 *
 * @example const consent = usePatientConsent(patient?.id ?? null);
 */
export function usePatientConsent(patientId: string | null): LiveResult<PatientConsent> {
  const { db } = useAppData();
  return useLiveQuery(`consent:${patientId ?? 'none'}`, async () => (patientId === null ? { consent: undefined, recordedBy: null } : readPatientConsent(db, patientId)));
}
