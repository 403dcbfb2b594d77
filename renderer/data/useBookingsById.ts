import type { Appointment, Patient } from '../../core/model';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

/** A stored booking with its patient, for naming what a new booking collides with. */
export interface BookingWithPatient {
  appointment: Appointment;
  patient: Patient | undefined;
}

/**
 * The stored appointments with these ids and their patients, live. Ids of
 * series occurrences (not stored) are skipped.
 *
 * @example const collisions = useBookingsById(conflict.existingIds);
 */
export function useBookingsById(ids: readonly string[]): BookingWithPatient[] {
  const { db } = useAppData();
  const result = useLiveQuery(`bookings:${ids.join(',')}`, async () => {
    const rows = (await db.appointments.bulkGet([...ids])).filter((row) => row !== undefined);
    const patients = await db.patients.bulkGet(rows.map((row) => row.patientId));
    return rows.map((row, index) => ({ appointment: row, patient: patients[index] }));
  });
  return result.status === 'ready' ? result.value : [];
}
