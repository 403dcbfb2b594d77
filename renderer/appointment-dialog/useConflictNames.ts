import type { Conflict } from '../../core/overlap';
import { useBookingsById } from '../data/useBookingsById';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';

/**
 * Who a conflict collides with, in words, for the conflict list and the booking preview:
 * "Ada Lovelace, 10:00 AM (45 min)" per stored appointment, "A visit of a
 * repeating series" for a series occurrence (not stored, so not looked up).
 * Reads every conflict's appointments in one live query.
 *
 * @example const namesOf = useConflictNames(check.hard, format); namesOf(conflict) // ['Ada Lovelace, 10:00 AM (45 min)']
 */
export function useConflictNames(conflicts: readonly Conflict[], format: ClinicFormat): (conflict: Conflict) => string[] {
  const existing = useBookingsById([...new Set(conflicts.flatMap((conflict) => conflict.existingIds))]);
  const byId = new Map(existing.map((booking) => [booking.appointment.id, booking]));
  return (conflict) =>
    conflict.existingIds.map((id) => {
      const booking = byId.get(id);
      if (!booking) return text.dialog.conflictSeries;
      const patient = booking.patient ? text.patientName(booking.patient) : text.dayView.unknownPatient;
      return text.dialog.conflictAppointment(patient, format.time(Date.parse(booking.appointment.start)), booking.appointment.durationMinutes);
    });
}
