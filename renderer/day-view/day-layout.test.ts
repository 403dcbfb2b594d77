import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layOutColumn } from './day-layout';

const span = (id: string, start: number, end: number) => ({ id, start, end });

describe('layOutColumn', () => {
  it('puts overlapping bookings side by side and lets back-to-back ones share a lane', () => {
    const placed = layOutColumn([span('a', 540, 600), span('b', 570, 600), span('c', 600, 630)]);
    const byId = Object.fromEntries(placed.map((placement) => [placement.item.id, placement]));
    expect(byId['a']).toMatchObject({ lane: 0, lanes: 2 });
    expect(byId['b']).toMatchObject({ lane: 1, lanes: 2 });
    expect(byId['c']).toMatchObject({ lane: 0, lanes: 1 });
  });

  it('gives a chain of overlaps one shared lane count and reuses freed lanes', () => {
    // a overlaps b, b overlaps c, a and c do not: two lanes are enough.
    const placed = layOutColumn([span('a', 0, 30), span('b', 15, 45), span('c', 30, 60)]);
    expect(placed.map((placement) => [placement.item.id, placement.lane, placement.lanes])).toEqual([
      ['a', 0, 2],
      ['b', 1, 2],
      ['c', 0, 2],
    ]);
  });

  it('shows three identical bookings as three lanes', () => {
    const placed = layOutColumn([span('x', 60, 90), span('y', 60, 90), span('z', 60, 90)]);
    expect(placed.map((placement) => placement.lane).sort()).toEqual([0, 1, 2]);
    expect(new Set(placed.map((placement) => placement.lanes))).toEqual(new Set([3]));
  });

  it('never lets two overlapping bookings share a lane, and keeps every booking', () => {
    const item = fc.tuple(fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 5, max: 240 }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (pairs) => {
        const items = pairs.map(([start, length], index) => span(`i${index}`, start, start + length));
        const placed = layOutColumn(items);
        expect(placed).toHaveLength(items.length);
        for (const left of placed) {
          expect(left.lane).toBeLessThan(left.lanes);
          for (const right of placed) {
            if (left === right) continue;
            const overlap = left.item.start < right.item.end && right.item.start < left.item.end;
            if (overlap) {
              expect(left.lane).not.toBe(right.lane);
              expect(left.lanes).toBe(right.lanes);
            }
          }
        }
      }),
    );
  });
});
