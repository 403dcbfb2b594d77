import { instantToLocalMs, zoneFor } from '../time';
import { subtractSpans } from '../schedule';
import type { Span } from '../schedule';
import { clockWindows } from './clock-windows';
import { intersectSpans } from './free-time';
import type { ParsedOpeningQuery } from './opening-query';

/** An opening: `[start, end)` as canonical UTC instants, on a provider (and a room when one was asked for). */
export interface Opening {
  start: string;
  end: string;
  providerId: string;
  roomId?: string;
  /** Soft blockouts it lies in (their labels): bookable by a manager with a reason. Absent when none. */
  soft?: string[];
}

/** A soft blockout's stretch on one resource, epoch ms. */
export interface SoftSpan extends Span {
  label: string;
}

/** One resource as the search sees it over a window: where it can still take a booking, and its soft blockouts. */
export interface ResourceFreeTime {
  id: string;
  timeZone: string;
  /** Sorted, merged: bookable minus where bookings fill it. */
  free: Span[];
  soft: SoftSpan[];
}

/** What one pass of the search looks at: the providers and rooms in the order asked, the patient's busy time, and the instants starts may fall in. */
export interface OpeningSearchInput {
  providers: readonly ResourceFreeTime[];
  /** Absent when no room is needed. */
  rooms?: readonly ResourceFreeTime[];
  /** Sorted, merged. */
  patientBusy: readonly Span[];
  /** Starts lie in `[from, to)`; the free time must reach `to + duration` for the last ones to be judged. */
  from: number;
  to: number;
  query: Pick<ParsedOpeningQuery, 'durationMs' | 'stepMs' | 'limit' | 'weekdays' | 'timeOfDay'>;
}

/**
 * Starts for a visit of `durationMs` inside the free span `[start, end)`:
 * the span's own start (a gap right after a visit is not lost to the grid),
 * then the provider's clock at multiples of `stepMs` since midnight
 * (09:15, 09:30 …), each with the whole visit inside the span. Starts
 * before `from` or at/after `to` are skipped; at most `room` of them.
 *
 * @example startsIn({ start: t('09:10'), end: t('10:00') }, 30 min, 15 min, …) // 09:10, 09:15, 09:30
 */
export function startsIn(span: Span, durationMs: number, stepMs: number, zoneName: string, from: number, to: number, room: number): number[] {
  const first = Math.max(span.start, from);
  const last = Math.min(span.end - durationMs, to - 1);
  const starts: number[] = [];
  if (first > last) return starts;
  starts.push(first);
  const local = instantToLocalMs(first, zoneFor(zoneName));
  let next = first + (Math.floor(local / stepMs) + 1) * stepMs - local;
  while (next <= last && starts.length < room) {
    starts.push(next);
    next += stepMs;
  }
  return starts;
}

const softOver = (spans: readonly SoftSpan[], start: number, end: number) => spans.filter((span) => span.start < end && start < span.end).map((span) => span.label);

/**
 * The earliest openings in one window, pure: for each provider, its free
 * time on the wanted days and times of its own clock, minus the patient's
 * bookings, and — when a room is needed — the first room (in the order
 * asked) free for the whole visit; then every provider's starts merged,
 * earliest first (ties in the providers' order), at most `limit`.
 *
 * @example searchOpenings({ providers: [{ id: 'dr-chen', timeZone: 'Europe/London', free, soft: [] }], patientBusy: [], from, to, query })
 * // [{ start: '2027-01-11T09:00:00.000Z', end: '2027-01-11T09:40:00.000Z', providerId: 'dr-chen' }, …]
 */
export function searchOpenings(input: OpeningSearchInput): Opening[] {
  const { durationMs, stepMs, limit } = input.query;
  const found: { start: number; order: number; opening: Opening }[] = [];
  input.providers.forEach((provider, order) => {
    const clock = clockWindows(input.from, input.to + durationMs, provider.timeZone, input.query);
    const own = subtractSpans(intersectSpans(provider.free, clock), input.patientBusy);
    const pairs: { start: number; roomId?: string; room?: ResourceFreeTime }[] = [];
    if (input.rooms === undefined) {
      for (const span of own) {
        for (const start of startsIn(span, durationMs, stepMs, provider.timeZone, input.from, input.to, limit - pairs.length)) pairs.push({ start });
        if (pairs.length >= limit) break;
      }
    } else {
      // Each start once, with the first room that holds the whole visit.
      const byStart = new Map<number, ResourceFreeTime>();
      for (const room of input.rooms) {
        for (const span of intersectSpans(own, room.free)) {
          for (const start of startsIn(span, durationMs, stepMs, provider.timeZone, input.from, input.to, limit)) if (!byStart.has(start)) byStart.set(start, room);
        }
      }
      for (const [start, room] of [...byStart].sort((left, right) => left[0] - right[0]).slice(0, limit)) pairs.push({ start, roomId: room.id, room });
    }
    for (const pair of pairs) {
      const end = pair.start + durationMs;
      const soft = [...new Set([...softOver(provider.soft, pair.start, end), ...(pair.room ? softOver(pair.room.soft, pair.start, end) : [])])];
      const opening: Opening = {
        start: new Date(pair.start).toISOString(),
        end: new Date(end).toISOString(),
        providerId: provider.id,
        ...(pair.roomId === undefined ? {} : { roomId: pair.roomId }),
        ...(soft.length > 0 ? { soft } : {}),
      };
      found.push({ start: pair.start, order, opening });
    }
  });
  found.sort((left, right) => left.start - right.start || left.order - right.order);
  return found.slice(0, limit).map((entry) => entry.opening);
}
