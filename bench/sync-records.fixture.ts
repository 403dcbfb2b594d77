import { bookedHistory } from '../core/model';
import type { Appointment } from '../core/model';

/**
 * The `index`th of a run of half-hour bookings from Monday 5 January 2026,
 * 08:00 New York, over 10 providers and 500 patients, as a synced record:
 * what the sync benchmarks push, pull and join with.
 *
 * @example appointmentChange(3).wallStart // '2026-01-05T09:30:00'
 */
export function appointmentChange(index: number): Appointment {
  const start = Date.UTC(2026, 0, 5, 13) + index * 30 * 60_000;
  const at = '2026-01-01T12:00:00.000Z';
  return {
    id: `a${index}`,
    resourceIds: [`dr-${index % 10}`],
    patientId: `p${index % 500}`,
    wallStart: new Date(start - 5 * 3_600_000).toISOString().slice(0, 19),
    timeZone: 'America/New_York',
    durationMinutes: 30,
    start: new Date(start).toISOString(),
    end: new Date(start + 30 * 60_000).toISOString(),
    status: 'booked',
    statusHistory: bookedHistory({ at, by: 'staff-1' }),
    version: 0,
    createdAt: at,
    updatedAt: at,
  };
}
