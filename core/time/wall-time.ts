import { IANAZone } from 'luxon';
import { ValidationError } from '../validation';
import { isoDateTime } from './iso-text';
import { offsetMinutesAt } from './zone-offsets';

/**
 * A wall-clock time as a person reads it off the clinic's clock, without zone:
 * `YYYY-MM-DDTHH:mm:ss` (seconds optional on input, always present on output).
 */
export type WallTime = string;

/** The parts of a {@link WallTime}; months and days are 1-based. */
export interface WallTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const zoneCache = new Map<string, IANAZone>();
const dayMs = 86_400_000;

/**
 * Returns the IANA zone for `tzid`, or throws `unknown-zone` naming `field`.
 *
 * @example zoneFor('Europe/London', 'tzid').name // 'Europe/London'
 */
export function zoneFor(tzid: string, field = 'tzid'): IANAZone {
  const cached = zoneCache.get(tzid);
  if (cached) return cached;
  const zone = typeof tzid === 'string' && tzid !== '' ? IANAZone.create(tzid) : undefined;
  if (!zone || !zone.isValid) {
    throw new ValidationError('unknown-zone', field, `"${String(tzid)}" is not a known time zone (use an IANA name such as Europe/London).`);
  }
  zoneCache.set(tzid, zone);
  return zone;
}

/**
 * Parses and checks a wall time. Impossible calendar dates (Feb 30) are
 * refused, never rolled over.
 *
 * @example parseWallTime('2025-03-09T02:30', 'start') // { year: 2025, month: 3, day: 9, hour: 2, minute: 30, second: 0 }
 */
export function parseWallTime(text: string, field: string): WallTimeParts {
  const match = typeof text === 'string' ? wallTimePattern.exec(text) : null;
  if (!match) {
    throw new ValidationError('invalid-format', field, `"${String(text)}" is not a date and time like 2025-03-09T09:30.`);
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ValidationError('invalid-date', field, `${text.slice(0, 10)} is not a date on the calendar.`);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    throw new ValidationError('invalid-time', field, `${text.slice(11)} is not a time of day.`);
  }
  return { year, month, day, hour, minute, second };
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall time's parts read as if they were UTC, in epoch ms: the "local ms" used for arithmetic. */
export function wallPartsToLocalMs(parts: WallTimeParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** Formats "local ms" (see {@link wallPartsToLocalMs}) back as a {@link WallTime}. */
export function localMsToWallTime(localMs: number): WallTime {
  return isoDateTime(localMs);
}

/**
 * Resolves local ms in a zone to a real instant with the RFC 5545 §3.3.5 policy:
 * a wall time in a spring-forward gap takes the offset from before the gap
 * (02:30 in New York on 2025-03-09 is 07:30Z, i.e. 03:30 EDT); a wall time that
 * occurs twice takes its first occurrence (01:30 on 2025-11-02 is 05:30Z, EDT).
 */
export function localMsToInstant(localMs: number, zone: IANAZone): number {
  // Offsets a day either side bracket any real transition (none are closer together).
  // Offsets come from the per-zone cache: this runs once per occurrence in expansion.
  const offsetBefore = offsetMinutesAt(zone, localMs - dayMs);
  const offsetAfter = offsetMinutesAt(zone, localMs + dayMs);
  const first = localMs - offsetBefore * 60_000;
  const firstOffset = offsetMinutesAt(zone, first);
  if (offsetBefore === offsetAfter) {
    return firstOffset === offsetBefore ? first : localMs - firstOffset * 60_000;
  }
  const firstValid = firstOffset === offsetBefore;
  const second = localMs - offsetAfter * 60_000;
  const secondValid = offsetMinutesAt(zone, second) === offsetAfter;
  if (firstValid && secondValid) return Math.min(first, second); // repeated hour: the first one
  if (firstValid) return first;
  if (secondValid) return second;
  return first; // in the gap: the offset from before it
}

/**
 * A wall time in an IANA zone as an instant (epoch ms), with the gap and
 * repeated-hour policy of {@link localMsToInstant}.
 *
 * @example wallTimeToInstant('2025-03-09T02:30', 'America/New_York') === Date.parse('2025-03-09T07:30:00Z')
 */
export function wallTimeToInstant(wallTime: WallTime, tzid: string, field = 'start'): number {
  return localMsToInstant(wallPartsToLocalMs(parseWallTime(wallTime, field)), zoneFor(tzid));
}

/**
 * The wall time an instant shows on a clock in `tzid`.
 *
 * @example instantToWallTime(Date.parse('2025-03-09T07:30:00Z'), 'America/New_York') // '2025-03-09T03:30:00'
 */
export function instantToWallTime(instant: number, tzid: string): WallTime {
  return localMsToWallTime(instantToLocalMs(instant, zoneFor(tzid)));
}

/**
 * The wall time an instant shows in `zone`, as "local ms" (see {@link wallPartsToLocalMs}).
 *
 * @example localMsToWallTime(instantToLocalMs(Date.parse('2025-03-09T07:30:00Z'), zoneFor('America/New_York'))) // '2025-03-09T03:30:00'
 */
export function instantToLocalMs(instant: number, zone: IANAZone): number {
  return instant + offsetMinutesAt(zone, instant) * 60_000;
}
