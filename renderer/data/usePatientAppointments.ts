import { patientAppointments } from '../../core/queries';
import type { CalendarItem } from '../../core/queries';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

const dayMs = 86_400_000;

/**
 * A patient's appointments from 90 days ago to a year ahead (stored ones and
 * series occurrences), oldest first, live; `null` asks for nothing.
 *
 * @example const visits = usePatientAppointments(patient?.id ?? null, Date.now());
 */
export function usePatientAppointments(patientId: string | null, now: number): CalendarItem[] | undefined {
  const { db } = useAppData();
  const from = Math.floor(now / dayMs) * dayMs - 90 * dayMs;
  const result = useLiveQuery(`patient-appointments:${patientId ?? 'none'}:${from}`, async () =>
    patientId === null ? [] : patientAppointments(db, patientId, { from, to: from + 455 * dayMs }),
  );
  return result.status === 'ready' ? result.value : undefined;
}
