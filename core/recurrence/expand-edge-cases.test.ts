import { describe, expect, it } from 'vitest';
import { expandRule, MAX_SCANNED_OCCURRENCES } from './index';

const at = (dtstart: string, rrule: string, window?: Parameters<typeof expandRule>[1]) =>
  expandRule({ dtstart, tzid: 'Europe/London', rrule }, window).map((occurrence) => occurrence.local);

describe('rules rrule.js cannot finish on its own', () => {
  it.each([
    // rrule.js loops forever: from 09:00, 24-hour steps never reach 05:00.
    'FREQ=HOURLY;INTERVAL=24;BYHOUR=5;COUNT=3',
    // 60-minute steps from :00 never reach :05.
    'FREQ=MINUTELY;INTERVAL=60;BYMINUTE=5;COUNT=3',
    'FREQ=SECONDLY;INTERVAL=120;BYSECOND=1;COUNT=3',
    // No February has a 30th: rrule.js would step to the year 9999.
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3',
    'FREQ=DAILY;BYMONTH=4,6;BYMONTHDAY=31;COUNT=3',
    // No month has a 6th Monday.
    'FREQ=MONTHLY;BYDAY=6MO;COUNT=3',
    'FREQ=YEARLY;BYMONTH=3;BYDAY=-6FR;COUNT=3',
    // Day 1 of the year is never in February.
    'FREQ=MINUTELY;BYYEARDAY=1;BYMONTH=2;COUNT=3',
  ])('%s gives DTSTART alone, at once', (rrule) => {
    expect(at('2025-01-01T09:00', rrule)).toEqual(['2025-01-01T09:00:00']);
  });

  it('still expands reachable ones: every 10 hours lands on 05:00 every 5 days', () => {
    expect(at('2025-01-01T09:00', 'FREQ=HOURLY;INTERVAL=10;BYHOUR=5;COUNT=3')).toEqual(['2025-01-01T09:00:00', '2025-01-02T05:00:00', '2025-01-07T05:00:00']);
  });

  it('still expands a 20th Monday of the year (the ordinal counts within the year without BYMONTH)', () => {
    expect(at('2025-01-01T09:00', 'FREQ=YEARLY;BYDAY=20MO;COUNT=2')).toEqual(['2025-01-01T09:00:00', '2025-05-19T09:00:00']);
  });

  it('still expands rare but possible ones: 29 February', () => {
    expect(at('2025-01-01T09:00', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3')).toEqual(['2025-01-01T09:00:00', '2028-02-29T09:00:00', '2032-02-29T09:00:00']);
  });
});

describe('BYSETPOS picking the same instance twice', () => {
  it('counts it once: months whose 1st is a Monday, first and last of that one-day set', () => {
    // rrule.js emits each such day twice (BYSETPOS=1 and -1), which would use up COUNT early.
    expect(at('2024-01-01T09:00', 'FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1;BYSETPOS=1,-1;COUNT=3')).toEqual(['2024-01-01T09:00:00', '2024-04-01T09:00:00', '2024-07-01T09:00:00']);
  });
});

describe('the scan budget', () => {
  // Reaching the budget means stepping rrule.js through 500,000 instances: 2–6 s, hence the timeout.
  it(`refuses to step through more than ${MAX_SCANNED_OCCURRENCES} instances to reach a window`, { timeout: 60_000 }, () => {
    // One per second from 1 January: the window a week later sits ~600,000 instances in.
    expect(() => at('2025-01-01T00:00', 'FREQ=SECONDLY', { from: '2025-01-08T00:00:00Z', to: '2025-01-08T00:01:00Z' })).toThrow(
      expect.objectContaining({ code: 'too-many-occurrences', field: 'rrule' }) as Error,
    );
  });

  // 86,400 instances stepped through: about a second alone, several on a loaded 2-core CI.
  it('a window a day in is fine', { timeout: 30_000 }, () => {
    expect(at('2025-01-01T00:00', 'FREQ=SECONDLY', { from: '2025-01-02T00:00:00Z', to: '2025-01-02T00:00:03Z' })).toEqual(['2025-01-02T00:00:00', '2025-01-02T00:00:01', '2025-01-02T00:00:02']);
  });
});

describe('window edges', () => {
  it('limit 0 gives nothing, even for a never-ending rule', () => {
    expect(at('2025-01-01T09:00', 'FREQ=DAILY', { limit: 0 })).toEqual([]);
  });

  it('from equal to to is an empty window', () => {
    expect(at('2025-01-01T09:00', 'FREQ=DAILY', { from: '2025-01-02T09:00:00Z', to: '2025-01-02T09:00:00Z' })).toEqual([]);
  });

  it('seconds in dtstart are kept', () => {
    expect(at('2025-01-01T09:00:30', 'FREQ=DAILY;COUNT=2')).toEqual(['2025-01-01T09:00:30', '2025-01-02T09:00:30']);
  });
});
