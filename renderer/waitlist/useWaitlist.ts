import type { Patient, WaitlistEntry } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import { waitingCount } from './waitlist-view';

/** Every waitlist entry and the patients they name. */
export interface WaitlistData {
  entries: WaitlistEntry[];
  patients: ReadonlyMap<string, Patient>;
}

/**
 * Every waitlist entry on this desk with its patient, live: a change here
 * or pulled by sync re-renders.
 *
 * @example const list = useWaitlist(); list.status === 'ready' && list.value.entries
 */
export function useWaitlist(): LiveResult<WaitlistData> {
  const { db } = useAppData();
  return useLiveQuery('waitlist', async () => {
    const entries = await db.waitlist.toArray();
    const patients = (await db.patients.bulkGet([...new Set(entries.map((entry) => entry.patientId))])).filter((patient) => patient !== undefined);
    return { entries, patients: new Map(patients.map((patient) => [patient.id, patient])) };
  });
}

/**
 * How many entries are waiting, for the toolbar's button; 0 while loading.
 *
 * @example const count = useWaitingCount(); // 3
 */
export function useWaitingCount(): number {
  const list = useWaitlist();
  return list.status === 'ready' ? waitingCount(list.value.entries) : 0;
}
