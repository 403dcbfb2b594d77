import type { TimedeskDb } from '../db';
import { readClinicSettings } from '../db';
import { msToInstant } from '../model';
import { instantToWallTime, wallTimeToInstant } from '../time';
import { ValidationError } from '../validation';
import { calendarRange, nextDate } from './calendar-range';

/** A bookable slot, half-open `[start, end)`. */
export interface FreeSlot {
  start: string;
  end: string;
  /** The start as the resource's clock shows it. */
  wallStart: string;
}

/** Which resource, how long, which days (dates in the resource's zone) and on what grid. */
export interface FreeSlotQuery {
  resourceId: string;
  durationMinutes: number;
  /** First day, `YYYY-MM-DD` in the resource's zone. */
  date: string;
  /** How many days from `date` (default 1). */
  days?: number;
  /** Slot starts are this many minutes apart from the start of each working block (default 15). */
  stepMinutes?: number;
}

interface Span {
  start: number;
  end: number;
}

/** ISO weekday (Monday 1 … Sunday 7) of a calendar date. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function wallSpan(date: string, start: string, end: string, timeZone: string): Span {
  const endWall = end === '24:00' ? `${nextDate(date, 1)}T00:00` : `${date}T${end}`;
  return { start: wallTimeToInstant(`${date}T${start}`, timeZone), end: wallTimeToInstant(endWall, timeZone) };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Most bookings running at once inside `slot`. */
function peakLoad(slot: Span, busy: readonly Span[]): number {
  const events: [number, number][] = [];
  for (const span of busy) {
    if (!overlaps(span, slot)) continue;
    events.push([Math.max(span.start, slot.start), 1], [span.end, -1]);
  }
  // Ends sort before starts at the same instant: back-to-back bookings do not stack.
  events.sort((left, right) => left[0] - right[0] || left[1] - right[1]);
  let load = 0;
  let peak = 0;
  for (const [, delta] of events) peak = Math.max(peak, (load += delta));
  return peak;
}

/**
 * Free slots of `durationMinutes` for one resource: inside its working
 * blocks (wall time in its zone, so a 09:00–17:00 day stays 09:00–17:00
 * across DST), not touching its breaks or a closure (its own or the
 * clinic's), and with fewer bookings at once than its capacity (stored
 * appointments and series occurrences; cancelled and no-show ones free
 * their slot). Starts step from each block's start.
 *
 * @example
 * await freeSlots(db, { resourceId: 'dr-lee', durationMinutes: 30, date: '2026-03-09' })
 * // [{ start: '2026-03-09T12:00:00.000Z', end: '2026-03-09T12:30:00.000Z', wallStart: '2026-03-09T08:00:00' }, …]
 */
export async function freeSlots(db: TimedeskDb, query: FreeSlotQuery): Promise<FreeSlot[]> {
  const stepMs = (query.stepMinutes ?? 15) * 60_000;
  const durationMs = query.durationMinutes * 60_000;
  if (!(durationMs > 0)) throw new ValidationError('invalid-duration', 'durationMinutes', 'Duration must be a positive number of minutes.');
  if (!(stepMs > 0)) throw new ValidationError('invalid-interval', 'stepMinutes', 'The slot grid must be a positive number of minutes.');
  const resource = await db.resources.get(query.resourceId);
  if (!resource) throw new ValidationError('unknown-entity', 'resourceId', `There is no resource "${query.resourceId}".`);
  const clinic = await readClinicSettings(db);
  const rules = await db.availability.where('resourceId').equals(resource.id).toArray();
  const closures = (await db.closures.toArray()).filter((closure) => closure.resourceId === null || closure.resourceId === resource.id);

  const dates = Array.from({ length: query.days ?? 1 }, (_, index) => nextDate(query.date, index));
  const first = dates[0] as string;
  const last = dates.at(-1) as string;
  const busy: Span[] = (
    await calendarRange(db, {
      resourceIds: [resource.id],
      from: wallTimeToInstant(`${first}T00:00`, resource.timeZone),
      to: wallTimeToInstant(`${nextDate(last, 1)}T00:00`, resource.timeZone),
      includeCancelled: false,
    })
  )
    .map((item) => (item.kind === 'appointment' ? item.appointment : item.occurrence))
    .filter((booking) => booking.status !== 'no_show')
    .map((booking) => ({ start: Date.parse(booking.start), end: Date.parse(booking.end) }));

  const slots: FreeSlot[] = [];
  for (const date of dates) {
    const weekday = isoWeekday(date);
    const working = rules.filter((rule) => rule.weekday === weekday && rule.kind === 'working').map((rule) => wallSpan(date, rule.start, rule.end, resource.timeZone));
    const blocked = [
      ...rules.filter((rule) => rule.weekday === weekday && rule.kind === 'break').map((rule) => wallSpan(date, rule.start, rule.end, resource.timeZone)),
      ...closures
        .filter((closure) => closure.startDate <= date && date <= closure.endDate)
        .map((closure) => wallSpan(date, '00:00', '24:00', closure.resourceId === null ? clinic.timeZone : resource.timeZone)),
    ];
    for (const block of working.sort((left, right) => left.start - right.start)) {
      for (let start = block.start; start + durationMs <= block.end; start += stepMs) {
        const slot = { start, end: start + durationMs };
        if (blocked.some((span) => overlaps(span, slot))) continue;
        if (peakLoad(slot, busy) >= resource.capacity) continue;
        if (slots.some((existing) => Date.parse(existing.start) === start)) continue; // overlapping working blocks
        slots.push({ start: msToInstant(start), end: msToInstant(slot.end), wallStart: instantToWallTime(start, resource.timeZone) });
      }
    }
  }
  return slots.sort((left, right) => (left.start < right.start ? -1 : 1));
}
