import type { CalendarDate } from '../../core/model';

/** Dates and times written the clinic's way, on the clinic's clock. */
export interface ClinicFormat {
  /** `9:30 AM` / `09:30` for an instant. */
  time(instant: number): string;
  /** A time of day given as wall minutes after midnight (grid labels). */
  wallTime(minutes: number): string;
  /** `Wednesday, November 25, 2026` for a calendar date. */
  longDate(date: CalendarDate): string;
  /** `Nov 25` for a calendar date. */
  shortDate(date: CalendarDate): string;
  /** `Wed` for a calendar date. */
  weekday(date: CalendarDate): string;
  /** `November 2026` for a calendar date's month (the month view's title). */
  monthYear(date: CalendarDate): string;
  /** `25` for a calendar date, in the locale's digits (the month grid's day numbers). */
  dayOfMonth(date: CalendarDate): string;
  /** `Wednesday` for a calendar date (the month grid's column names for screen readers). */
  longWeekday(date: CalendarDate): string;
  /** `Dec 10, 1815` for a calendar date (dates of birth). */
  mediumDate(date: CalendarDate): string;
  /** `Nov 3, 2026, 9:00 AM` for an instant, on the clinic's clock. */
  dateTime(instant: number): string;
}

/**
 * Intl formatters for a clinic's locale and zone, built once per pair.
 * Calendar dates are formatted at noon UTC with `timeZone: 'UTC'` so no zone
 * can shift them onto a neighbouring day.
 *
 * @example clinicFormat('en-US', 'America/New_York').time(Date.parse('2026-11-25T14:30:00Z')) // '9:30 AM'
 */
export function clinicFormat(locale: string, timeZone: string): ClinicFormat {
  const key = `${locale}\u0000${timeZone}`;
  let format = built.get(key);
  if (!format) {
    format = buildClinicFormat(locale, timeZone);
    built.set(key, format);
  }
  return format;
}

// Building ten Intl formatters takes a few ms; every dialog and view that mounts asks for the same pair.
const built = new Map<string, ClinicFormat>();

function buildClinicFormat(locale: string, timeZone: string): ClinicFormat {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const wall = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' });
  const long = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const short = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' });
  const medium = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const weekday = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const monthYear = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const longWeekday = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' });
  const dayOfMonth = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric' });
  const atNoon = (date: CalendarDate) => Date.parse(`${date}T12:00:00Z`);
  return {
    time: (instant) => time.format(instant),
    wallTime: (minutes) => wall.format(Date.UTC(2000, 0, 1, 0, minutes)),
    longDate: (date) => long.format(atNoon(date)),
    shortDate: (date) => short.format(atNoon(date)),
    mediumDate: (date) => medium.format(atNoon(date)),
    weekday: (date) => weekday.format(atNoon(date)),
    dateTime: (instant) => dateTime.format(instant),
    monthYear: (date) => monthYear.format(atNoon(date)),
    longWeekday: (date) => longWeekday.format(atNoon(date)),
    dayOfMonth: (date) => dayOfMonth.format(atNoon(date)),
  };
}
