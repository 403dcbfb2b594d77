import type { CalendarDate } from '../../core/model';
import { instantToWallTime } from '../../core/time';

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. A date has no zone, so
 * the sums run in UTC where every day is 24 hours; zones only matter when a
 * date meets a clock (see {@link todayIn}).
 */

function toUtcMs(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The date `days` later (or earlier, when negative).
 *
 * @example addDays('2026-03-08', 1) // '2026-03-09'
 * @example addDays('2026-03-01', -1) // '2026-02-28'
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(toUtcMs(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The following day.
 *
 * @example nextDate('2026-12-31') // '2027-01-01'
 */
export function nextDate(date: CalendarDate): CalendarDate {
  return addDays(date, 1);
}

/**
 * The ISO weekday of a date: Monday 1 … Sunday 7 (as in core/model's availability rules).
 *
 * @example isoWeekday('2026-11-25') // 3 (a Wednesday)
 */
export function isoWeekday(date: CalendarDate): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Today's date on the clinic's wall clock, which may differ from the
 * computer's own zone (a laptop set to UTC in a New York clinic).
 *
 * @example todayIn('Pacific/Auckland', Date.parse('2026-11-25T12:00:00Z')) // '2026-11-26'
 */
export function todayIn(timeZone: string, now: number): CalendarDate {
  return instantToWallTime(now, timeZone).slice(0, 10);
}

/**
 * Minutes since the wall-clock midnight of `date` at which `instant` falls in
 * `timeZone`; below 0 or past 1440 when the instant is on another day. Wall
 * minutes, so on a DST day 09:00 is always at 540 whatever the offset.
 *
 * @example wallMinutesOn('2026-11-25', Date.parse('2026-11-25T14:30:00Z'), 'America/New_York') // 570
 */
export function wallMinutesOn(date: CalendarDate, instant: number, timeZone: string): number {
  const wall = instantToWallTime(instant, timeZone);
  const dayOffset = Math.round((toUtcMs(wall.slice(0, 10)) - toUtcMs(date)) / 86_400_000);
  return dayOffset * 1440 + Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
}

/**
 * A wall time string for minutes after midnight of `date`.
 *
 * @example wallTimeAt('2026-11-25', 570) // '2026-11-25T09:30'
 */
export function wallTimeAt(date: CalendarDate, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${date}T${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The first day of the week containing `date`, where weeks start on ISO
 * weekday `firstDay` (1 Monday … 7 Sunday).
 *
 * @example startOfWeek('2026-11-25', 1) // '2026-11-23' (Monday)
 * @example startOfWeek('2026-11-25', 7) // '2026-11-22' (Sunday)
 */
export function startOfWeek(date: CalendarDate, firstDay: number): CalendarDate {
  return addDays(date, -((isoWeekday(date) - firstDay + 7) % 7));
}

/**
 * The locale's first day of the week as an ISO weekday (Intl.Locale week
 * info where the platform has it; Monday otherwise, the ISO default).
 *
 * @example firstDayOfWeek('en-US') // 7 (Sunday)
 * @example firstDayOfWeek('en-GB') // 1 (Monday)
 */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7 ? firstDay : 1;
  } catch {
    return 1;
  }
}
