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
  await scope.db.appointments.put({ ...appointment, day: appointmentDay(appointment) });
  await scope.db.bookings.where('appointmentId').equals(appointment.id).delete();
  await scope.db.bookings.bulkAdd(bookingRows(appointment));
}
