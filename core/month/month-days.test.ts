import { describe, expect, it } from 'vitest';
import type { ScheduleBlock } from '../model';
import { blocks, closures, visits, zone } from '../reports/reports.fixture';
import type { ReportVisit } from '../reports';
import { availability } from '../schedule';
import { wallTimeToInstant } from '../time';
import { monthDays, monthGridRange } from './month-days';
import type { MonthDay } from './month-days';

/** The month grid of one resource, by date. */
function grid(month: string, weekStart: number, timeZone: string, schedule: { blocks: ScheduleBlock[]; closures: typeof closures }, visitList: ReportVisit[], resourceId: string): Map<string, MonthDay> {
  const range = monthGridRange(month, weekStart, timeZone);
  const bookable = availability(schedule.blocks, schedule.closures, { from: range.from, to: range.to, clinicTimeZone: timeZone });
  return new Map(monthDays(month, range, { visits: visitList, bookable, schedule }, resourceId).map((day) => [day.date, day]));
}

/** A night shift every night, 22:00 → 06:00: 8 hours a day (2 + 6), but 7 or 9 on the night the clocks change. */
function nightShift(timeZone: string): ScheduleBlock[] {
  const stamp = { version: 0, createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z', exdates: [], timeZone };
  return [{ ...stamp, id: 'nights', resourceId: 'dr-night', kind: 'working', wallStart: '2027-01-01T22:00', wallEnd: '2027-01-02T06:00', rrule: 'FREQ=DAILY' }] as ScheduleBlock[];
}

function night(id: string, wallStart: string, minutes: number, timeZone: string, status: ReportVisit['status'] = 'booked'): ReportVisit {
  const start = wallTimeToInstant(wallStart, timeZone);
  return { id, patientId: `p-${id}`, resourceIds: ['dr-night'], start, end: start + minutes * 60_000, status, wallStart };
}

describe('monthDays', () => {
  it('counts each day’s bookings and free time from availability, with the closure, the leave and the clock change (New York, March 2027)', () => {
    const lee = grid('2027-03', 7, zone, { blocks, closures }, visits, 'dr-lee');
    expect([...lee.keys()][0]).toBe('2027-02-28'); // en-US: weeks from Sunday
    // Monday 8 March: v1, v2, v3 (the no-show held its time); 420 bookable, 120 held (v1/v2 overlap: 90, v3: 30 outside lunch).
    expect(lee.get('2027-03-08')).toEqual({ date: '2027-03-08', inMonth: true, booked: 3, availableMinutes: 420, freeMinutes: 300, leave: [] });
    expect(lee.get('2027-03-09')).toMatchObject({ booked: 0, freeMinutes: 420 }); // v4 was cancelled: not booked, its time free
    expect(lee.get('2027-03-10')).toMatchObject({ closed: 'Inset day', availableMinutes: 0, freeMinutes: 0 });
    // The one-off night shift across the clock change: Saturday 2 h (1 held by v6), Sunday 5 real hours (2 held).
    expect(lee.get('2027-03-13')).toMatchObject({ booked: 1, availableMinutes: 120, freeMinutes: 60 });
    expect(lee.get('2027-03-14')).toMatchObject({ booked: 0, availableMinutes: 300, freeMinutes: 180 });
    expect(lee.get('2027-04-01')?.inMonth).toBe(false);
    expect(lee.get('2027-02-28')?.inMonth).toBe(false);
    const khan = grid('2027-03', 7, zone, { blocks, closures }, visits, 'dr-khan');
    expect(khan.get('2027-03-11')).toMatchObject({ leave: ['Holiday'], availableMinutes: 0, freeMinutes: 0, booked: 1 }); // v8 was booked during the leave
    expect(khan.get('2027-03-12')?.leave).toEqual(['Holiday']);
    expect(khan.get('2027-03-13')?.leave).toEqual([]); // the leave ends at Saturday's midnight
    expect(khan.get('2027-03-15')).toMatchObject({ leave: [], availableMinutes: 480, freeMinutes: 480 });
  });

  it('gives a 23-hour day its real free time in New York (clocks forward on 14 March 2027)', () => {
    const nightVisits = [night('a', '2027-03-13T23:30', 60, 'America/New_York'), night('b', '2027-03-14T01:30', 60, 'America/New_York'), night('c', '2027-03-14T04:00', 30, 'America/New_York', 'cancelled')];
    const days = grid('2027-03', 7, 'America/New_York', { blocks: nightShift('America/New_York'), closures: [] }, nightVisits, 'dr-night');
    expect(days.get('2027-03-07')).toMatchObject({ availableMinutes: 480, booked: 0 });
    // Saturday: 00:00–06:00 and 22:00–24:00; a (23:30, an hour) holds its last 30 minutes of the day.
    expect(days.get('2027-03-13')).toMatchObject({ availableMinutes: 480, freeMinutes: 450, booked: 1 });
    // Sunday: 00:00–06:00 is 5 real hours (02:00 never happens) + 22:00–24:00; a's other 30 minutes and b's 60 (01:30 EST → 03:30 EDT) are held; c was cancelled.
    expect(days.get('2027-03-14')).toMatchObject({ availableMinutes: 420, freeMinutes: 330, booked: 1 });
    expect(days.get('2027-03-15')).toMatchObject({ availableMinutes: 480, freeMinutes: 480, booked: 0 });
  });

  it('gives a 25-hour day its real free time in Sydney (clocks back on 4 April 2027), weeks from Monday (en-AU)', () => {
    const sydney = 'Australia/Sydney';
    const nightVisits = [night('a', '2027-04-04T02:30', 60, sydney), night('b', '2027-04-04T23:00', 30, sydney, 'no_show')];
    const days = grid('2027-04', 1, sydney, { blocks: nightShift(sydney), closures: [] }, nightVisits, 'dr-night');
    expect([...days.keys()][0]).toBe('2027-03-29'); // Monday before 1 April
    expect([...days.keys()].at(-1)).toBe('2027-05-02');
    // Sunday 4 April: 00:00–06:00 is 7 real hours (02:00–03:00 twice) + 22:00–24:00 = 9 h; a (the first 02:30, AEDT) and b (a no-show holds its slot) are held.
    expect(days.get('2027-04-04')).toMatchObject({ availableMinutes: 540, freeMinutes: 450, booked: 2 });
    expect(days.get('2027-04-03')).toMatchObject({ availableMinutes: 480, freeMinutes: 480 });
    expect(days.get('2027-04-05')).toMatchObject({ availableMinutes: 480, freeMinutes: 480 });
    expect(days.get('2027-03-29')?.inMonth).toBe(false);
  });

  it('says a resource with no schedule has no hours on every day, not a negative free time', () => {
    const none = grid('2027-03', 1, zone, { blocks, closures }, visits, 'dr-new');
    expect([...none.values()].every((day) => day.availableMinutes === 0 && day.freeMinutes === 0 && day.booked === 0)).toBe(true);
  });
});
