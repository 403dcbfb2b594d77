import type { TimedeskDb } from '../db';
import { msToInstant } from '../model';
import type { BookableSpan, SoftBlockout } from '../schedule';
import { instantToWallTime, wallTimeToInstant } from '../time';
import { ValidationError } from '../validation';
import { calendarRange, nextDate } from './calendar-range';
import { storedAvailability } from './schedule-reads';

/** A bookable slot, half-open `[start, end)`. */
export interface FreeSlot {
  start: string;
  end: string;
  /** The start as the resource's clock shows it. */
  wallStart: string;
  /** Soft blockouts the slot lies in: bookable by a manager with a reason (core/schedule). Absent when none. */
  soft?: SoftBlockout[];
}

/** Which resource, how long, which days (dates in the resource's zone) and on what grid. */
export interface FreeSlotQuery {
  resourceId: string;
  durationMinutes: number;
  /** First day, `YYYY-MM-DD` in the resource's zone. */
  date: string;
  /** How many days from `date` (default 1). */
  days?: number;
  /** Slot starts are this many minutes apart from the start of each stretch of bookable time (default 15). */
  stepMinutes?: number;
}

interface Span {
  start: number;
  end: number;
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

/** Bookable spans joined where they touch (a soft blockout only splits a span to name itself), each with its pieces. */
function stretches(spans: readonly BookableSpan[]): { start: number; end: number; pieces: BookableSpan[] }[] {
  const joined: { start: number; end: number; pieces: BookableSpan[] }[] = [];
  for (const span of spans) {
    const start = Date.parse(span.start);
    const end = Date.parse(span.end);
    const last = joined.at(-1);
    if (last !== undefined && last.end === start) {
      last.end = end;
      last.pieces.push(span);
    } else joined.push({ start, end, pieces: [span] });
  }
  return joined;
}

/**
 * Free slots of `durationMinutes` for one resource: inside its bookable
 * time as core/schedule's `availability` gives it (working time or the
 * day's override, minus breaks, hard blockouts, leave and closures — wall
 * times in its zone, so 09:00–17:00 stays 09:00–17:00 across DST), with
 * fewer bookings at once than its capacity (stored appointments and series
 * occurrences; cancelled and no-show ones free their slot). Starts step
 * from the start of each stretch of bookable time. A slot inside a soft
 * blockout is offered with `soft` naming it.
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

  const last = nextDate(query.date, (query.days ?? 1) - 1);
  const from = wallTimeToInstant(`${query.date}T00:00`, resource.timeZone);
  const to = wallTimeToInstant(`${nextDate(last, 1)}T00:00`, resource.timeZone);
  const [bookable, calendar] = await Promise.all([
    storedAvailability(db, { resourceIds: [resource.id], from, to }),
    calendarRange(db, { resourceIds: [resource.id], from, to, includeCancelled: false }),
  ]);
  const busy: Span[] = calendar
    .map((item) => (item.kind === 'appointment' ? item.appointment : item.occurrence))
    .filter((booking) => booking.status !== 'no_show')
    .map((booking) => ({ start: Date.parse(booking.start), end: Date.parse(booking.end) }));

  const slots: FreeSlot[] = [];
  for (const stretch of stretches(bookable)) {
    for (let start = stretch.start; start + durationMs <= stretch.end; start += stepMs) {
      const slot = { start, end: start + durationMs };
      if (peakLoad(slot, busy) >= resource.capacity) continue;
      const soft = [...new Map(stretch.pieces.filter((piece) => overlaps(slot, { start: Date.parse(piece.start), end: Date.parse(piece.end) })).flatMap((piece) => piece.soft ?? []).map((entry) => [entry.blockId, entry])).values()];
      slots.push({ start: msToInstant(start), end: msToInstant(slot.end), wallStart: instantToWallTime(start, resource.timeZone), ...(soft.length > 0 ? { soft } : {}) });
    }
  }
  return slots;
}
