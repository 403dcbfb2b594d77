import { ValidationError } from '../validation';
import type { ReportRange } from './report-range';
import { calendarWeekday } from './report-range';
import type { ReportVisit } from './report-visit';
import { tallyOf } from './report-visit';

/** Counts of one group of visits (a provider, a weekday, an hour of day, or all). */
export interface AttendanceFigure {
  /** Every visit that started in the range, whatever its status. */
  visits: number;
  completed: number;
  noShow: number;
  cancelled: number;
  /** Cancelled less than `lateCancelHours` before the start (or after it). Part of `cancelled`. */
  lateCancelled: number;
  /** Booked, arrived or in the room: not settled yet. */
  open: number;
  /** no-shows ÷ (completed + no-shows): of the visits that were due and settled, how many the patient missed; null when none. */
  noShowRate: number | null;
  /** late cancellations ÷ visits; null when there are none. */
  lateCancelRate: number | null;
}

/** The attendance report: all visits, and the same counts by resource, weekday (1 Monday … 7 Sunday) and hour of day (0–23). */
export interface AttendanceReport {
  lateCancelHours: number;
  all: AttendanceFigure;
  byResource: { resourceId: string; figure: AttendanceFigure }[];
  byWeekday: { weekday: number; figure: AttendanceFigure }[];
  byHour: { hour: number; figure: AttendanceFigure }[];
}

/** What {@link attendance} reads. */
export interface AttendanceInput {
  range: ReportRange;
  /** The resources to report, in display order; a visit counts for each of its resources asked for. */
  resourceIds: readonly string[];
  visits: readonly ReportVisit[];
  /** A cancellation closer than this to the start is late (default 24). Whole hours, 1–168. */
  lateCancelHours?: number;
}

/** The default and the bounds of "late": under 24 hours before the visit. */
export const lateCancelLimits = { default: 24, min: 1, max: 168 } as const;

interface Counter {
  visits: number;
  completed: number;
  noShow: number;
  cancelled: number;
  lateCancelled: number;
}

const emptyCounter = (): Counter => ({ visits: 0, completed: 0, noShow: 0, cancelled: 0, lateCancelled: 0 });

function settle(counter: Counter): AttendanceFigure {
  const due = counter.completed + counter.noShow;
  return {
    ...counter,
    open: counter.visits - counter.completed - counter.noShow - counter.cancelled,
    noShowRate: due > 0 ? counter.noShow / due : null,
    lateCancelRate: counter.visits > 0 ? counter.lateCancelled / counter.visits : null,
  };
}

/**
 * Checks the late-cancellation window at the edge.
 *
 * @example parseLateCancelHours(48) // 48
 * @example parseLateCancelHours(0) // throws invalid-format on lateCancelHours
 */
export function parseLateCancelHours(value: number | undefined): number {
  if (value === undefined) return lateCancelLimits.default;
  if (!Number.isInteger(value) || value < lateCancelLimits.min || value > lateCancelLimits.max) {
    throw new ValidationError('invalid-format', 'lateCancelHours', `A late cancellation is counted in whole hours from ${lateCancelLimits.min} to ${lateCancelLimits.max}.`);
  }
  return value;
}

/**
 * Completed, no-show and cancelled visits that started in the range, the
 * no-show rate and late cancellations, overall and by resource, weekday and
 * hour of day. Weekday and hour are the visit's own wall clock (a 09:00 visit
 * is in the 9 o'clock row on a DST day too).
 *
 * @example
 * attendance({ range, resourceIds: ['dr-lee'], visits, lateCancelHours: 24 }).all
 * // { visits: 40, completed: 30, noShow: 3, cancelled: 5, lateCancelled: 2, open: 2, noShowRate: 0.0909…, lateCancelRate: 0.05 }
 */
export function attendance(input: AttendanceInput): AttendanceReport {
  const lateCancelHours = parseLateCancelHours(input.lateCancelHours);
  const lateMs = lateCancelHours * 3_600_000;
  const all = emptyCounter();
  const byResource = new Map<string, Counter>(input.resourceIds.map((id) => [id, emptyCounter()]));
  const byWeekday = Array.from({ length: 7 }, emptyCounter);
  const byHour = Array.from({ length: 24 }, emptyCounter);
  const weekdays = new Map<string, number>();
  for (const visit of input.visits) {
    if (visit.start < input.range.from || visit.start >= input.range.to) continue;
    const groups = tallyOf(visit, byResource);
    if (groups.length === 0) continue;
    const date = visit.wallStart.slice(0, 10);
    let weekday = weekdays.get(date);
    if (weekday === undefined) {
      weekday = calendarWeekday(date);
      weekdays.set(date, weekday);
    }
    groups.push(all, byWeekday[weekday - 1] as Counter, byHour[Number(visit.wallStart.slice(11, 13))] as Counter);
    const late = visit.status === 'cancelled' && visit.cancelledAt !== undefined && visit.start - visit.cancelledAt < lateMs;
    for (const counter of groups) {
      counter.visits++;
      if (visit.status === 'completed') counter.completed++;
      else if (visit.status === 'no_show') counter.noShow++;
      else if (visit.status === 'cancelled') {
        counter.cancelled++;
        if (late) counter.lateCancelled++;
      }
    }
  }
  return {
    lateCancelHours,
    all: settle(all),
    byResource: input.resourceIds.map((resourceId) => ({ resourceId, figure: settle(byResource.get(resourceId) ?? emptyCounter()) })),
    byWeekday: byWeekday.map((counter, index) => ({ weekday: index + 1, figure: settle(counter) })),
    byHour: byHour.map((counter, hour) => ({ hour, figure: settle(counter) })),
  };
}
