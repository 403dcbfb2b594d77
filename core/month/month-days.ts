import type { CalendarDate, Closure, ScheduleBlock } from '../model';
import { holdsTime, parseReportRange, utilisation } from '../reports';
import type { PeriodBucket, ReportRange, ReportVisit } from '../reports';
import type { BookableSpan } from '../schedule';
import { scheduleMarks } from '../schedule';
import { monthGridDates } from './month-grid';
import type { CalendarMonth } from './month-grid';

/** One day of the month view for one provider or room. */
export interface MonthDay {
  date: CalendarDate;
  /** False for the neighbouring months' days that fill the first and last week. */
  inMonth: boolean;
  /** Visits that start that day and hold time (every status but cancelled: a no-show held its slot). */
  booked: number;
  /** Bookable minutes that day — core/schedule's `availability()`, the time the desk books against. */
  availableMinutes: number;
  /** Bookable minutes no visit holds (available − core/reports' booked minutes, the utilisation report's figures). */
  freeMinutes: number;
  /** The closure's reason when the clinic or this resource is closed that day. */
  closed?: string;
  /** The reasons of the leave that touches the day ('' for leave with no reason given). */
  leave: string[];
}

/** What {@link monthDays} reads: the records of the grid's range, as core/queries reads them once. */
export interface MonthRecords {
  visits: readonly ReportVisit[];
  bookable: readonly Pick<BookableSpan, 'resourceId' | 'start' | 'end'>[];
  schedule: { blocks: readonly ScheduleBlock[]; closures: readonly Pick<Closure, 'resourceId' | 'startDate' | 'endDate' | 'reason'>[] };
}

/**
 * The range a month grid covers, whole local days in the clinic's zone:
 * from the first shown date (in the week before the 1st) to the last.
 *
 * @example monthGridRange('2027-03', 7, 'America/New_York').fromDate // '2027-02-28'
 */
export function monthGridRange(month: CalendarMonth, weekStart: number, timeZone: string): ReportRange {
  const dates = monthGridDates(month, weekStart);
  return parseReportRange({ fromDate: dates[0] as string, toDate: dates.at(-1) as string, timeZone });
}

/** The index of the bucket holding `instant`, or -1 (buckets are contiguous and in order). */
function bucketAt(buckets: readonly PeriodBucket[], instant: number): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const bucket = buckets[middle] as PeriodBucket;
    if (instant < bucket.from) high = middle - 1;
    else if (instant >= bucket.to) low = middle + 1;
    else return middle;
  }
  return -1;
}

/**
 * Each day of a month grid for one resource: the visits booked, the
 * bookable and free minutes (through core/reports' `utilisation` by day, so
 * the month view and the utilisation report give the same figures), the
 * closure and the leave. Days are the clinic's local days of `range`
 * (`monthGridRange`): a DST day is 23 or 25 hours and its free time says so.
 *
 * @example monthDays('2027-03', range, records, 'dr-lee')[7] // { date: '2027-03-08', inMonth: true, booked: 3, availableMinutes: 420, freeMinutes: 300, leave: [] }
 */
export function monthDays(month: CalendarMonth, range: ReportRange, records: MonthRecords, resourceId: string): MonthDay[] {
  const report = utilisation({ range, period: 'day', resourceIds: [resourceId], bookable: records.bookable, visits: records.visits });
  const figures = report.rows[0]?.buckets ?? [];
  const booked = new Array<number>(report.buckets.length).fill(0);
  for (const visit of records.visits) {
    if (!holdsTime(visit) || !visit.resourceIds.includes(resourceId)) continue;
    const index = bucketAt(report.buckets, visit.start);
    if (index >= 0) booked[index] = (booked[index] ?? 0) + 1;
  }
  const leave = scheduleMarks(
    records.schedule.blocks.filter((block) => block.resourceId === resourceId && block.kind === 'leave'),
    range.from,
    range.to,
  ).map((mark) => ({ start: Date.parse(mark.start), end: Date.parse(mark.end), reason: mark.name ?? '' }));
  const closures = records.schedule.closures.filter((closure) => closure.resourceId === null || closure.resourceId === resourceId);
  return report.buckets.map((bucket, index) => {
    const date = bucket.fromDate;
    const available = figures[index]?.availableMinutes ?? 0;
    const day: MonthDay = {
      date,
      inMonth: date.startsWith(month),
      booked: booked[index] ?? 0,
      availableMinutes: available,
      freeMinutes: available - (figures[index]?.bookedMinutes ?? 0),
      leave: [...new Set(leave.filter((mark) => mark.start < bucket.to && mark.end > bucket.from).map((mark) => mark.reason))],
    };
    const closure = closures.find((entry) => entry.startDate <= date && date <= entry.endDate);
    if (closure) day.closed = closure.reason;
    return day;
  });
}
