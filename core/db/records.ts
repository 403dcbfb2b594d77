import type { Appointment, CalendarDate } from '../model';

/**
 * Rows that exist only in storage: derived index keys, secrets kept apart
 * from the public shapes, and the sync outbox. Domain shapes themselves come
 * from core/model.
 */

/**
 * A stored appointment: the model's shape plus `day`, the calendar date of
 * `wallStart` in the appointment's own zone, which the day sheet indexes on.
 */
export type AppointmentRow = Appointment & { day: CalendarDate };

/**
 * One row per (appointment, resource): the index behind "this resource's
 * bookings between t1 and t2". `start`/`end` are epoch ms (half-open). Written
 * and removed in the same transaction as the appointment it mirrors.
 */
export interface BookingRow {
  appointmentId: string;
  resourceId: string;
  start: number;
  end: number;
  status: Appointment['status'];
}

/**
 * A staff member's sign-in secret and throttle state, in its own table so
 * nothing that reads `staff` (lists, exports, sync) can leak a hash.
 */
export interface StaffCredential {
  staffId: string;
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  /** Random salt, lower-case hex. */
  salt: string;
  /** Derived key, lower-case hex. */
  hash: string;
  /** Consecutive failed sign-ins since the last success. */
  failedAttempts: number;
  /** Epoch ms before which no new attempt is checked (throttle backoff), or 0. */
  lockedUntil: number;
}

/**
 * One intent waiting to be pushed to the sync server (research §1.3): the
 * command's name and validated arguments, not a row diff, so the server can
 * re-validate it. `deviceSeq` counts from 1 without gaps; `baseVersion` is the
 * version of the record the command started from (null for creations).
 */
export interface OutboxMutation {
  mutationId: string;
  deviceId: string;
  deviceSeq: number;
  hlc: string;
  name: string;
  args: unknown;
  baseVersion: number | null;
  schemaVersion: number;
}

/**
 * The `day` key of an appointment: its wall-clock date in its own zone.
 *
 * @example appointmentDay({ wallStart: '2025-03-09T02:30:00' }) // '2025-03-09'
 */
export function appointmentDay(appointment: Pick<Appointment, 'wallStart'>): CalendarDate {
  return appointment.wallStart.slice(0, 10);
}

/**
 * The booking-index rows mirroring an appointment, one per resource.
 *
 * @example bookingRows(appointment).map((row) => row.resourceId) // ['dr-lee', 'room-1']
 */
export function bookingRows(appointment: Appointment): BookingRow[] {
  const start = Date.parse(appointment.start);
  const end = Date.parse(appointment.end);
  return appointment.resourceIds.map((resourceId) => ({ appointmentId: appointment.id, resourceId, start, end, status: appointment.status }));
}
