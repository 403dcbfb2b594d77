import { describe, expect, it } from 'vitest';
import type { AvailabilityRule } from '../../core/model';
import { newBlock, weekdayNames, weekOf } from './week-hours';

const rule = (id: string, weekday: number, start: string, end: string, kind: 'working' | 'break' = 'working'): AvailabilityRule => ({ id, resourceId: 'r1', weekday, start, end, kind });

describe('weekOf', () => {
  it('puts each rule on its weekday, Monday first, in start order', () => {
    const week = weekOf([rule('b', 1, '13:00', '17:00'), rule('a', 1, '08:00', '12:00'), rule('c', 7, '10:00', '14:00'), rule('d', 1, '12:00', '13:00', 'break')]);
    expect(week).toHaveLength(7);
    expect(week[0]?.map((block) => block.id)).toEqual(['a', 'd', 'b']);
    expect(week[6]?.map((block) => block.id)).toEqual(['c']);
    expect(week.slice(1, 6).every((day) => day.length === 0)).toBe(true);
    expect(week[0]?.every((block) => !block.isNew)).toBe(true);
  });
});

describe('newBlock', () => {
  it('offers 09:00–17:00 on an empty day and continues after the last working block otherwise', () => {
    expect(newBlock('n', 'r1', 2, 'working', [])).toMatchObject({ start: '09:00', end: '17:00', weekday: 2, isNew: true });
    const day = weekOf([rule('a', 2, '08:00', '12:30')])[1] ?? [];
    expect(newBlock('n', 'r1', 2, 'working', day)).toMatchObject({ start: '12:30', end: '13:30' });
    expect(newBlock('n', 'r1', 2, 'break', day)).toMatchObject({ start: '12:00', end: '13:00', kind: 'break' });
  });

  it('never runs past midnight', () => {
    const day = weekOf([rule('a', 3, '20:00', '23:30')])[2] ?? [];
    expect(newBlock('n', 'r1', 3, 'working', day)).toMatchObject({ start: '23:30', end: '24:00' });
  });
});

describe('weekdayNames', () => {
  it('names ISO weekdays Monday first in the locale', () => {
    expect(weekdayNames('en-US')).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(weekdayNames('de-DE')[0]).toBe('Montag');
  });
});
