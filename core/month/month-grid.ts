import type { CalendarDate } from '../model';
import { ValidationError } from '../validation';
import { addCalendarDays, calendarWeekday } from '../reports';

/** A calendar month, `YYYY-MM`. */
export type CalendarMonth = string;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Checks a month at the edge: `YYYY-MM`, else a ValidationError on `field`.
 *
 * @example parseCalendarMonth('2027-03') // '2027-03'
 */
export function parseCalendarMonth(text: string, field = 'month'): CalendarMonth {
  if (!monthPattern.test(text)) throw new ValidationError('invalid-format', field, `"${text}" is not a month like 2027-03.`);
  return text;
}

/**
 * The month `months` after `month` (negative: before).
 *
 * @example nextMonth('2027-12') // '2028-01'
 * @example nextMonth('2027-01', -1) // '2026-12'
 */
export function nextMonth(month: CalendarMonth, months = 1): CalendarMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The last date of a month.
 *
 * @example lastDateOf('2028-02') // '2028-02-29'
 */
export function lastDateOf(month: CalendarMonth): CalendarDate {
  return addCalendarDays(`${nextMonth(month)}-01`, -1);
}

/**
 * The same day of the month `months` away, the month's last day when it is
 * shorter (31 January → 28 February) — PageUp / PageDown on the month view.
 *
 * @example shiftMonth('2027-01-31', 1) // '2027-02-28'
 */
export function shiftMonth(date: CalendarDate, months: number): CalendarDate {
  const month = nextMonth(date.slice(0, 7), months);
  const lastDay = Number(lastDateOf(month).slice(8, 10));
  return `${month}-${String(Math.min(Number(date.slice(8, 10)), lastDay)).padStart(2, '0')}`;
}

/**
 * The first day of the week holding `date`, weeks starting on ISO weekday
 * `weekStart` (1 Monday … 7 Sunday).
 *
 * @example weekStartOf('2027-03-10', 7) // '2027-03-07' (a Sunday)
 */
export function weekStartOf(date: CalendarDate, weekStart: number): CalendarDate {
  return addCalendarDays(date, -((calendarWeekday(date) - weekStart + 7) % 7));
}

/**
 * The dates a month grid shows: whole weeks starting on `weekStart` (the
 * clinic locale's first day, ISO 1–7), from the week holding the 1st to the
 * week holding the last day — 28, 35 or 42 dates. Refuses a month that is
 * not `YYYY-MM` (`month`) and a weekday outside 1–7 (`weekStart`).
 *
 * @example monthGridDates('2027-02', 1)[0] // '2027-02-01' (a Monday); .length // 28
 * @example monthGridDates('2027-03', 7)[0] // '2027-02-28' (a Sunday)
 */
export function monthGridDates(month: CalendarMonth, weekStart: number): CalendarDate[] {
  if (!Number.isInteger(weekStart) || weekStart < 1 || weekStart > 7) throw new ValidationError('invalid-weekday', 'weekStart', `${weekStart} is not an ISO weekday (1 Monday … 7 Sunday).`);
  parseCalendarMonth(month);
  const start = weekStartOf(`${month}-01`, weekStart);
  const end = addCalendarDays(weekStartOf(lastDateOf(month), weekStart), 6);
  const dates: CalendarDate[] = [];
  for (let date = start; date <= end; date = addCalendarDays(date, 1)) dates.push(date);
  return dates;
}
