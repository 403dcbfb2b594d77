import { durationLimits } from '../model';
import type { Appointment, CalendarDate } from '../model';
import type { TimedeskDb } from './timedesk-db';

/**
 * Rows that exist only in storage: derived index keys, secrets kept apart
 * from the public shapes, and the sync outbox. Domain shapes themselves come
 * from core/model.
 */

/**
 * A stored appointment: the model's shape plus `day`, the calendar date of
 * `wallStart` in the appointment's own zone, which the day sheet indexes on,
 * and `syncConflict`, the id of the open double-booking conflict the sync
 * server attached to the later of two colliding bookings (pulled by
 * core/sync; the calendar's red marker).
 */
export type AppointmentRow = Appointment & { day: CalendarDate; syncConflict?: string };

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
  /**
   * The records the command wrote, in their final state (sync protocol v1
   * "effects"): the server re-validates them with core/model and re-runs the
   * booking check instead of re-implementing every command. Captured
   * generically by core/sync's `captureEffects` middleware.
   */
  effects: MutationEffect[];
}

/** The synced kinds of record, as named on the wire. */
export type SyncedEntity =
  | 'appointment'
  | 'series'
  | 'seriesException'
  | 'patient'
  | 'resource'
  | 'scheduleBlock'
  | 'visitConfirmation'
  | 'waitlistEntry'
  | 'contactConsent'
  | 'closure'
  | 'staff'
  | 'conflict'
  // The clinic settings (meta key `clinic`) and passphrase hashes (no throttle state), so a joining desk gets the whole clinic.
  | 'clinic'
  | 'staffCredential';

/**
 * One record a command wrote: `put` carries the full record after the change
 * (core/model shape, no storage-only keys such as `day`), `delete` only the id.
 *
 * @example { entity: 'appointment', id: 'a1', op: 'put', data: { id: 'a1', … } }
 */
export interface MutationEffect {
  entity: SyncedEntity;
  id: string;
  op: 'put' | 'delete';
  data?: unknown;
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
 * The stored appointment without its storage-only `day` key: the core/model shape.
 *
 * @example withoutDay(row) // { id: 'a1', … } (no `day`)
 */
export function withoutDay(row: AppointmentRow): Appointment {
  const { day: _day, ...appointment } = row;
  return appointment;
}

/**
 * The longest any booking can last (24 h, `durationLimits.max`): a range read
 * on `[resourceId+start]` starts this much before the window, because a
 * booking that began earlier may still run into it.
 */
export const longestBookingMs = durationLimits.max * 60_000;

/**
 * Every `bookings` row of `resourceId` that overlaps `[from, to)` (epoch ms,
 * half-open: a booking ending at `from` or starting at `to` does not count),
 * whatever its status. Reads the `[resourceId+start]` index from
 * `from - longestBookingMs`, so the cost follows the window, not the table,
 * and reads it with one getAll rather than a cursor: a cursor pays an
 * IndexedDB round trip per row, which made a 40-column day of 480 bookings
 * ~1,000 sequential steps (bench/front-desk.bench.ts). Callers asking for
 * several resources or windows issue these at once (`Promise.all`). Works
 * inside any transaction that includes `bookings`.
 *
 * @example (await bookingsOverlapping(db, 'dr-lee', dayStart, dayEnd)).map((row) => row.appointmentId)
 */
export async function bookingsOverlapping(db: TimedeskDb, resourceId: string, from: number, to: number): Promise<BookingRow[]> {
  const rows = await db.bookings
    .where('[resourceId+start]')
    .between([resourceId, from - longestBookingMs], [resourceId, to], true, false)
    .toArray();
  return rows.filter((row) => row.end > from);
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

/**
 * What the sync client remembers between runs (table `syncState`, key `sync`):
 * the pull cursor (the server's opaque change number), the last audit seq the
 * server acknowledged, when a sync last succeeded and the measured clock skew.
 * Written in the same transaction as the data it describes.
 */
export interface SyncStateRow {
  key: 'sync';
  cursor: string | null;
  auditSeqAcked: number;
  /** Epoch ms of the last sync that pushed and pulled everything, or null. */
  lastSyncAt: number | null;
  /** This desk's clock minus the server's, in ms (positive: the desk is ahead). */
  clockSkewMs: number | null;
}

/**
 * A mutation the server refused (`rejected`) — removed from the outbox so it
 * never blocks the queue, and kept here so a person sees why. Its local
 * changes stay until someone redoes or undoes them.
 */
export interface SyncRejectionRow {
  mutationId: string;
  deviceSeq: number;
  name: string;
  args: unknown;
  reason: { code: string; field?: string; message: string };
  /** Epoch ms when the desk learned of it. */
  receivedAt: number;
}
