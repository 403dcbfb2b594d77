import { z } from 'zod';
import { daysInMonth, localMsToWallTime, parseWallTime, wallPartsToLocalMs, zoneFor } from '../time';
import type { WallTime } from '../time';
import { addCodedIssue, reportValidationError } from './zod-to-validation';

/**
 * Wall times, zones, calendar dates and times of day at the edge. Each reuses
 * core/time's parsers so the refusals carry the same codes everywhere.
 */

/**
 * A wall time (`YYYY-MM-DDTHH:mm[:ss]`), checked by core/time's
 * `parseWallTime` and normalised to include seconds.
 *
 * @example wallTimeSchema.parse('2025-03-09T02:30') // '2025-03-09T02:30:00'
 */
export const wallTimeSchema = z
  .string()
  .superRefine((text, context) => reportValidationError(context, () => parseWallTime(text, '')))
  .overwrite((text) => {
    try {
      return localMsToWallTime(wallPartsToLocalMs(parseWallTime(text, '')));
    } catch {
      return text; // already reported by the refinement above
    }
  });

/**
 * An IANA time zone name, checked with core/time's `zoneFor`.
 *
 * @example timeZoneSchema.parse('America/New_York') // 'America/New_York'
 */
export const timeZoneSchema = z.string().superRefine((text, context) => {
  if (text === '') addCodedIssue(context, 'required', 'Time zone is required.');
  else reportValidationError(context, () => zoneFor(text, ''));
});

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` with no time or zone. */
export type CalendarDate = string;

/**
 * A calendar date (`YYYY-MM-DD`) that exists: Feb 29 only in leap years.
 *
 * @example calendarDateSchema.parse('2024-02-29') // '2024-02-29'
 */
export const calendarDateSchema = z.string().superRefine((text, context) => {
  const match = datePattern.exec(text);
  if (!match) {
    addCodedIssue(context, 'invalid-format', `"${text}" is not a date like 2025-03-09.`);
    return;
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    addCodedIssue(context, 'invalid-date', `${text} is not a date on the calendar.`);
  }
});

/** A time of day `HH:mm` on a 24-hour clock; `24:00` means the end of the day. */
export type TimeOfDay = string;

const timeOfDayPattern = /^(\d{2}):(\d{2})$/;

/**
 * Minutes since midnight for a time of day, or `undefined` when it is not
 * one. `24:00` (end of day, 1440) is accepted only when `allowEndOfDay` is set.
 *
 * @example minutesOfDay('09:30') // 570
 * @example minutesOfDay('24:00', true) // 1440
 */
export function minutesOfDay(text: string, allowEndOfDay = false): number | undefined {
  const match = timeOfDayPattern.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (allowEndOfDay && hour === 24 && minute === 0) return 1440;
  if (hour > 23 || minute > 59) return undefined;
  return hour * 60 + minute;
}

/**
 * A time of day `HH:mm`; `24:00` only when `allowEndOfDay` (an end bound).
 *
 * @example timeOfDaySchema(true).parse('24:00') // '24:00'
 */
export function timeOfDaySchema(allowEndOfDay = false) {
  return z.string().superRefine((text, context) => {
    if (!timeOfDayPattern.test(text)) addCodedIssue(context, 'invalid-format', `"${text}" is not a time like 09:30.`);
    else if (minutesOfDay(text, allowEndOfDay) === undefined) addCodedIssue(context, 'invalid-time', `${text} is not a time of day.`);
  });
}

export type { WallTime };

/**
 * A part of the day on a wall clock, `start` to `end` (`end` may be 24:00):
 * a waitlist entry's preferred times, an opening search's times of day.
 * `end` must be after `start` (`end-not-after-start`, at `end`).
 *
 * @example timeOfDayWindowSchema.parse({ start: '08:00', end: '12:00' })
 */
export const timeOfDayWindowSchema = z
  .object({ start: timeOfDaySchema(), end: timeOfDaySchema(true) })
  .strict()
  .superRefine((window, context) => {
    const start = minutesOfDay(window.start);
    const end = minutesOfDay(window.end, true);
    if (start !== undefined && end !== undefined && end <= start) addCodedIssue(context, 'end-not-after-start', `${window.end} is not after ${window.start}.`, ['end']);
  });
