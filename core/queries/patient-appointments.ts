import { withoutDay } from '../db';
import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import type { CalendarItem } from './calendar-range';
import { expandSeries } from '../recurrence';

/**
 * A patient's appointments, oldest first: every stored one (through the
 * `patientId` index) plus, when a window is given, their series occurrences
 * in `[from, to)` (a never-ending series has no complete list). Cancelled
 * ones are included; the screen shows them struck through.
 *
 * @example await patientAppointments(db, 'p1', { from: Date.parse('2026-01-01T00:00Z'), to: Date.parse('2027-01-01T00:00Z') })
 */
export async function patientAppointments(db: TimedeskDb, patientId: string, window?: { from: number; to: number }): Promise<CalendarItem[]> {
  return db.transaction('r', [db.appointments, db.series, db.seriesExceptions], async () => {
    const stored = await db.appointments.where('patientId').equals(patientId).toArray();
    const items: CalendarItem[] = stored
      .filter((row) => !window || (Date.parse(row.end) > window.from && Date.parse(row.start) < window.to))
      .map((row) => ({ kind: 'appointment', appointment: withoutDay(row) }));
    if (window) {
      const series = await db.series.where('patientId').equals(patientId).toArray();
      const exceptions = await db.seriesExceptions.where('seriesId').anyOf(series.map((row) => row.id)).toArray();
      const saved = new Set(stored.map((row) => `${row.seriesId}|${row.originalStart}`));
      for (const row of series) {
        for (const occurrence of expandSeries(row, exceptions, { from: msToInstant(window.from), to: msToInstant(window.to) })) {
          if (!saved.has(`${row.id}|${occurrence.originalStart}`)) items.push({ kind: 'occurrence', occurrence });
        }
      }
    }
    const start = (item: CalendarItem) => (item.kind === 'appointment' ? item.appointment.start : item.occurrence.start);
    return items.sort((left, right) => (start(left) < start(right) ? -1 : start(left) > start(right) ? 1 : 0));
  });
}
