/** A booking that overlaps the one being checked, on the same resource. */
export interface Neighbour {
  /** Caller's handle, returned when the neighbour is involved. */
  index: number;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/**
 * Which neighbours push a resource over capacity while `[start, end)` is
 * booked on it: the ones present at some instant inside it when the count of
 * concurrent bookings, the checked one included, exceeds `capacity`.
 * Returns neighbour indices in the order given; empty means it fits.
 *
 * With capacity 2, a booking overlapped by two neighbours that never overlap
 * each other fits (at most 2 at once); one overlapped by two neighbours that
 * overlap each other inside it does not, and both are named.
 *
 * @example
 * overCapacityNeighbours(0, 60, [{ index: 7, start: 0, end: 30 }, { index: 8, start: 30, end: 60 }], 2) // []
 * overCapacityNeighbours(0, 60, [{ index: 7, start: 0, end: 40 }, { index: 8, start: 30, end: 60 }], 2) // [7, 8]
 */
export function overCapacityNeighbours(start: number, end: number, neighbours: readonly Neighbour[], capacity: number): number[] {
  if (neighbours.length < capacity) return [];
  // Neighbours clipped to the checked booking; ends before starts at one instant (touching is not overlapping).
  const events: [time: number, change: -1 | 1, position: number][] = [];
  neighbours.forEach((neighbour, position) => {
    const from = Math.max(start, neighbour.start);
    const to = Math.min(end, neighbour.end);
    if (from < to) events.push([from, 1, position], [to, -1, position]);
  });
  events.sort((left, right) => left[0] - right[0] || left[1] - right[1]);
  const present = new Set<number>();
  const involved = new Set<number>();
  for (let cursor = 0; cursor < events.length; ) {
    const time = (events[cursor] as (typeof events)[number])[0];
    for (; cursor < events.length && (events[cursor] as (typeof events)[number])[0] === time; cursor++) {
      const [, change, position] = events[cursor] as (typeof events)[number];
      if (change === 1) present.add(position);
      else present.delete(position);
    }
    // All changes at `time` applied: the count holds until the next event, a span of positive length.
    if (present.size + 1 > capacity) for (const position of present) involved.add(position);
  }
  return neighbours.flatMap((neighbour, position) => (involved.has(position) ? [neighbour.index] : []));
}
