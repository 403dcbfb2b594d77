import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandRule } from './index';
import { parseRrule } from './rrule-text';
import { skipAhead } from './skip-ahead';

const pad = (value: number) => String(value).padStart(2, '0');
const wallTime = fc
  .record({ year: fc.integer({ min: 1999, max: 2020 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 30) })
  .filter(({ year, month, day }) => day <= new Date(Date.UTC(year, month, 0)).getUTCDate())
  .map(({ year, month, day, hour, minute }) => `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`);

// Rules whose day comes from DTSTART (the parts the skip must make explicit), intervals, set positions, week numbers.
const rule = fc.constantFrom(
  'FREQ=DAILY',
  'FREQ=DAILY;INTERVAL=3',
  'FREQ=WEEKLY',
  'FREQ=WEEKLY;INTERVAL=2',
  'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SU;WKST=SU',
  'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;BYSETPOS=-1',
  'FREQ=MONTHLY',
  'FREQ=MONTHLY;INTERVAL=5;BYDAY=2TU',
  'FREQ=MONTHLY;BYMONTHDAY=31',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
  'FREQ=MONTHLY;INTERVAL=2;BYMONTH=1,3,5,7',
  'FREQ=YEARLY',
  'FREQ=YEARLY;BYMONTH=3',
  'FREQ=YEARLY;INTERVAL=2;BYWEEKNO=1,52;BYDAY=MO',
  'FREQ=YEARLY;BYYEARDAY=1,-1',
  'FREQ=WEEKLY;BYDAY=WE;UNTIL=20240630',
);

describe('skip-ahead', () => {
  it('a window years after DTSTART holds exactly the occurrences a walk from DTSTART finds there', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(wallTime, rule, fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Sydney'), fc.integer({ min: 20, max: 3000 }), fc.integer({ min: 1, max: 120 }), (dtstart, rrule, tzid, offsetDays, lengthDays) => {
        const from = Date.parse(`${dtstart}:00Z`) + offsetDays * 86_400_000;
        const to = from + lengthDays * 86_400_000;
        const window = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
        // No `from`: expandRule walks from DTSTART (nothing to skip before -∞), then the window is cut here.
        const walked = expandRule({ dtstart, tzid, rrule }, { to: window.to }).filter((occurrence) => Date.parse(occurrence.utc) >= from);
        expect(expandRule({ dtstart, tzid, rrule }, window)).toEqual(walked);
      }),
      { numRuns: 300 },
    );
  });

  it('moves a weekly start by whole intervals and keeps its weekday; leaves COUNT and hourly rules alone', () => {
    const start = Date.UTC(2000, 0, 3, 9); // Monday
    const moved = skipAhead(parseRrule('FREQ=WEEKLY;INTERVAL=2'), start, Date.UTC(2026, 0, 5));
    expect(moved).not.toBeNull();
    const days = ((moved?.startLocalMs ?? 0) - start) / 86_400_000;
    expect(days % 14).toBe(0);
    expect(moved?.byWeekday).toEqual([0]);
    expect(Date.UTC(2026, 0, 5) - (moved?.startLocalMs ?? 0)).toBeGreaterThanOrEqual(14 * 86_400_000);
    expect(skipAhead(parseRrule('FREQ=WEEKLY;COUNT=2000'), start, Date.UTC(2026, 0, 5))).toBeNull();
    expect(skipAhead(parseRrule('FREQ=HOURLY'), start, Date.UTC(2026, 0, 5))).toBeNull();
    expect(skipAhead(parseRrule('FREQ=WEEKLY'), start, start + 86_400_000)).toBeNull();
  });
});
