import { instantToLocalMs, localMsToInstant, zoneFor } from '../time';
import { mergeSpans } from '../schedule';
import type { Span } from '../schedule';

const dayMs = 86_400_000;
const minuteMs = 60_000;

/** Which days (ISO 1 = Monday … 7 = Sunday) and which stretches of the clock (minutes since midnight, `[start, end)`). */
export interface ClockFilter {
  weekdays?: readonly number[];
  timeOfDay?: readonly { start: number; end: number }[];
}

/**
 * The instants in `[from, to)` that a resource's clock in `timeZone` shows
 * on the wanted weekdays inside the wanted times of day, as sorted spans —
 * "mornings, not Fridays" on Dr Chen's clock. Wall times become instants
 * through core/time's DST policy (a 09:00 start on the day clocks change
 * is still 09:00; a wall time the change skips is read with the offset
 * from before it). Overlapping windows are one. With no filter, the whole range.
 *
 * @example clockWindows(from, to, 'Europe/London', { weekdays: [1], timeOfDay: [{ start: 540, end: 720 }] })
 * // every Monday 09:00–12:00 London time between from and to
 */
export function clockWindows(from: number, to: number, timeZone: string, filter: ClockFilter): Span[] {
  if (filter.weekdays === undefined && filter.timeOfDay === undefined) return from < to ? [{ start: from, end: to }] : [];
  const zone = zoneFor(timeZone);
  const weekdays = filter.weekdays === undefined ? undefined : new Set(filter.weekdays);
  const times = filter.timeOfDay ?? [{ start: 0, end: 1440 }];
  const spans: Span[] = [];
  // Local days from the one `from` falls on to the one `to` falls on.
  const firstDay = Math.floor(instantToLocalMs(from, zone) / dayMs) * dayMs;
  const lastDay = Math.floor(instantToLocalMs(to, zone) / dayMs) * dayMs;
  for (let day = firstDay; day <= lastDay; day += dayMs) {
    // getUTCDay on local ms is the wall clock's weekday (0 = Sunday), whatever the host zone.
    const isoWeekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    if (weekdays !== undefined && !weekdays.has(isoWeekday)) continue;
    for (const window of times) {
      const start = Math.max(from, localMsToInstant(day + window.start * minuteMs, zone));
      const end = Math.min(to, localMsToInstant(day + window.end * minuteMs, zone));
      if (start < end) spans.push({ start, end });
    }
  }
  return mergeSpans(spans);
}
