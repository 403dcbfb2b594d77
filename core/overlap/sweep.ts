import { ValidationError } from '../validation';

/** One interval to test, tagged with the keys (resources, patients…) it occupies. */
export interface OverlapItem {
  /** Unique within one call; pairs are reported by id. */
  id: string;
  /** What the item occupies; two items collide only on a key they share. Repeats are ignored. */
  keys: readonly string[];
  /** Epoch ms, inclusive: the item occupies this instant. */
  start: number;
  /** Epoch ms, exclusive: the item is already over at this instant. */
  end: number;
}

/** Two items that overlap in time on at least one shared key, reported once. */
export interface OverlapPair {
  /** The smaller id (plain string comparison). */
  a: string;
  /** The larger id. */
  b: string;
  /** Every key both items hold, sorted and unique. */
  keys: string[];
}

/**
 * Every pair of items that share a key and overlap in time, found with one
 * sweep line in O(n log n + k) for n items (m item–key entries) and k
 * collisions.
 *
 * Intervals are half-open `[start, end)`: one that ends at 10:00 does not
 * overlap one that starts at 10:00, and an empty interval (`start >= end`)
 * overlaps nothing. Each pair appears once with `a < b`, carrying all the
 * keys it collides on. Pairs come out in sweep order (by the start of the
 * later-starting item); sort them if you need another order.
 *
 * Throws `ValidationError('duplicate-id', 'items.N.id')` when two items share
 * an id (the pair would be ambiguous), and `invalid-format` for a start or end
 * that is not a finite number.
 *
 * @example
 * findOverlaps([
 *   { id: 'x', keys: ['dr-a', 'room-1'], start: 0, end: 30 },
 *   { id: 'y', keys: ['room-1', 'dr-a'], start: 20, end: 40 },
 *   { id: 'z', keys: ['dr-a'], start: 30, end: 60 }, // touches x: no overlap
 * ]);
 * // [{ a: 'x', b: 'y', keys: ['dr-a', 'room-1'] }, { a: 'y', b: 'z', keys: ['dr-a'] }]
 */
export function findOverlaps(items: readonly OverlapItem[]): OverlapPair[] {
  const count = items.length;
  const seenIds = new Set<string>();
  const keyNumbers = new Map<string, number>();
  const keyNames: string[] = [];
  // CSR layout: the keys of live item i are entryKey[entryOffset[i] .. entryOffset[i + 1]).
  const entryOffset = new Uint32Array(count + 1);
  const entryKeyList: number[] = [];
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const live: number[] = [];

  for (let index = 0; index < count; index++) {
    const item = items[index] as OverlapItem;
    if (seenIds.has(item.id)) {
      throw new ValidationError('duplicate-id', `items.${index}.id`, `Two items have the id "${item.id}".`);
    }
    seenIds.add(item.id);
    if (!Number.isFinite(item.start)) throw new ValidationError('invalid-format', `items.${index}.start`, 'Start must be epoch milliseconds.');
    if (!Number.isFinite(item.end)) throw new ValidationError('invalid-format', `items.${index}.end`, 'End must be epoch milliseconds.');
    starts[index] = item.start;
    ends[index] = item.end;
    entryOffset[index] = entryKeyList.length;
    if (item.start >= item.end || item.keys.length === 0) continue; // occupies nothing
    live.push(index);
    // Keys sorted by name, so a merged pair's keys come out sorted for free.
    const keys = item.keys.length === 1 ? item.keys : [...new Set(item.keys)].sort(compareStrings);
    for (const key of keys) {
      let number = keyNumbers.get(key);
      if (number === undefined) {
        number = keyNames.length;
        keyNumbers.set(key, number);
        keyNames.push(key);
      }
      entryKeyList.push(number);
    }
  }
  entryOffset[count] = entryKeyList.length;
  const entryKey = Uint32Array.from(entryKeyList);
  const entryItem = new Uint32Array(entryKey.length);
  for (const index of live) {
    for (let entry = entryOffset[index] as number; entry < (entryOffset[index + 1] as number); entry++) entryItem[entry] = index;
  }

  const byStart = sortByTime(live, starts);
  const byEnd = sortByTime(live, ends);

  // Per key, the entries whose item is active; positionInActive lets an end remove in O(1).
  const active: number[][] = keyNames.map(() => []);
  const positionInActive = new Uint32Array(entryKey.length);
  // For multi-key items: which partner was last met during which item's start, and its pair.
  const metDuring = new Int32Array(count).fill(-1);
  const pairWith: (OverlapPair | undefined)[] = [];
  const pairs: OverlapPair[] = [];

  let endCursor = 0;
  for (let startCursor = 0; startCursor < byStart.length; startCursor++) {
    const item = byStart[startCursor] as number;
    const start = starts[item] as number;
    // Close every item whose exclusive end is at or before this start: touching is not overlapping.
    while (endCursor < byEnd.length && (ends[byEnd[endCursor] as number] as number) <= start) {
      const ending = byEnd[endCursor++] as number;
      for (let entry = entryOffset[ending] as number; entry < (entryOffset[ending + 1] as number); entry++) {
        const list = active[entryKey[entry] as number] as number[];
        const last = list.pop() as number;
        if (last !== entry) {
          const position = positionInActive[entry] as number;
          list[position] = last;
          positionInActive[last] = position;
        }
      }
    }

    const firstEntry = entryOffset[item] as number;
    const endEntry = entryOffset[item + 1] as number;
    const id = (items[item] as OverlapItem).id;
    const multiKey = endEntry - firstEntry > 1;
    for (let entry = firstEntry; entry < endEntry; entry++) {
      const key = entryKey[entry] as number;
      const keyName = keyNames[key] as string;
      const list = active[key] as number[];
      for (const other of list) {
        const otherItem = entryItem[other] as number;
        // A pair is met only while the later of its two items starts, once per shared key,
        // so merging its keys needs to look no further than this one start.
        if (multiKey && metDuring[otherItem] === item) {
          (pairWith[otherItem] as OverlapPair).keys.push(keyName);
          continue;
        }
        const otherId = (items[otherItem] as OverlapItem).id;
        const pair = id < otherId ? { a: id, b: otherId, keys: [keyName] } : { a: otherId, b: id, keys: [keyName] };
        pairs.push(pair);
        if (multiKey) {
          metDuring[otherItem] = item;
          pairWith[otherItem] = pair;
        }
      }
      positionInActive[entry] = list.length;
      list.push(entry);
    }
  }
  return pairs;
}

function compareStrings(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The indices sorted by their time. When the times span a small enough range,
 * time and index are packed into one double so the engine's native numeric
 * sort does the work (several times faster than a comparator); otherwise a
 * comparator sort on the indices.
 */
function sortByTime(indices: readonly number[], times: Float64Array): Uint32Array {
  const sorted = Uint32Array.from(indices);
  if (sorted.length < 2) return sorted;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (const index of indices) {
    const time = times[index] as number;
    if (time < min) min = time;
    if (time > max) max = time;
    if (!Number.isInteger(time)) integral = false;
  }
  const stride = times.length;
  if (integral && (max - min + 1) * stride < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(sorted.length);
    for (let position = 0; position < sorted.length; position++) {
      const index = sorted[position] as number;
      packed[position] = ((times[index] as number) - min) * stride + index;
    }
    packed.sort();
    for (let position = 0; position < packed.length; position++) sorted[position] = (packed[position] as number) % stride;
    return sorted;
  }
  return sorted.sort((left, right) => (times[left] as number) - (times[right] as number));
}
