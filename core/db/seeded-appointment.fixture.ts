import { bookedHistory } from '../model';
import { appointmentDay } from './records';
import type { AppointmentRow } from './records';

/** What a seeded visit needs; the rest of the row is what a fresh booking has. */
export interface SeededVisit {
  id: string;
  resourceIds: string[];
  patientId: string;
  /** The wall time the visit was booked at (`YYYY-MM-DDTHH:mm[:ss]`) in `timeZone`. */
  wallStart: string;
  timeZone: string;
  /** Epoch ms. */
  start: number;
  durationMinutes: number;
}

const seededAt = '2025-12-01T12:00:00.000Z';

/**
 * A stored appointment row written straight to the store, without a command
 * (benches and tests that need many visits fast): booked, version 0, its
 * index day. Its booking rows are `bookingRows(row)`.
 *
 * @example await db.appointments.bulkPut(visits.map(seededAppointmentRow));
 */
export function seededAppointmentRow(visit: SeededVisit): AppointmentRow {
  const appointment = {
    ...visit,
    end: new Date(visit.start + visit.durationMinutes * 60_000).toISOString(),
    start: new Date(visit.start).toISOString(),
    status: 'booked' as const,
    statusHistory: bookedHistory({ at: seededAt, by: 'seed' }),
    version: 0,
    createdAt: seededAt,
    updatedAt: seededAt,
  };
  return { ...appointment, day: appointmentDay(appointment) };
}
