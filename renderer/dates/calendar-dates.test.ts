import { describe, expect, it } from 'vitest';
import { addDays, firstDayOfWeek, isoWeekday, nextDate, startOfWeek, todayIn, wallMinutesOn, wallTimeAt } from './calendar-dates';

describe('calendar dates', () => {
  it('steps across month, year and leap-day boundaries', () => {
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09'); // US spring-forward day is still one date step
  });

  it('numbers weekdays Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it("reads today on the clinic's clock, not the computer's", () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(todayIn('Pacific/Auckland', now)).toBe('2026-11-26');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-25');
  });

  it('places instants by wall minutes, so 09:00 is at 540 on a DST change day too', () => {
    expect(wallMinutesOn('2026-03-08', Date.parse('2026-03-08T13:00:00Z'), 'America/New_York')).toBe(540);
    expect(wallMinutesOn('2026-11-25', Date.parse('2026-11-25T14:30:00Z'), 'America/New_York')).toBe(570);
    // An instant on the next wall day counts past 1440.
    expect(wallMinutesOn('2026-11-25', Date.parse('2026-11-26T05:30:00Z'), 'America/New_York')).toBe(1440 + 30);
  });

  it('builds wall times from minutes', () => {
    expect(wallTimeAt('2026-11-25', 570)).toBe('2026-11-25T09:30');
    expect(wallTimeAt('2026-11-25', 0)).toBe('2026-11-25T00:00');
  });

  it('finds the start of the week for a locale’s first day', () => {
    expect(startOfWeek('2026-11-25', 1)).toBe('2026-11-23');
    expect(startOfWeek('2026-11-23', 1)).toBe('2026-11-23');
    expect(startOfWeek('2026-11-25', 7)).toBe('2026-11-22');
    expect(startOfWeek('2026-11-22', 7)).toBe('2026-11-22');
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect([1, 7]).toContain(firstDayOfWeek('en-US')); // 7 where the runtime knows week info
    expect(firstDayOfWeek('not a locale!')).toBe(1);
  });
});
