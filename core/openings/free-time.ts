import { mergeSpans, subtractSpans } from '../schedule';
import type { Span } from '../schedule';

/**
 * Where `busy` bookings leave a resource of `capacity` full: the spans
 * where at least `capacity` of them run at once. Back-to-back bookings do
 * not stack (an end frees its place before a start at the same instant
 * takes it), the rule core/overlap's capacity check uses.
 *
 * @example fullSpans([{ start: 0, end: 10 }, { start: 5, end: 15 }], 2) // [{ start: 5, end: 10 }]
 */
export function fullSpans(busy: readonly Span[], capacity: number): Span[] {
  if (capacity <= 1) return mergeSpans(busy);
  const events: [number, number][] = [];
  for (const span of busy) if (span.end > span.start) events.push([span.start, 1], [span.end, -1]);
  events.sort((left, right) => left[0] - right[0] || left[1] - right[1]);
  const full: Span[] = [];
  let load = 0;
  let fullSince: number | undefined;
  for (const [at, delta] of events) {
    load += delta;
    if (load >= capacity && fullSince === undefined) fullSince = at;
    else if (load < capacity && fullSince !== undefined) {
      if (at > fullSince) full.push({ start: fullSince, end: at });
      fullSince = undefined;
    }
  }
  return mergeSpans(full);
}

/**
 * The time a resource can still take a booking: its bookable spans (merged)
 * minus where its bookings fill it.
 *
 * @example freeTime([{ start: 0, end: 100 }], [{ start: 10, end: 20 }], 1) // [{ start: 0, end: 10 }, { start: 20, end: 100 }]
 */
export function freeTime(bookable: readonly Span[], busy: readonly Span[], capacity: number): Span[] {
  return subtractSpans(mergeSpans(bookable), fullSpans(busy, capacity));
}

/**
 * The time both sorted, merged span lists hold (a provider free AND a room free).
 *
 * @example intersectSpans([{ start: 0, end: 10 }], [{ start: 5, end: 20 }]) // [{ start: 5, end: 10 }]
 */
export function intersectSpans(left: readonly Span[], right: readonly Span[]): Span[] {
  const result: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] as Span;
    const b = right[j] as Span;
    const start = Math.max(a.start, b.start);
    const end = Math.min(a.end, b.end);
    if (start < end) result.push({ start, end });
    if (a.end < b.end) i++;
    else j++;
  }
  return result;
}
