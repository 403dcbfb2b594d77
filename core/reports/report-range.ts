import { calendarDateSchema } from '../model';
import type { CalendarDate } from '../model';
import { wallTimeToInstant, zoneFor } from '../time';
import { ValidationError } from '../validation';

/**
 * A report's period: whole local days of the clinic, `fromDate` to `toDate`
 * inclusive, and the instants they cover, `[from, to)` — `to` is the midnight
 * after `toDate`, so a DST week is 167 or 169 real hours long and nothing on
 * its last evening is lost.
 */
export interface ReportRange {
  fromDate: CalendarDate;
  /** The last day in the report (inclusive). */
  toDate: CalendarDate;
  timeZone: string;
  /** Epoch ms of `fromDate` 00:00 in `timeZone`, inclusive. */
  from: number;
  /** Epoch ms of the day after `toDate`, 00:00 in `timeZone`, exclusive. */
  to: number;
}

/** A report's buckets: each local day, the weeks starting on the locale's first day, or calendar months. */
export type ReportPeriod = 'day' | 'week' | 'month';

/** One bucket of a report, clipped to the range: a day, a week or a month. */
export interface PeriodBucket {
  /** The bucket's first day inside the range. */
  fromDate: CalendarDate;
  /** The bucket's last day inside the range (inclusive). */
  toDate: CalendarDate;
  from: number;
  to: number;
}

/** The longest range a report covers: five years of days. */
export const reportRangeLimitYears = 5;

const dayMs = 86_400_000;

/**
 * The date `days` later (or earlier). Calendar dates have no zone: the sum
 * runs in UTC, where every day is 24 hours.
 *
 * @example addCalendarDays('2027-02-28', 1) // '2027-03-01'
 */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/**
 * ISO weekday of a date, Monday 1 … Sunday 7.
 *
 * @example calendarWeekday('2027-01-11') // 1
 */
export function calendarWeekday(date: CalendarDate): number {
  const day = new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay();
  return day === 0 ? 7 : day;
}

function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

function midnight(date: CalendarDate, timeZone: string, field: string): number {
  return wallTimeToInstant(`${date}T00:00`, timeZone, field);
}

/**
 * Checks a report's period at the edge. Refuses, naming the field: a date
 * that is not `YYYY-MM-DD` (`invalid-format`), an end before the start
 * (`end-not-after-start` on `toDate`), more than five years
 * (`range-too-long` on `toDate`), an unknown zone.
 *
 * @example parseReportRange({ fromDate: '2027-01-01', toDate: '2027-01-31', timeZone: 'Europe/London' }).to // Date.parse('2027-02-01T00:00:00Z')
 */
export function parseReportRange(input: { fromDate: string; toDate: string; timeZone: string }): ReportRange {
  for (const field of ['fromDate', 'toDate'] as const) {
    if (!calendarDateSchema.safeParse(input[field]).success) {
      throw new ValidationError('invalid-format', field, `"${String(input[field])}" is not a date like 2027-01-31.`);
    }
  }
  zoneFor(input.timeZone, 'timeZone');
  if (input.toDate < input.fromDate) throw new ValidationError('end-not-after-start', 'toDate', 'The report ends before it starts.');
  const [year, rest] = [Number(input.fromDate.slice(0, 4)), input.fromDate.slice(4)];
  const limit = `${String(year + reportRangeLimitYears).padStart(4, '0')}${rest}`;
  if (input.toDate >= limit) {
    throw new ValidationError('range-too-long', 'toDate', `A report covers at most ${reportRangeLimitYears} years.`);
  }
  return {
    fromDate: input.fromDate,
    toDate: input.toDate,
    timeZone: input.timeZone,
    from: midnight(input.fromDate, input.timeZone, 'fromDate'),
    to: midnight(addCalendarDays(input.toDate, 1), input.timeZone, 'toDate'),
  };
}

function isWholeMonths(range: Pick<ReportRange, 'fromDate' | 'toDate'>): boolean {
  return range.fromDate.endsWith('-01') && addCalendarDays(range.toDate, 1).endsWith('-01');
}

function monthsBack(date: CalendarDate, months: number): CalendarDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 - months;
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/**
 * The period to compare with: as many whole months just before when the
 * range is whole months (January → December, Q2 → Q1), else as many days
 * just before (a week → the week before).
 *
 * @example previousRange(parseReportRange({ fromDate: '2027-03-01', toDate: '2027-03-31', timeZone: 'UTC' })).fromDate // '2027-02-01'
 */
export function previousRange(range: ReportRange): ReportRange {
  let fromDate: CalendarDate;
  let toDate: CalendarDate;
  if (isWholeMonths(range)) {
    const months = (Number(range.toDate.slice(0, 4)) - Number(range.fromDate.slice(0, 4))) * 12 + Number(range.toDate.slice(5, 7)) - Number(range.fromDate.slice(5, 7)) + 1;
    fromDate = monthsBack(range.fromDate, months);
    toDate = addCalendarDays(range.fromDate, -1);
  } else {
    const days = daysBetween(range.fromDate, range.toDate) + 1;
    fromDate = addCalendarDays(range.fromDate, -days);
    toDate = addCalendarDays(range.fromDate, -1);
  }
  return parseReportRange({ fromDate, toDate, timeZone: range.timeZone });
}

function bucketStart(date: CalendarDate, period: ReportPeriod, weekStart: number): CalendarDate {
  if (period === 'day') return date;
  if (period === 'month') return `${date.slice(0, 7)}-01`;
  return addCalendarDays(date, -((calendarWeekday(date) - weekStart + 7) % 7));
}

function nextBucket(start: CalendarDate, period: ReportPeriod): CalendarDate {
  if (period === 'day') return addCalendarDays(start, 1);
  if (period === 'week') return addCalendarDays(start, 7);
  return monthsBack(start, -1);
}

/**
 * The range cut into days, weeks (starting on `weekStart`, ISO 1 = Monday …
 * 7 = Sunday: the clinic locale's) or calendar months, each clipped to the
 * range, with the local midnights as instants (a DST day is 23 or 25 hours).
 *
 * @example periodBuckets(parseReportRange({ fromDate: '2027-01-01', toDate: '2027-01-10', timeZone: 'UTC' }), 'week', 1).map((b) => b.fromDate) // ['2027-01-01', '2027-01-04']
 */
export function periodBuckets(range: ReportRange, period: ReportPeriod, weekStart = 1): PeriodBucket[] {
  const buckets: PeriodBucket[] = [];
  let start = bucketStart(range.fromDate, period, weekStart);
  while (start <= range.toDate) {
    const next = nextBucket(start, period);
    const fromDate = start < range.fromDate ? range.fromDate : start;
    const lastDay = addCalendarDays(next, -1);
    const toDate = lastDay > range.toDate ? range.toDate : lastDay;
    buckets.push({
      fromDate,
      toDate,
      from: fromDate === range.fromDate ? range.from : midnight(fromDate, range.timeZone, 'fromDate'),
      to: toDate === range.toDate ? range.to : midnight(addCalendarDays(toDate, 1), range.timeZone, 'toDate'),
    });
    start = next;
  }
  return buckets;
}
