import { describe, expect, it } from 'vitest';
import { RowPages } from './row-pages';

const rowsOf = (list: RowPages<string>) => Array.from({ length: list.length }, (_, index) => list.at(index));

describe('RowPages', () => {
  it('reads every row across pages in order, and nothing outside', () => {
    const list = RowPages.of([['a', 'b'], [], ['c'], ['d', 'e', 'f']]);
    expect(list.length).toBe(6);
    expect(rowsOf(list)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(list.at(-1)).toBeUndefined();
    expect(list.at(6)).toBeUndefined();
    expect(list.at(1.5)).toBeUndefined();
    expect(RowPages.of<string>().at(0)).toBeUndefined();
  });

  it('appends and prepends without changing the list it started from', () => {
    const first = RowPages.of([['b', 'c']]);
    const longer = first.appended(['d']).prepended(['a']);
    expect(rowsOf(longer)).toEqual(['a', 'b', 'c', 'd']);
    expect(rowsOf(first)).toEqual(['b', 'c']);
    expect(first.appended([])).toBe(first);
    expect(first.prepended([])).toBe(first);
  });

  it('finds rows in a list of many uneven pages as a flat array would', () => {
    const flat: string[] = [];
    let list = RowPages.of<string>();
    for (let page = 0; page < 40; page += 1) {
      const rows = Array.from({ length: (page * 7) % 13 }, (_, index) => `${page}.${index}`);
      flat.push(...rows);
      list = list.appended(rows);
    }
    expect(list.length).toBe(flat.length);
    expect(rowsOf(list)).toEqual(flat);
  });
});
