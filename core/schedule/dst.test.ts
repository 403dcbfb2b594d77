import { describe, expect, it } from 'vitest';
import { availability } from './availability';
import { block, spans } from './schedule.fixture';

/** The whole of a span of dates, generously: a day before to a day after, so no local day is cut off. */
const around = (first: string, last: string, clinicTimeZone: string) => ({
  from: new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString(),
  to: new Date(Date.parse(`${last}T00:00:00Z`) + 2 * 86_400_000).toISOString(),
  clinicTimeZone,
});

// A daily 08:00–16:00 shift: the day before each change, the change day (a Sunday), the day after. Expected instants by hand.
const shiftCases: [zone: string, change: string, days: [string, string][]][] = [
  ['America/New_York', 'spring forward 2026-03-08', [['2026-03-07T13:00:00.000Z', '2026-03-07T21:00:00.000Z'], ['2026-03-08T12:00:00.000Z', '2026-03-08T20:00:00.000Z'], ['2026-03-09T12:00:00.000Z', '2026-03-09T20:00:00.000Z']]],
  ['America/New_York', 'fall back 2026-11-01', [['2026-10-31T12:00:00.000Z', '2026-10-31T20:00:00.000Z'], ['2026-11-01T13:00:00.000Z', '2026-11-01T21:00:00.000Z'], ['2026-11-02T13:00:00.000Z', '2026-11-02T21:00:00.000Z']]],
  ['Europe/London', 'spring forward 2026-03-29', [['2026-03-28T08:00:00.000Z', '2026-03-28T16:00:00.000Z'], ['2026-03-29T07:00:00.000Z', '2026-03-29T15:00:00.000Z'], ['2026-03-30T07:00:00.000Z', '2026-03-30T15:00:00.000Z']]],
  ['Europe/London', 'fall back 2026-10-25', [['2026-10-24T07:00:00.000Z', '2026-10-24T15:00:00.000Z'], ['2026-10-25T08:00:00.000Z', '2026-10-25T16:00:00.000Z'], ['2026-10-26T08:00:00.000Z', '2026-10-26T16:00:00.000Z']]],
  ['Australia/Sydney', 'fall back 2026-04-05', [['2026-04-03T21:00:00.000Z', '2026-04-04T05:00:00.000Z'], ['2026-04-04T22:00:00.000Z', '2026-04-05T06:00:00.000Z'], ['2026-04-05T22:00:00.000Z', '2026-04-06T06:00:00.000Z']]],
  ['Australia/Sydney', 'spring forward 2026-10-04', [['2026-10-02T22:00:00.000Z', '2026-10-03T06:00:00.000Z'], ['2026-10-03T21:00:00.000Z', '2026-10-04T05:00:00.000Z'], ['2026-10-04T21:00:00.000Z', '2026-10-05T05:00:00.000Z']]],
];

describe('schedules across clock changes', () => {
  it.each(shiftCases)('%s %s: an 08:00–16:00 shift keeps its wall times (and the weekly one too)', (zone, change, expected) => {
    // Six hours either side of the three shifts: the nights between hold nothing.
    const window = (first: string, last: string) => ({ from: Date.parse(first) - 6 * 3_600_000, to: Date.parse(last) + 6 * 3_600_000, clinicTimeZone: zone });
    const [dayBefore, changeDay, dayAfter] = expected as [[string, string], [string, string], [string, string]];
    const daily = block({ id: 'shift', kind: 'working', timeZone: zone, wallStart: '2026-01-01T08:00', wallEnd: '2026-01-01T16:00', rrule: 'FREQ=DAILY' });
    expect(spans(availability([daily], [], window(dayBefore[0], dayAfter[1])))).toEqual(expected);
    for (const [start, end] of expected) expect(Date.parse(end) - Date.parse(start)).toBe(8 * 3_600_000);
    // Weekly on the change's weekday (Sunday), started in January: the same change day.
    expect(change).toContain(changeDay[0].slice(0, 4));
    const weekly = block({ id: 'sunday', kind: 'working', timeZone: zone, wallStart: '2026-01-04T08:00', wallEnd: '2026-01-04T16:00', rrule: 'FREQ=WEEKLY;BYDAY=SU' });
    expect(spans(availability([weekly], [], window(changeDay[0], changeDay[1])))).toEqual([changeDay]);
  });

  // 22:00–06:00 the night the clocks go back: 9 real hours; the night after, 8 again.
  const nightCases: [zone: string, night: string, start: string, end: string, nextStart: string, nextEnd: string][] = [
    ['America/New_York', '2026-10-31', '2026-11-01T02:00:00.000Z', '2026-11-01T11:00:00.000Z', '2026-11-02T03:00:00.000Z', '2026-11-02T11:00:00.000Z'],
    ['Europe/London', '2026-10-24', '2026-10-24T21:00:00.000Z', '2026-10-25T06:00:00.000Z', '2026-10-25T22:00:00.000Z', '2026-10-26T06:00:00.000Z'],
    ['Australia/Sydney', '2026-04-04', '2026-04-04T11:00:00.000Z', '2026-04-04T20:00:00.000Z', '2026-04-05T12:00:00.000Z', '2026-04-05T20:00:00.000Z'],
  ];
  it.each(nightCases)('%s: a 22:00–06:00 night shift across fall back lasts 9 real hours and belongs to the day it starts', (zone, night, start, end, nextStart, nextEnd) => {
    const nights = block({ id: 'nights', kind: 'working', timeZone: zone, wallStart: '2026-01-01T22:00', wallEnd: '2026-01-02T06:00', rrule: 'FREQ=DAILY' });
    const next = new Date(Date.parse(`${night}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const window = { from: start, to: nextEnd, clinicTimeZone: zone };
    expect(spans(availability([nights], [], window))).toEqual([
      [start, end],
      [nextStart, nextEnd],
    ]);
    expect(Date.parse(end) - Date.parse(start)).toBe(9 * 3_600_000);
    // A day off on the night's date takes the whole 9-hour shift, and only it (the next night is the next day's).
    const off = block({ id: 'off', kind: 'override', timeZone: zone, wallStart: `${night}T00:00`, wallEnd: null });
    expect(spans(availability([nights, off], [], window))).toEqual([[nextStart, nextEnd]]);
    const offNext = block({ id: 'off', kind: 'override', timeZone: zone, wallStart: `${next}T00:00`, wallEnd: null });
    expect(spans(availability([nights, offNext], [], window))).toEqual([[start, end]]);
  });

  it('an override on the spring-forward day: 01:00–05:00 on the clock is 3 real hours, and replaces that day only', () => {
    const week = block({ id: 'sun', kind: 'working', timeZone: 'America/New_York', wallStart: '2026-03-01T09:00', wallEnd: '2026-03-01T17:00', rrule: 'FREQ=WEEKLY;BYDAY=SU' });
    const early = block({ id: 'early', kind: 'override', timeZone: 'America/New_York', wallStart: '2026-03-08T01:00', wallEnd: '2026-03-08T05:00' });
    expect(spans(availability([week, early], [], around('2026-03-08', '2026-03-15', 'America/New_York')))).toEqual([
      ['2026-03-08T06:00:00.000Z', '2026-03-08T09:00:00.000Z'],
      ['2026-03-15T13:00:00.000Z', '2026-03-15T21:00:00.000Z'],
    ]);
  });

  it('leave as whole days covers the 25-hour fall-back day whole', () => {
    const week = block({ id: 'all', kind: 'working', timeZone: 'Europe/London', wallStart: '2026-10-01T00:00', wallEnd: '2026-10-02T00:00', rrule: 'FREQ=DAILY' });
    const leave = block({ id: 'leave', kind: 'leave', reason: 'Annual leave', timeZone: 'Europe/London', wallStart: '2026-10-25T00:00', wallEnd: '2026-10-26T00:00' });
    expect(spans(availability([week, leave], [], { from: '2026-10-24T12:00:00Z', to: '2026-10-26T12:00:00Z', clinicTimeZone: 'Europe/London' }))).toEqual([
      ['2026-10-24T12:00:00.000Z', '2026-10-24T23:00:00.000Z'],
      ['2026-10-26T00:00:00.000Z', '2026-10-26T12:00:00.000Z'],
    ]);
  });
});
