import { appointmentDay, bookingRows, withoutDay } from '../db';
import type { Appointment } from '../model';
import type { WriteScope } from './define-command';

/**
 * Reads an appointment inside the command's transaction.
 *
 * @example const before = await loadAppointment(scope, 'a1');
 */
export async function loadAppointment(scope: WriteScope, appointmentId: string): Promise<Appointment | undefined> {
  const row = await scope.db.appointments.get(appointmentId);
  return row ? withoutDay(row) : undefined;
}

/**
 * Writes an appointment and replaces its rows in the `bookings` index, in
 * the command's transaction, so the index never disagrees with the rows.
 *
 * @example await saveAppointment(scope, { ...before, status: 'arrived', … });
 */
export async function saveAppointment(scope: WriteScope, appointment: Appointment): Promise<void> {
  const kept = new Set(appointment.resourceIds);
  // The index rows are keyed [appointmentId+resourceId]: putting the current ones and deleting those of
  // resources it no longer uses touch different keys, so both are asked for at once.
  const dropStale = async () => {
    const keys = (await scope.db.bookings.where('appointmentId').equals(appointment.id).primaryKeys()) as unknown as [string, string][];
    const stale = keys.filter(([, resourceId]) => !kept.has(resourceId));
    if (stale.length > 0) await scope.db.bookings.bulkDelete(stale as never);
  };
  await Promise.all([scope.db.bookings.bulkPut(bookingRows(appointment)), dropStale()]);
  await scope.db.appointments.put({ ...appointment, day: appointmentDay(appointment) });
}
