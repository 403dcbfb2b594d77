import type { AppointmentDraft, EditingBooking } from './appointment-dialog-store';

/**
 * The dialog's starting point for editing a booking: its date, start
 * (wall minutes on its own clock), length and resources, and the booking
 * itself (patient, reason, notes, and for a series visit its key).
 *
 * @example editDraftFor(item) // { date: '2026-01-12', minute: 570, durationMinutes: 30, resourceIds: ['dr-lee'], editing: item }
 */
export function editDraftFor(booking: EditingBooking): AppointmentDraft {
  const minute = Number(booking.wallStart.slice(11, 13)) * 60 + Number(booking.wallStart.slice(14, 16));
  return { date: booking.wallStart.slice(0, 10), minute, durationMinutes: booking.durationMinutes, resourceIds: [...booking.resourceIds], editing: booking };
}

/**
 * Whether the Edit action is offered: not for a cancelled booking, and a
 * series visit only while booked (once it has a status it is saved as an
 * appointment of its own, which is edited as such).
 *
 * @example canEdit({ source: 'occurrence', status: 'cancelled' }) // false
 */
export function canEdit(booking: { source: 'appointment' | 'occurrence'; status: string }): boolean {
  return booking.status !== 'cancelled' && (booking.source === 'appointment' || booking.status === 'booked');
}
