import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../validation';
import { findOverlaps } from './sweep';
import type { OverlapItem, OverlapPair } from './sweep';

/** The obvious O(n²) definition: both non-empty, [s1,e1) and [s2,e2) intersect, shared keys. */
function pairwiseOracle(items: readonly OverlapItem[]): OverlapPair[] {
  const pairs: OverlapPair[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const x = items[i] as OverlapItem;
      const y = items[j] as OverlapItem;
      if (x.start >= x.end || y.start >= y.end) continue;
      if (!(x.start < y.end && y.start < x.end)) continue;
      const shared = [...new Set(x.keys)].filter((key) => y.keys.includes(key)).sort();
      if (shared.length === 0) continue;
      pairs.push(x.id < y.id ? { a: x.id, b: y.id, keys: shared } : { a: y.id, b: x.id, keys: shared });
    }
  }
  return normalise(pairs);
}

function normalise(pairs: readonly OverlapPair[]): OverlapPair[] {
  return [...pairs].sort((p, q) => (p.a + '\u0000' + p.b < q.a + '\u0000' + q.b ? -1 : 1));
}

const item = (id: string, keys: string[], start: number, end: number): OverlapItem => ({ id, keys, start, end });

describe('findOverlaps', () => {
  it('matches the pairwise definition on random small intervals (empty, touching, shared keys)', () => {
    const itemArbitrary = fc.record({
      keys: fc.array(fc.constantFrom('dr-a', 'dr-b', 'room-1', 'room-2', 'patient-9'), { maxLength: 4 }),
      start: fc.integer({ min: 0, max: 20 }),
      length: fc.integer({ min: -3, max: 8 }), // ≤ 0 gives empty intervals
    });
    const itemsArbitrary = fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 30 })
      .chain((ids) => fc.tuple(fc.constant(ids), fc.array(itemArbitrary, { minLength: ids.length, maxLength: ids.length })))
      .map(([ids, shapes]) => ids.map((id, index) => {
        const shape = shapes[index] as { keys: string[]; start: number; length: number };
        return item(id, shape.keys, shape.start, shape.start + shape.length);
      }));
    fc.assert(
      fc.property(itemsArbitrary, (items) => {
        expect(normalise(findOverlaps(items))).toEqual(pairwiseOracle(items));
      }),
      { numRuns: 500 },
    );
  });

  it('matches the pairwise definition when times span too widely to pack (comparator sort path)', () => {
    const far = 2 ** 52;
    const items = [
      item('m', ['k'], -far, far),
      item('n', ['k'], 0, 1),
      item('o', ['k'], far - 1, far + 5),
      item('p', ['k'], 0.5, 0.75),
    ];
    expect(normalise(findOverlaps(items))).toEqual(pairwiseOracle(items));
    expect(findOverlaps(items)).toHaveLength(4); // m–n, m–o, m–p, n–p
  });

  it('does not count intervals that only touch (end is exclusive)', () => {
    expect(findOverlaps([item('first', ['dr-a'], 0, 30), item('second', ['dr-a'], 30, 60)])).toEqual([]);
  });

  it('never reports an empty interval, even inside another one', () => {
    const items = [item('long', ['dr-a'], 0, 100), item('zero', ['dr-a'], 50, 50), item('backwards', ['dr-a'], 60, 40)];
    expect(findOverlaps(items)).toEqual([]);
  });

  it('orders each pair so that a < b whichever starts first', () => {
    expect(findOverlaps([item('zeta', ['dr-a'], 0, 30), item('alpha', ['dr-a'], 10, 20)])).toEqual([{ a: 'alpha', b: 'zeta', keys: ['dr-a'] }]);
    expect(findOverlaps([item('alpha', ['dr-a'], 0, 30), item('zeta', ['dr-a'], 10, 20)])).toEqual([{ a: 'alpha', b: 'zeta', keys: ['dr-a'] }]);
  });

  it('reports two items sharing two keys as one pair naming both keys, sorted', () => {
    const items = [item('x', ['room-1', 'dr-a', 'dr-a'], 0, 30), item('y', ['dr-a', 'patient-1', 'room-1'], 20, 40)];
    expect(findOverlaps(items)).toEqual([{ a: 'x', b: 'y', keys: ['dr-a', 'room-1'] }]);
  });

  it('returns pairs in sweep order, as its doc example shows', () => {
    const items = [item('x', ['dr-a', 'room-1'], 0, 30), item('y', ['room-1', 'dr-a'], 20, 40), item('z', ['dr-a'], 30, 60)];
    expect(findOverlaps(items)).toEqual([
      { a: 'x', b: 'y', keys: ['dr-a', 'room-1'] },
      { a: 'y', b: 'z', keys: ['dr-a'] },
    ]);
  });

  it('ignores items that share no key', () => {
    expect(findOverlaps([item('x', ['dr-a'], 0, 30), item('y', ['dr-b'], 0, 30)])).toEqual([]);
  });

  it('refuses duplicate ids, naming the second one', () => {
    expect(() => findOverlaps([item('x', ['dr-a'], 0, 10), item('x', ['dr-b'], 50, 60)])).toThrow(
      expect.objectContaining({ code: 'duplicate-id', field: 'items.1.id' }) as ValidationError,
    );
  });

  it('refuses a start that is not a number of milliseconds', () => {
    expect(() => findOverlaps([item('x', ['dr-a'], Number.NaN, 10)])).toThrow(
      expect.objectContaining({ code: 'invalid-format', field: 'items.0.start' }) as ValidationError,
    );
  });
});
