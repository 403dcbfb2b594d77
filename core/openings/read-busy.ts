import { bookingsOverlapping, longestBookingMs } from '../db';
import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import { expandSeries } from '../recurrence';
import { mergeSpans } from '../schedule';
import type { Span } from '../schedule';

/** Cancelled and no-show visits free their time, as in the booking check. */
const freesItsTime = (status: string) => status === 'cancelled' || status === 'no_show';

/** Which instants to read for one resource, `[from, to)` epoch ms. */
export interface ResourceRange {
  resourceId: string;
  from: number;
  to: number;
}

/**
 * The bookings of each resource that overlap its range, as spans: the
 * `bookings [resourceId+start]` index rows alone (they carry start, end and
 * status, so no appointment is read), plus the occurrences of the series on
 * those resources that are not saved as appointments (a saved one is in the
 * index already). Cancelled and no-show visits free their time.
 *
 * @example (await busyByResource(db, [{ resourceId: 'dr-lee', from, to }])).get('dr-lee') // [{ start, end }, …]
 */
export async function busyByResource(db: TimedeskDb, ranges: readonly ResourceRange[]): Promise<Map<string, Span[]>> {
  const busy = new Map<string, Span[]>(ranges.map((range) => [range.resourceId, []]));
  if (ranges.length === 0) return busy;
  const resourceIds = ranges.map((range) => range.resourceId);
  const [rows, series] = await Promise.all([Promise.all(ranges.map((range) => bookingsOverlapping(db, range.resourceId, range.from, range.to))), db.series.where('resourceIds').anyOf(resourceIds).distinct().toArray()]);
  rows.forEach((own, index) => {
    const spans = busy.get((ranges[index] as ResourceRange).resourceId) as Span[];
    for (const row of own) if (!freesItsTime(row.status)) spans.push({ start: row.start, end: row.end });
  });
  if (series.length > 0) {
    const from = Math.min(...ranges.map((range) => range.from));
    const to = Math.max(...ranges.map((range) => range.to));
    const ids = series.map((row) => row.id);
    const [exceptions, materialised] = await Promise.all([db.seriesExceptions.where('seriesId').anyOf(ids).toArray(), db.appointments.where('seriesId').anyOf(ids).toArray()]);
    const saved = new Set(materialised.map((row) => `${row.seriesId}|${row.originalStart}`));
    for (const row of series) {
      for (const occurrence of expandSeries(row, exceptions.filter((exception) => exception.seriesId === row.id), { from: msToInstant(from), to: msToInstant(to), includeCancelled: false })) {
        if (saved.has(`${row.id}|${occurrence.originalStart}`) || freesItsTime(occurrence.status)) continue;
        for (const resourceId of occurrence.resourceIds) busy.get(resourceId)?.push({ start: Date.parse(occurrence.start), end: Date.parse(occurrence.end) });
      }
    }
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
