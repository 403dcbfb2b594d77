import ICAL from 'ical.js';

/**
 * An ical.js time from a wall time `YYYY-MM-DDTHH:MM[:SS]` (no zone attached:
 * the caller sets TZID on the property).
 *
 * @example icalWallTime('2026-03-02T09:00:00').toString() // '2026-03-02T09:00:00'
 */
export function icalWallTime(wall: string): ICAL.Time {
  const [date = '', time = '00:00:00'] = wall.split('T');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour = 0, minute = 0, second = 0] = time.split(':').map(Number);
  return ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false });
}

/**
 * A wall time `YYYY-MM-DDTHH:MM:SS` from an ical.js time's fields (whatever zone it names).
 *
 * @example wallOf(ICAL.Time.fromString('2026-03-02T09:00:00')) // '2026-03-02T09:00:00'
 */
export function wallOf(time: ICAL.Time): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}
