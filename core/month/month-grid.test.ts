import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { monthGridDates, nextMonth, parseCalendarMonth, shiftMonth, weekStartOf } from './month-grid';

describe('month grid dates', () => {
  it('shows whole weeks from the given first day: Sunday (en-US) or Monday (en-GB)', () => {
    const sunday = monthGridDates('2027-03', 7); // Sunday 28 February … Saturday 3 April
    expect([sunday[0], sunday.at(-1), sunday.length]).toEqual(['2027-02-28', '2027-04-03', 35]);
    const monday = monthGridDates('2027-03', 1); // Monday 1 March … Sunday 4 April
    expect([monday[0], monday.at(-1), monday.length]).toEqual(['2027-03-01', '2027-04-04', 35]);
    expect(monthGridDates('2027-02', 1)).toHaveLength(28); // February 2027 starts on a Monday: four weeks exactly
    expect(monthGridDates('2027-02', 7)).toHaveLength(35);
    expect(monthGridDates('2027-05', 1)).toHaveLength(42); // 1 May 2027 is a Saturday: six rows
    expect(monthGridDates('2027-05', 6)[0]).toBe('2027-05-01'); // a Saturday-first locale
    expect(weekStartOf('2027-03-07', 7)).toBe('2027-03-07');
  });

  it('moves by months, keeping the day of the month where it exists', () => {
    expect([nextMonth('2027-12'), nextMonth('2027-01', -1), nextMonth('2027-03', 14)]).toEqual(['2028-01', '2026-12', '2028-05']);
    expect(shiftMonth('2027-01-31', 1)).toBe('2027-02-28');
    expect(shiftMonth('2028-03-30', -1)).toBe('2028-02-29');
    expect(shiftMonth('2027-03-15', -1)).toBe('2027-02-15');
    expect(shiftMonth('2027-12-03', 1)).toBe('2028-01-03');
  });

  it('refuses a month or first weekday that is not one, naming the field', () => {
    expect(parseCalendarMonth('2027-03')).toBe('2027-03');
    expect(() => parseCalendarMonth('2027-13')).toThrow(ValidationError);
    expect(() => parseCalendarMonth('March')).toThrow(/not a month/);
    expect(() => monthGridDates('2027-03', 0)).toThrow(expect.objectContaining({ field: 'weekStart', code: 'invalid-weekday' }));
  });
});
