import { describe, expect, it } from 'vitest';
import { expandRule } from './index';

/**
 * One behaviour per RRULE part of RFC 5545 §3.3.10 that the §3.8.5.3
 * examples (rfc5545-examples.test.ts) leave out or only touch: SECONDLY,
 * BYSECOND, BYMINUTE under HOURLY, negative BYYEARDAY and BYWEEKNO, BYSETPOS
 * under YEARLY and DAILY. Expected dates are worked out from the calendar by
 * hand (2025-01-01 is a Wednesday). Europe/London in winter is UTC+0, so the
 * wall times below are also their instants.
 */
const rows: [part: string, dtstart: string, rrule: string, expected: string[]][] = [
  ['FREQ=SECONDLY', '2025-01-06T09:00:00', 'FREQ=SECONDLY;COUNT=3', ['2025-01-06T09:00:00', '2025-01-06T09:00:01', '2025-01-06T09:00:02']],
  ['SECONDLY + INTERVAL', '2025-01-06T09:00:00', 'FREQ=SECONDLY;INTERVAL=20;COUNT=4', ['2025-01-06T09:00:00', '2025-01-06T09:00:20', '2025-01-06T09:00:40', '2025-01-06T09:01:00']],
  ['SECONDLY + UNTIL (inclusive)', '2025-01-06T09:00:00', 'FREQ=SECONDLY;INTERVAL=30;UNTIL=20250106T090100Z', ['2025-01-06T09:00:00', '2025-01-06T09:00:30', '2025-01-06T09:01:00']],
  ['BYSECOND under MINUTELY', '2025-01-06T09:00:00', 'FREQ=MINUTELY;BYSECOND=0,30;COUNT=4', ['2025-01-06T09:00:00', '2025-01-06T09:00:30', '2025-01-06T09:01:00', '2025-01-06T09:01:30']],
  ['BYSECOND under DAILY', '2025-01-06T09:00:15', 'FREQ=DAILY;BYSECOND=15,45;COUNT=4', ['2025-01-06T09:00:15', '2025-01-06T09:00:45', '2025-01-07T09:00:15', '2025-01-07T09:00:45']],
  ['BYMINUTE under HOURLY', '2025-01-06T09:00', 'FREQ=HOURLY;BYMINUTE=0,30;COUNT=4', ['2025-01-06T09:00:00', '2025-01-06T09:30:00', '2025-01-06T10:00:00', '2025-01-06T10:30:00']],
  ['BYHOUR under DAILY', '2025-01-06T09:00', 'FREQ=DAILY;BYHOUR=9,17;COUNT=4', ['2025-01-06T09:00:00', '2025-01-06T17:00:00', '2025-01-07T09:00:00', '2025-01-07T17:00:00']],
  ['BYHOUR under MINUTELY', '2025-01-06T09:00', 'FREQ=MINUTELY;INTERVAL=30;BYHOUR=9;COUNT=3', ['2025-01-06T09:00:00', '2025-01-06T09:30:00', '2025-01-07T09:00:00']],
  ['BYMONTH under DAILY (DTSTART off the rule still counts)', '2025-01-30T09:00', 'FREQ=DAILY;BYMONTH=2;COUNT=3', ['2025-01-30T09:00:00', '2025-02-01T09:00:00', '2025-02-02T09:00:00']],
  ['BYYEARDAY=-1 (last day of the year)', '2024-12-31T09:00', 'FREQ=YEARLY;BYYEARDAY=-1;COUNT=3', ['2024-12-31T09:00:00', '2025-12-31T09:00:00', '2026-12-31T09:00:00']],
  ['BYYEARDAY=60 (29 Feb in a leap year, 1 Mar otherwise)', '2024-02-29T09:00', 'FREQ=YEARLY;BYYEARDAY=60;COUNT=3', ['2024-02-29T09:00:00', '2025-03-01T09:00:00', '2026-03-01T09:00:00']],
  // ISO weeks: 2024 and 2025 have 52, 2026 (starting on a Thursday) has 53.
  ['BYWEEKNO=-1 (Monday of the last ISO week)', '2024-12-23T09:00', 'FREQ=YEARLY;BYWEEKNO=-1;BYDAY=MO;COUNT=3', ['2024-12-23T09:00:00', '2025-12-22T09:00:00', '2026-12-28T09:00:00']],
  ['BYDAY=-1SU under YEARLY (last Sunday of the year)', '2025-12-28T09:00', 'FREQ=YEARLY;BYDAY=-1SU;COUNT=3', ['2025-12-28T09:00:00', '2026-12-27T09:00:00', '2027-12-26T09:00:00']],
  ['BYSETPOS under YEARLY (last Monday of January)', '2025-01-27T09:00', 'FREQ=YEARLY;BYMONTH=1;BYDAY=MO;BYSETPOS=-1;COUNT=3', ['2025-01-27T09:00:00', '2026-01-26T09:00:00', '2027-01-25T09:00:00']],
  ['BYSETPOS under DAILY (the last of three hours)', '2025-01-06T17:00', 'FREQ=DAILY;BYHOUR=9,12,17;BYSETPOS=-1;COUNT=2', ['2025-01-06T17:00:00', '2025-01-07T17:00:00']],
];

describe('each RRULE part on its own (Europe/London, winter)', () => {
  it.each(rows)('%s: %s %s', (_part, dtstart, rrule, expected) => {
    expect(expandRule({ dtstart, tzid: 'Europe/London', rrule }).map((occurrence) => occurrence.local)).toEqual(expected);
  });
});

describe('SECONDLY across a DST change', () => {
  it('America/New_York 2025-03-09: 01:59:59 is followed by 03:00:00, one real second later', () => {
    expect(expandRule({ dtstart: '2025-03-09T01:59:58', tzid: 'America/New_York', rrule: 'FREQ=SECONDLY;COUNT=4' })).toEqual([
      { local: '2025-03-09T01:59:58', utc: '2025-03-09T06:59:58.000Z' },
      { local: '2025-03-09T01:59:59', utc: '2025-03-09T06:59:59.000Z' },
      { local: '2025-03-09T03:00:00', utc: '2025-03-09T07:00:00.000Z' }, // nominal 02:00:00 is in the gap
      { local: '2025-03-09T03:00:01', utc: '2025-03-09T07:00:01.000Z' },
    ]);
  });

  it('Australia/Lord_Howe 2025-04-06: a UTC UNTIL inside the repeated half hour cuts by the real instant', () => {
    // 01:30–02:00 happens twice (+11:00, then +10:30). Every 10 minutes from 01:40 (first pass, 14:40Z):
    // 01:50 first pass is 14:50Z; nominal 02:00 is +10:30, i.e. 15:30Z — after the UNTIL of 15:00Z.
    expect(expandRule({ dtstart: '2025-04-06T01:40', tzid: 'Australia/Lord_Howe', rrule: 'FREQ=MINUTELY;INTERVAL=10;UNTIL=20250405T150000Z' })).toEqual([
      { local: '2025-04-06T01:40:00', utc: '2025-04-05T14:40:00.000Z' },
      { local: '2025-04-06T01:50:00', utc: '2025-04-05T14:50:00.000Z' },
    ]);
  });
});
