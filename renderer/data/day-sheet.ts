import type { TimedeskDb } from '../../core/db';
import type { AppointmentStatus, AvailabilityRule, CalendarDate, Closure, Patient, Resource, StatusChange } from '../../core/model';
import { seriesOccurrences } from '../../core/queries/series-occurrences';
import { wallTimeToInstant } from '../../core/time';
import { nextDate } from '../dates/calendar-dates';

/** One booking on the day sheet: a stored appointment, or a series occurrence not yet stored. */
export interface DayItem {
  /** The appointment id, or the occurrence id (`seriesId:originalStart`). */
  id: string;
  /** Stored appointments take status changes; a bare occurrence has to be saved first. */
  source: 'appointment' | 'occurrence';
  seriesId?: string | undefined;
  patientId: string;
  patient?: Patient | undefined;
  resourceIds: readonly string[];
  /** Epoch ms, half-open. */
  start: number;
  end: number;
  wallStart: string;
  timeZone: string;
  durationMinutes: number;
  status: AppointmentStatus;
  visitReason?: string | undefined;
  notes?: string | undefined;
  /** True when a status change is in effect that undo would reverse (the booking itself cannot be undone). */
  undoable: boolean;
}

/** Everything the day view draws for one date. */
export interface DaySheet {
  date: CalendarDate;
  timeZone: string;
  /** `[start, end)` of the date in the clinic zone, epoch ms (23 or 25 hours on DST days). */
  span: { start: number; end: number };
  resources: Resource[];
  items: DayItem[];
  availability: AvailabilityRule[];
  closures: Closure[];
}

const longestBookingMs = 24 * 60 * 60_000;

/** Replays the history as core/model's undo does: transitions push, undos pop; anything left can be undone. */
function hasUndoableChange(history: readonly StatusChange[]): boolean {
  let depth = 0;
  for (const entry of history) {
    if (entry.kind === 'undo') depth -= 1;
    else if (entry.from !== null) depth += 1;
  }
  return depth > 0;
}

/**
 * Reads one clinic day: active resources, every stored appointment and series
 * occurrence overlapping the day (from the `start` index, widened by the
 * longest booking so one that began yesterday still shows), their patients,
 * the weekly hours and the closures covering the date. Runs inside a live
 * query, so it re-runs whenever a command touches these tables.
 *
 * Stand-in until core/queries offers the day query; the shape here is what
 * the day view needs, so the swap is inside this file.
 *
 * @example const sheet = await readDaySheet(db, '2026-11-25', 'America/New_York');
 */
export async function readDaySheet(db: TimedeskDb, date: CalendarDate, timeZone: string): Promise<DaySheet> {
  const span = { start: wallTimeToInstant(`${date}T00:00`, timeZone), end: wallTimeToInstant(`${nextDate(date)}T00:00`, timeZone) };
  const resources = (await db.resources.toArray()).filter((resource) => resource.active);
  const resourceIds = resources.map((resource) => resource.id);

  const stored = await db.appointments
    .where('start')
    .between(new Date(span.start - longestBookingMs).toISOString(), new Date(span.end).toISOString(), true, false)
    .filter((row) => Date.parse(row.end) > span.start)
    .toArray();
  const items: DayItem[] = stored.map((row) => ({
    id: row.id,
    source: 'appointment',
    seriesId: row.seriesId,
    patientId: row.patientId,
    resourceIds: row.resourceIds,
    start: Date.parse(row.start),
    end: Date.parse(row.end),
    wallStart: row.wallStart,
    timeZone: row.timeZone,
    durationMinutes: row.durationMinutes,
    status: row.status,
    visitReason: row.visitReason,
    notes: row.notes,
    undoable: hasUndoableChange(row.statusHistory),
  }));

  const series = resourceIds.length === 0 ? [] : await db.series.where('resourceIds').anyOf(resourceIds).distinct().toArray();
  if (series.length > 0) {
    const exceptions = await db.seriesExceptions.where('seriesId').anyOf(series.map((row) => row.id)).toArray();
    const materialised = new Set(stored.filter((row) => row.seriesId !== undefined).map((row) => `${row.seriesId}|${row.originalStart}`));
    for (const row of series) {
      for (const occurrence of seriesOccurrences(row, exceptions, span)) {
        if (materialised.has(`${row.id}|${occurrence.originalStart}`)) continue;
        items.push({
          id: occurrence.id,
          source: 'occurrence',
          seriesId: row.id,
          patientId: occurrence.patientId,
          resourceIds: occurrence.resourceIds,
          start: Date.parse(occurrence.start),
          end: Date.parse(occurrence.end),
          wallStart: occurrence.wallStart,
          timeZone: occurrence.timeZone,
          durationMinutes: occurrence.durationMinutes,
          status: occurrence.status,
          visitReason: occurrence.visitReason,
          notes: occurrence.notes,
          undoable: false,
        });
      }
    }
  }

  const patients = await db.patients.bulkGet([...new Set(items.map((item) => item.patientId))]);
  const byId = new Map(patients.filter((patient) => patient !== undefined).map((patient) => [patient.id, patient]));
  for (const item of items) item.patient = byId.get(item.patientId);
  items.sort((left, right) => left.start - right.start || left.id.localeCompare(right.id));

  const availability = resourceIds.length === 0 ? [] : await db.availability.where('resourceId').anyOf(resourceIds).toArray();
  const closures = (await db.closures.where('startDate').belowOrEqual(date).toArray()).filter((closure) => closure.endDate >= date);
  return { date, timeZone, span, resources, items, availability, closures };
}
