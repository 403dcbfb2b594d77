import { bookingsOverlapping, withoutDay } from '../db';
import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import type { Appointment, SeriesOccurrence } from '../model';
import { expandSeries } from '../recurrence';
import { wallTimeToInstant } from '../time';

/** One thing on the calendar: a stored appointment, or a series occurrence computed on the fly. */
export type CalendarItem = { kind: 'appointment'; appointment: Appointment } | { kind: 'occurrence'; occurrence: SeriesOccurrence };

/** Which resources and which instants, `[from, to)` as ISO instants or epoch ms. */
export interface CalendarRangeQuery {
  resourceIds: readonly string[];
  from: string | number;
  to: string | number;
  /** Default true: cancelled appointments and occurrences come back (the day view greys them out). */
  includeCancelled?: boolean;
}

const startOf = (item: CalendarItem) => (item.kind === 'appointment' ? item.appointment.start : item.occurrence.start);
const idOf = (item: CalendarItem) => (item.kind === 'appointment' ? item.appointment.id : item.occurrence.id);

/**
 * Everything booked on the given resources that overlaps `[from, to)`:
 * stored appointments (through the `bookings [resourceId+start]` index, so
 * the cost follows the range, not the table) plus the occurrences of every
 * series on those resources, expanded on the fly with their exceptions. An
 * occurrence that has been saved as an appointment (it progressed to
 * arrived, …) appears once, as the appointment. Sorted by start, then id.
 *
 * A plain async function: wrap it in Dexie's `liveQuery` to have the view
 * update itself after every command (see README).
 *
 * @example
 * const day = dayRange('2026-03-09', 'America/New_York');
 * await calendarRange(db, { resourceIds: ['dr-lee'], ...day });
 * // [{ kind: 'appointment', appointment: { … } }, { kind: 'occurrence', occurrence: { … } }]
 */
export async function calendarRange(db: TimedeskDb, query: CalendarRangeQuery): Promise<CalendarItem[]> {
  const from = typeof query.from === 'number' ? query.from : Date.parse(query.from);
  const to = typeof query.to === 'number' ? query.to : Date.parse(query.to);
  const includeCancelled = query.includeCancelled ?? true;
  const wanted = new Set(query.resourceIds);
  return db.transaction('r', [db.bookings, db.appointments, db.series, db.seriesExceptions], async () => {
    // All resources at once: reading them in turn made a 40-column day wait on 40 reads in a row.
    const perResource = await Promise.all([...wanted].map((resourceId) => bookingsOverlapping(db, resourceId, from, to)));
    const ids = new Set<string>();
    for (const rows of perResource) for (const row of rows) ids.add(row.appointmentId);
    const appointments = (await db.appointments.bulkGet([...ids])).filter((row) => row !== undefined);

    const occurrences = await seriesOccurrencesIn(db, wanted, from, to, includeCancelled);

    const items: CalendarItem[] = [
      ...appointments.filter((row) => includeCancelled || row.status !== 'cancelled').map((row) => ({ kind: 'appointment' as const, appointment: withoutDay(row) })),
      ...occurrences.map((occurrence) => ({ kind: 'occurrence' as const, occurrence })),
    ];
    return items.sort((left, right) => (startOf(left) < startOf(right) ? -1 : startOf(left) > startOf(right) ? 1 : idOf(left) < idOf(right) ? -1 : 1));
  });
}

/**
 * The series visits on `wanted` resources in `[from, to)` that are not
 * stored as appointments (an occurrence that progressed is one, and is read
 * with the appointments): each series expanded with its exceptions.
 *
 * @example await seriesOccurrencesIn(db, new Set(['dr-lee']), from, to, true) // [{ id: 's1|2026-03-09T09:00', … }]
 */
export async function seriesOccurrencesIn(db: TimedeskDb, wanted: ReadonlySet<string>, from: number, to: number, includeCancelled: boolean): Promise<SeriesOccurrence[]> {
  const series = await db.series.where('resourceIds').anyOf([...wanted]).distinct().toArray();
  const seriesIds = series.map((row) => row.id);
  const exceptions = await db.seriesExceptions.where('seriesId').anyOf(seriesIds).toArray();
  const materialised = await db.appointments.where('seriesId').anyOf(seriesIds).toArray();
  const saved = new Set(materialised.map((row) => `${row.seriesId}|${row.originalStart}`));
  return series.flatMap((row) =>
    expandSeries(row, exceptions, { from: msToInstant(from), to: msToInstant(to), includeCancelled }).filter(
      (occurrence) => !saved.has(`${row.id}|${occurrence.originalStart}`) && occurrence.resourceIds.some((id) => wanted.has(id)),
    ),
  );
}

/**
 * The instants of one calendar day in a zone, `[midnight, next midnight)`;
 * 23 or 25 hours long on DST days.
 *
 * @example dayRange('2026-03-08', 'America/New_York') // { from: 1772946000000, to: 1773028800000 } (23 h)
 */
export function dayRange(date: string, timeZone: string): { from: number; to: number } {
  return { from: wallTimeToInstant(`${date}T00:00`, timeZone, 'date'), to: wallTimeToInstant(`${nextDate(date, 1)}T00:00`, timeZone, 'date') };
}

/**
 * Seven days from `firstDate` (midnight to midnight in the zone).
 *
 * @example weekRange('2026-03-02', 'America/New_York') // Monday 2 March to Monday 9 March, 167 hours
 */
export function weekRange(firstDate: string, timeZone: string): { from: number; to: number } {
  return { from: wallTimeToInstant(`${firstDate}T00:00`, timeZone, 'date'), to: wallTimeToInstant(`${nextDate(firstDate, 7)}T00:00`, timeZone, 'date') };
}

/**
 * `date` plus `days` calendar days (UTC arithmetic on a date has no DST).
 *
 * @example nextDate('2026-02-28', 1) // '2026-03-01'
 */
export function nextDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
