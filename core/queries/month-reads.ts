import type { TimedeskDb } from '../db';
import { monthDays, monthGridRange } from '../month';
import type { CalendarMonth, MonthDay } from '../month';
import { readRangeRecords } from './report-data';

/** Which month {@link readMonth} reads, for whom, and how its weeks run. */
export interface MonthQuery {
  resourceId: string;
  month: CalendarMonth;
  /** The clinic locale's first day of the week, ISO 1 (Monday) … 7 (Sunday). */
  weekStart: number;
  /** The clinic's zone: days are its local days. */
  timeZone: string;
}

/**
 * One provider's or room's month grid, day by day (core/month's
 * `monthDays`), from ONE read of the whole grid's range — the same records
 * and availability the reports read — never a query per day.
 *
 * @example const days = await readMonth(db, { resourceId: 'dr-lee', month: '2027-03', weekStart: 1, timeZone: 'Europe/London' });
 */
export async function readMonth(db: TimedeskDb, query: MonthQuery): Promise<MonthDay[]> {
  const range = monthGridRange(query.month, query.weekStart, query.timeZone);
  const records = await readRangeRecords(db, range, [query.resourceId]);
  return monthDays(query.month, range, records, query.resourceId);
}
