/**
 * Where each booking goes inside one column: overlapping bookings sit side
 * by side in lanes, never on top of each other, so nothing is hidden.
 * Bookings that overlap directly or through a chain form a cluster; every
 * booking in a cluster gets the same width (1 / the cluster's lane count), so
 * the columns of a cluster line up like a paper sheet's sub-columns.
 */

/** The part of a booking the layout reads: a half-open `[start, end)` span in any unit. */
export interface Span {
  id: string;
  start: number;
  end: number;
}

/** A booking's place: its lane (0 = leftmost) out of `lanes` lanes in its cluster. */
export interface Placement<T extends Span> {
  item: T;
  lane: number;
  lanes: number;
}

/**
 * Lays out one column's bookings. Sorted by start (longer first on a tie),
 * each booking takes the leftmost lane whose last booking has ended by its
 * start; back-to-back bookings (one ends as the next starts) do not overlap.
 *
 * @example
 * layOutColumn([{ id: 'a', start: 540, end: 600 }, { id: 'b', start: 570, end: 600 }, { id: 'c', start: 600, end: 630 }])
 * // a: lane 0 of 2, b: lane 1 of 2, c: lane 0 of 1
 */
export function layOutColumn<T extends Span>(items: readonly T[]): Placement<T>[] {
  const sorted = [...items].sort((left, right) => left.start - right.start || right.end - left.end || left.id.localeCompare(right.id));
  const placements: Placement<T>[] = [];
  let cluster: Placement<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;
  const closeCluster = () => {
    for (const placement of cluster) placement.lanes = laneEnds.length;
    placements.push(...cluster);
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.start >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.end);
    } else {
      laneEnds[lane] = item.end;
    }
    cluster.push({ item, lane, lanes: 0 });
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  closeCluster();
  return placements;
}
