import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overCapacityNeighbours } from './over-capacity';
import type { Neighbour } from './over-capacity';

/** Integer endpoints make the count constant on each [t, t + 1), so checking every t is exhaustive. */
function oracle(start: number, end: number, neighbours: readonly Neighbour[], capacity: number): number[] {
  const involved = new Set<number>();
  for (let t = start; t < end; t++) {
    const present = neighbours.filter((neighbour) => neighbour.start <= t && t < neighbour.end);
    if (present.length + 1 > capacity) for (const neighbour of present) involved.add(neighbour.index);
  }
  return neighbours.map((neighbour) => neighbour.index).filter((index) => involved.has(index));
}

describe('overCapacityNeighbours', () => {
  it('names exactly the bookings present at an over-capacity instant (random integer intervals)', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 8 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(interval, fc.array(interval, { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (booking, others, capacity) => {
        const neighbours = others.map((other, index) => ({ index: index * 10, ...other }));
        expect(overCapacityNeighbours(booking.start, booking.end, neighbours, capacity)).toEqual(oracle(booking.start, booking.end, neighbours, capacity));
      }),
      { numRuns: 1000 },
    );
  });

  it('lets touching bookings share a capacity-1 resource', () => {
    expect(overCapacityNeighbours(10, 20, [{ index: 1, start: 0, end: 10 }, { index: 2, start: 20, end: 30 }], 1)).toEqual([]);
  });
});
