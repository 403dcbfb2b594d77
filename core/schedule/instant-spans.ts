/**
 * Half-open spans of time `[start, end)` in epoch ms, and the three set
 * operations availability is made of. `start` is inclusive (the span holds
 * that instant), `end` exclusive (it is over). An empty span (`start >= end`)
 * holds nothing and is dropped.
 */

/** One span of time, half-open, epoch ms. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The union of `spans`, sorted, with overlapping and touching spans joined:
 * 09:00–13:00 and 13:00–17:00 are one bookable afternoon, and two working
 * blocks that overlap are never counted twice.
 *
 * @example mergeSpans([{ start: 5, end: 9 }, { start: 1, end: 5 }, { start: 7, end: 8 }]) // [{ start: 1, end: 9 }]
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((left, right) => left.start - right.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    // `<=`: a span starting exactly where the last one ends continues it.
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/**
 * `base` minus `cuts`; both must already be merged and sorted
 * ({@link mergeSpans}). What remains of a span between two cuts stays a span
 * of its own.
 *
 * @example subtractSpans([{ start: 0, end: 10 }], [{ start: 3, end: 4 }]) // [{ start: 0, end: 3 }, { start: 4, end: 10 }]
 */
export function subtractSpans(base: readonly Span[], cuts: readonly Span[]): Span[] {
  const result: Span[] = [];
  let cut = 0;
  for (const span of base) {
    let start = span.start;
    // Cuts ending at or before this span's start cannot touch it or any later one.
    while (cut < cuts.length && (cuts[cut] as Span).end <= start) cut++;
    let index = cut;
    while (index < cuts.length && (cuts[index] as Span).start < span.end) {
      const current = cuts[index] as Span;
      if (current.start > start) result.push({ start, end: current.start });
      start = Math.max(start, current.end);
      index++;
    }
    if (start < span.end) result.push({ start, end: span.end });
  }
  return result;
}

/**
 * The parts of sorted spans inside `[from, to)`.
 *
 * @example clipSpans([{ start: 0, end: 10 }, { start: 20, end: 30 }], 5, 25) // [{ start: 5, end: 10 }, { start: 20, end: 25 }]
 */
export function clipSpans(spans: readonly Span[], from: number, to: number): Span[] {
  const result: Span[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (start < end) result.push({ start, end });
  }
  return result;
}

/**
 * Whether sorted, merged `spans` hold all of `[start, end)`.
 *
 * @example coversSpan([{ start: 0, end: 10 }], 2, 10) // true
 */
export function coversSpan(spans: readonly Span[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  // The last span starting at or before `start` is the only one that can hold it.
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((spans[middle] as Span).start <= start) low = middle + 1;
    else high = middle - 1;
  }
  const holder = spans[high];
  return holder !== undefined && holder.start <= start && end <= holder.end;
}

/**
 * Whether two half-open spans share an instant.
 *
 * @example spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 }) // false (back to back)
 */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
