import { longestBookingMs } from '../db';
import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import { calendarRange } from '../queries';
import { expandSeries } from '../recurrence';
import { mergeSpans } from '../schedule';
import type { Span } from '../schedule';

/** Cancelled and no-show visits free their time, as in the booking check. */
const freesItsTime = (status: string) => status === 'cancelled' || status === 'no_show';

/**
 * The bookings on `resourceIds` that overlap `[from, to)`, by resource, as
 * spans (stored appointments and series occurrences through
 * core/queries' `calendarRange`, the day view's read).
 *
 * @example (await busyByResource(db, ['dr-lee'], from, to)).get('dr-lee') // [{ start, end }, …]
 */
export async function busyByResource(db: TimedeskDb, resourceIds: readonly string[], from: number, to: number): Promise<Map<string, Span[]>> {
  const busy = new Map<string, Span[]>(resourceIds.map((id) => [id, []]));
  for (const item of await calendarRange(db, { resourceIds, from, to, includeCancelled: false })) {
    const booking = item.kind === 'appointment' ? item.appointment : item.occurrence;
    if (freesItsTime(booking.status)) continue;
    const span = { start: Date.parse(booking.start), end: Date.parse(booking.end) };
    for (const resourceId of booking.resourceIds) busy.get(resourceId)?.push(span);
  }
  return busy;
}

/**
 * Where the patient is booked (any resource) overlapping `[from, to)`,
 * merged: their appointments by `[patientId+start]` and their series'
 * occurrences (those not saved as appointments).
 *
 * @example await patientBusy(db, 'p1', from, to) // [{ start, end }]
 */
export async function patientBusy(db: TimedeskDb, patientId: string, from: number, to: number): Promise<Span[]> {
  const [appointments, series] = await Promise.all([
    db.appointments
      .where('[patientId+start]')
      .between([patientId, msToInstant(from - longestBookingMs)], [patientId, msToInstant(to)], true, false)
      .toArray(),
    db.series.where('patientId').equals(patientId).toArray(),
  ]);
  const spans: Span[] = [];
  for (const row of appointments) if (!freesItsTime(row.status)) spans.push({ start: Date.parse(row.start), end: Date.parse(row.end) });
  if (series.length > 0) {
    const ids = series.map((row) => row.id);
    const [exceptions, materialised] = await Promise.all([db.seriesExceptions.where('seriesId').anyOf(ids).toArray(), db.appointments.where('seriesId').anyOf(ids).toArray()]);
    const saved = new Set(materialised.map((row) => `${row.seriesId}|${row.originalStart}`));
    for (const row of series) {
      for (const occurrence of expandSeries(row, exceptions.filter((exception) => exception.seriesId === row.id), { from: msToInstant(from), to: msToInstant(to), includeCancelled: false })) {
        if (!saved.has(`${row.id}|${occurrence.originalStart}`) && !freesItsTime(occurrence.status)) spans.push({ start: Date.parse(occurrence.start), end: Date.parse(occurrence.end) });
      }
    }
  }
  return mergeSpans(spans.filter((span) => span.end > from && span.start < to));
}
