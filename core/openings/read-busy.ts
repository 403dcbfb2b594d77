import { bookingsOverlapping, longestBookingMs } from '../db';
import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import { expandSeries } from '../recurrence';
import { mergeSpans } from '../schedule';
import type { Span } from '../schedule';

/** Cancelled and no-show visits free their time, as in the booking check. */
const freesItsTime = (status: string) => status === 'cancelled' || status === 'no_show';

/**
 * The booking being moved, left out of the busy time as the booking check
 * leaves it out of its own way: an appointment by id, or every visit of a
 * series (stored or not) when one of its visits is edited.
 */
export interface BusyExclusions {
  appointmentId?: string | undefined;
  seriesId?: string | undefined;
}

/** The appointments `excluding` names: the one given and, for a series, its visits saved as appointments. */
async function excludedIds(db: TimedeskDb, excluding: BusyExclusions): Promise<Set<string>> {
  const ids = new Set<string>(excluding.appointmentId === undefined ? [] : [excluding.appointmentId]);
  if (excluding.seriesId !== undefined) for (const id of await db.appointments.where('seriesId').equals(excluding.seriesId).primaryKeys()) ids.add(id);
  return ids;
}

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
 * index already). Cancelled and no-show visits free their time, and so
 * does the booking `excluding` names.
 *
 * @example (await busyByResource(db, [{ resourceId: 'dr-lee', from, to }])).get('dr-lee') // [{ start, end }, …]
 */
export async function busyByResource(db: TimedeskDb, ranges: readonly ResourceRange[], excluding: BusyExclusions = {}): Promise<Map<string, Span[]>> {
  const busy = new Map<string, Span[]>(ranges.map((range) => [range.resourceId, []]));
  if (ranges.length === 0) return busy;
  const resourceIds = ranges.map((range) => range.resourceId);
  const [rows, allSeries, left] = await Promise.all([
    Promise.all(ranges.map((range) => bookingsOverlapping(db, range.resourceId, range.from, range.to))),
    db.series.where('resourceIds').anyOf(resourceIds).distinct().toArray(),
    excludedIds(db, excluding),
  ]);
  rows.forEach((own, index) => {
    const spans = busy.get((ranges[index] as ResourceRange).resourceId) as Span[];
    for (const row of own) if (!freesItsTime(row.status) && !left.has(row.appointmentId)) spans.push({ start: row.start, end: row.end });
  });
  const series = allSeries.filter((row) => row.id !== excluding.seriesId);
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
 * occurrences (those not saved as appointments); never the booking
 * `excluding` names (the one being moved).
 *
 * @example await patientBusy(db, 'p1', from, to) // [{ start, end }]
 */
export async function patientBusy(db: TimedeskDb, patientId: string, from: number, to: number, excluding: BusyExclusions = {}): Promise<Span[]> {
  const [appointments, allSeries] = await Promise.all([
    db.appointments
      .where('[patientId+start]')
      .between([patientId, msToInstant(from - longestBookingMs)], [patientId, msToInstant(to)], true, false)
      .toArray(),
    db.series.where('patientId').equals(patientId).toArray(),
  ]);
  const series = allSeries.filter((row) => row.id !== excluding.seriesId);
  const spans: Span[] = [];
  for (const row of appointments) {
    if (freesItsTime(row.status) || row.id === excluding.appointmentId || (excluding.seriesId !== undefined && row.seriesId === excluding.seriesId)) continue;
    spans.push({ start: Date.parse(row.start), end: Date.parse(row.end) });
  }
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
