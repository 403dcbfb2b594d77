import type { TimedeskDb } from '../../core/db';
import { canUndoConfirmation, effectiveConfirmation, visitKey } from '../../core/confirmations';
import type { EffectiveConfirmation } from '../../core/confirmations';
import type { AppointmentStatus, CalendarDate, Closure, Patient, Resource, StatusChange, VisitConfirmation } from '../../core/model';
import { calendarRange, dayRange, readSchedule } from '../../core/queries';
import type { CalendarItem } from '../../core/queries';
import { availability, scheduleMarks } from '../../core/schedule';
import type { BookableSpan, ScheduleMark } from '../../core/schedule';

/** One booking on the day sheet: a stored appointment, or a series occurrence not yet stored. */
export interface DayItem {
  /** The appointment id, or the occurrence id (`seriesId:originalStart`). */
  id: string;
  /** A stored appointment, or an occurrence computed from its series (saved as an appointment at its first status change). */
  source: 'appointment' | 'occurrence';
  seriesId?: string | undefined;
  /** For a series occurrence (stored or not): the start its rule generated, which names it. */
  originalStart?: string | undefined;
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
  /** Whether the patient answered (core/confirmations, issue 16); absent until the sheet reads the records. */
  confirmation?: ItemConfirmation | undefined;
}

/** A visit's confirmation as the desk shows it: the status holding for its start, and whether undo has something to reverse. */
export interface ItemConfirmation extends EffectiveConfirmation {
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
  /** When each shown resource can be booked this day: core/schedule's `availability`, the booking check's own answer. */
  bookable: BookableSpan[];
  /** Breaks, blockouts, leave and changed hours meeting the day, to draw with their names. */
  marks: ScheduleMark[];
  closures: Closure[];
}

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
 * Reads one clinic day: active resources, everything booked on them that
 * overlaps the day (core/queries' `calendarRange`: stored appointments and
 * series occurrences, an occurrence saved as an appointment once), their
 * patients, when each resource can be booked (core/schedule's
 * `availability` over the blocks and closures `readSchedule` reads) with the
 * breaks, blockouts, leave and changed hours to name, and the closures
 * covering the date. Runs inside a live query, so it re-runs whenever a
 * command touches these tables.
 *
 * `timeZone` is the clinic's (the day is the clinic's day; clinic-wide closures are read in it).
 *
 * @example const sheet = await readDaySheet(db, '2026-11-25', 'America/New_York');
 */
export async function readDaySheet(db: TimedeskDb, date: CalendarDate, timeZone: string): Promise<DaySheet> {
  const range = dayRange(date, timeZone);
  const span = { start: range.from, end: range.to };
  const resources = (await db.resources.toArray()).filter((resource) => resource.active);
  const resourceIds = resources.map((resource) => resource.id);
  const items = (await calendarRange(db, { resourceIds, ...range })).map(toDayItem);

  // Independent reads at once; readSchedule reads the whole block table for many resources (one round trip).
  const [patients, schedule, confirmations] = await Promise.all([
    db.patients.bulkGet([...new Set(items.map((item) => item.patientId))]),
    readSchedule(db, { resourceIds, from: span.start, to: span.end }),
    db.visitConfirmations.bulkGet(items.map(visitKey)),
  ]);
  const byId = new Map(patients.filter((patient) => patient !== undefined).map((patient) => [patient.id, patient]));
  items.forEach((item, index) => {
    item.patient = byId.get(item.patientId);
    item.confirmation = itemConfirmation(confirmations[index], item.start);
  });
  const bookable = availability(schedule.blocks, schedule.closures, { from: span.start, to: span.end, clinicTimeZone: timeZone });
  const marks = scheduleMarks(schedule.blocks, span.start, span.end);
  const closures = schedule.closures.filter((closure) => closure.startDate <= date && closure.endDate >= date);
  return { date, timeZone, span, resources, items, bookable, marks, closures };
}

function itemConfirmation(record: VisitConfirmation | undefined, start: number): ItemConfirmation {
  const effective = effectiveConfirmation(record, start);
  return { ...effective, undoable: record !== undefined && !effective.movedSince && canUndoConfirmation(record.statusHistory) };
}

function toDayItem(entry: CalendarItem): DayItem {
  if (entry.kind === 'appointment') {
    const row = entry.appointment;
    return {
      id: row.id,
      source: 'appointment',
      seriesId: row.seriesId,
      originalStart: row.originalStart,
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
    };
  }
  const occurrence = entry.occurrence;
  return {
    id: occurrence.id,
    source: 'occurrence',
    seriesId: occurrence.seriesId,
    originalStart: occurrence.originalStart,
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
  };
}
