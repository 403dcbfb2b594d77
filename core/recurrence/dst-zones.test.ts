import { describe, expect, it } from 'vitest';
import { expandRule } from './index';

type Row = [local: string, utc: string];

function expand(tzid: string, dtstart: string, rrule: string, extra: { exdates?: string[]; rdates?: string[] } = {}, window?: Parameters<typeof expandRule>[1]): Row[] {
  return expandRule({ dtstart, tzid, rrule, ...extra }, window).map((occurrence) => [occurrence.local, occurrence.utc]);
}

describe('daily 09:00 keeps the wall time across DST changes (utc moves)', () => {
  it.each<[string, string, Row[]]>([
    ['America/New_York', '2025-03-08T09:00', [['2025-03-08T09:00:00', '2025-03-08T14:00:00.000Z'], ['2025-03-09T09:00:00', '2025-03-09T13:00:00.000Z'], ['2025-03-10T09:00:00', '2025-03-10T13:00:00.000Z']]],
    ['America/New_York', '2025-11-01T09:00', [['2025-11-01T09:00:00', '2025-11-01T13:00:00.000Z'], ['2025-11-02T09:00:00', '2025-11-02T14:00:00.000Z'], ['2025-11-03T09:00:00', '2025-11-03T14:00:00.000Z']]],
    ['Europe/London', '2025-03-29T09:00', [['2025-03-29T09:00:00', '2025-03-29T09:00:00.000Z'], ['2025-03-30T09:00:00', '2025-03-30T08:00:00.000Z'], ['2025-03-31T09:00:00', '2025-03-31T08:00:00.000Z']]],
    ['Europe/London', '2025-10-25T09:00', [['2025-10-25T09:00:00', '2025-10-25T08:00:00.000Z'], ['2025-10-26T09:00:00', '2025-10-26T09:00:00.000Z'], ['2025-10-27T09:00:00', '2025-10-27T09:00:00.000Z']]],
    ['Australia/Sydney', '2025-10-04T09:00', [['2025-10-04T09:00:00', '2025-10-03T23:00:00.000Z'], ['2025-10-05T09:00:00', '2025-10-04T22:00:00.000Z'], ['2025-10-06T09:00:00', '2025-10-05T22:00:00.000Z']]],
    ['Australia/Sydney', '2025-04-05T09:00', [['2025-04-05T09:00:00', '2025-04-04T22:00:00.000Z'], ['2025-04-06T09:00:00', '2025-04-05T23:00:00.000Z'], ['2025-04-07T09:00:00', '2025-04-06T23:00:00.000Z']]],
    ['Australia/Lord_Howe', '2025-10-04T09:00', [['2025-10-04T09:00:00', '2025-10-03T22:30:00.000Z'], ['2025-10-05T09:00:00', '2025-10-04T22:00:00.000Z'], ['2025-10-06T09:00:00', '2025-10-05T22:00:00.000Z']]],
    ['Australia/Lord_Howe', '2025-04-05T09:00', [['2025-04-05T09:00:00', '2025-04-04T22:00:00.000Z'], ['2025-04-06T09:00:00', '2025-04-05T22:30:00.000Z'], ['2025-04-07T09:00:00', '2025-04-06T22:30:00.000Z']]],
    ['Asia/Kolkata', '2025-03-08T09:00', [['2025-03-08T09:00:00', '2025-03-08T03:30:00.000Z'], ['2025-03-09T09:00:00', '2025-03-09T03:30:00.000Z'], ['2025-03-10T09:00:00', '2025-03-10T03:30:00.000Z']]],
  ])('%s from %s', (tzid, dtstart, expected) => {
    expect(expand(tzid, dtstart, 'FREQ=DAILY;COUNT=3')).toEqual(expected);
  });
});

describe('a daily time inside the spring-forward gap moves forward by the gap on that day only', () => {
  it.each<[string, string, Row]>([
    ['America/New_York', '2025-03-08T02:30', ['2025-03-09T03:30:00', '2025-03-09T07:30:00.000Z']],
    ['Europe/London', '2025-03-29T01:30', ['2025-03-30T02:30:00', '2025-03-30T01:30:00.000Z']],
    ['Australia/Sydney', '2025-10-04T02:30', ['2025-10-05T03:30:00', '2025-10-04T16:30:00.000Z']],
    ['Australia/Lord_Howe', '2025-10-04T02:15', ['2025-10-05T02:45:00', '2025-10-04T15:45:00.000Z']],
    // Kolkata has had no DST since 1945; its war-time clock went +05:30 → +06:30 at midnight starting 1942-09-01.
    ['Asia/Kolkata', '1942-08-31T00:30', ['1942-09-01T01:30:00', '1942-08-31T19:00:00.000Z']],
  ])('%s daily from %s', (tzid, dtstart, gapDay) => {
    const rows = expand(tzid, dtstart, 'FREQ=DAILY;COUNT=3');
    expect(rows[1]).toEqual(gapDay);
    // The day before and after keep the nominal time.
    expect(rows[0]?.[0].slice(11)).toBe(dtstart.slice(11) + ':00');
    expect(rows[2]?.[0].slice(11)).toBe(dtstart.slice(11) + ':00');
  });
});

describe('a daily time inside the repeated hour takes its first pass', () => {
  it.each<[string, string, Row]>([
    ['America/New_York', '2025-11-01T01:30', ['2025-11-02T01:30:00', '2025-11-02T05:30:00.000Z']],
    ['Europe/London', '2025-10-25T01:30', ['2025-10-26T01:30:00', '2025-10-26T00:30:00.000Z']],
    ['Australia/Sydney', '2025-04-05T02:30', ['2025-04-06T02:30:00', '2025-04-05T15:30:00.000Z']],
    ['Australia/Lord_Howe', '2025-04-05T01:45', ['2025-04-06T01:45:00', '2025-04-05T14:45:00.000Z']],
    // …and back +06:30 → +05:30 at midnight ending 1945-10-14, so 23:00–24:00 that day happened twice.
    ['Asia/Kolkata', '1945-10-13T23:30', ['1945-10-14T23:30:00', '1945-10-14T17:00:00.000Z']],
  ])('%s daily from %s', (tzid, dtstart, foldDay) => {
    expect(expand(tzid, dtstart, 'FREQ=DAILY;COUNT=3')[1]).toEqual(foldDay);
  });
});

describe('hourly rules step through wall-clock hours', () => {
  it('America/New_York 2025-03-09: the missing 02:00 lands on 03:00 and collapses with it', () => {
    expect(expand('America/New_York', '2025-03-09T00:00', 'FREQ=HOURLY;COUNT=5')).toEqual([
      ['2025-03-09T00:00:00', '2025-03-09T05:00:00.000Z'],
      ['2025-03-09T01:00:00', '2025-03-09T06:00:00.000Z'],
      ['2025-03-09T03:00:00', '2025-03-09T07:00:00.000Z'],
      ['2025-03-09T04:00:00', '2025-03-09T08:00:00.000Z'],
    ]);
  });

  it('America/New_York 2025-11-02: 01:00 happens once (the first pass), then 02:00 EST', () => {
    expect(expand('America/New_York', '2025-11-02T00:00', 'FREQ=HOURLY;COUNT=4')).toEqual([
      ['2025-11-02T00:00:00', '2025-11-02T04:00:00.000Z'],
      ['2025-11-02T01:00:00', '2025-11-02T05:00:00.000Z'],
      ['2025-11-02T02:00:00', '2025-11-02T07:00:00.000Z'],
      ['2025-11-02T03:00:00', '2025-11-02T08:00:00.000Z'],
    ]);
  });

  it('Australia/Lord_Howe 2025-10-05: half-hourly over the 30-minute gap', () => {
    expect(expand('Australia/Lord_Howe', '2025-10-05T01:30', 'FREQ=MINUTELY;INTERVAL=30;COUNT=4')).toEqual([
      ['2025-10-05T01:30:00', '2025-10-04T15:00:00.000Z'],
      ['2025-10-05T02:30:00', '2025-10-04T15:30:00.000Z'], // nominal 02:00 (gap) and 02:30 are the same instant
      ['2025-10-05T03:00:00', '2025-10-04T16:00:00.000Z'],
    ]);
  });

  it('Europe/London 2025-10-26: every 30 minutes from 00:30 stays in wall order and is sorted by instant', () => {
    const rows = expand('Europe/London', '2025-10-26T00:30', 'FREQ=MINUTELY;INTERVAL=30;COUNT=5');
    expect(rows.map((row) => row[0].slice(11))).toEqual(['00:30:00', '01:00:00', '01:30:00', '02:00:00', '02:30:00']);
    expect(rows.map((row) => row[1])).toEqual(['2025-10-25T23:30:00.000Z', '2025-10-26T00:00:00.000Z', '2025-10-26T00:30:00.000Z', '2025-10-26T02:00:00.000Z', '2025-10-26T02:30:00.000Z']);
  });
});

describe('UNTIL', () => {
  it('America/New_York 2025-11-02: a UTC UNTIL one second before the first-pass 01:30 excludes it', () => {
    expect(expand('America/New_York', '2025-10-31T01:30', 'FREQ=DAILY;UNTIL=20251102T052959Z').map((row) => row[0])).toEqual(['2025-10-31T01:30:00', '2025-11-01T01:30:00']);
  });

  it('America/New_York 2025-11-02: a UTC UNTIL exactly at the first-pass 01:30 (05:30Z) includes it', () => {
    expect(expand('America/New_York', '2025-10-31T01:30', 'FREQ=DAILY;UNTIL=20251102T053000Z').map((row) => row[0])).toEqual(['2025-10-31T01:30:00', '2025-11-01T01:30:00', '2025-11-02T01:30:00']);
  });

  it('America/New_York 2025-03-09: a UTC UNTIL at 09:00 EDT (13:00Z) includes that day, one second earlier does not', () => {
    expect(expand('America/New_York', '2025-03-07T09:00', 'FREQ=DAILY;UNTIL=20250309T130000Z')).toHaveLength(3);
    expect(expand('America/New_York', '2025-03-07T09:00', 'FREQ=DAILY;UNTIL=20250309T125959Z')).toHaveLength(2);
  });

  it('Europe/London 2025-03-30: UTC UNTIL is compared with the real instant, not the wall time read as UTC', () => {
    // 09:00 BST on 30 March is 08:00Z; an UNTIL of 08:30Z must include it although 09:00 > 08:30.
    expect(expand('Europe/London', '2025-03-29T09:00', 'FREQ=DAILY;UNTIL=20250330T083000Z').map((row) => row[0])).toEqual(['2025-03-29T09:00:00', '2025-03-30T09:00:00']);
  });

  it('Australia/Sydney 2025-10-05: a date-only UNTIL includes the whole local day', () => {
    expect(expand('Australia/Sydney', '2025-10-03T23:30', 'FREQ=DAILY;UNTIL=20251005').map((row) => row[0])).toEqual(['2025-10-03T23:30:00', '2025-10-04T23:30:00', '2025-10-05T23:30:00']);
  });

  it('Australia/Lord_Howe 2025-04-06: a floating UNTIL is a wall time in the series zone', () => {
    expect(expand('Australia/Lord_Howe', '2025-04-04T01:45', 'FREQ=DAILY;UNTIL=20250406T014500').map((row) => row[0])).toEqual(['2025-04-04T01:45:00', '2025-04-05T01:45:00', '2025-04-06T01:45:00']);
    expect(expand('Australia/Lord_Howe', '2025-04-04T01:45', 'FREQ=DAILY;UNTIL=20250406T014459')).toHaveLength(2);
  });
});

describe('EXDATE and RDATE', () => {
  it('America/New_York 2025-03-09: an EXDATE at the nominal gap time 02:30 removes the occurrence shown at 03:30', () => {
    expect(expand('America/New_York', '2025-03-08T02:30', 'FREQ=DAILY;COUNT=3', { exdates: ['2025-03-09T02:30'] }).map((row) => row[0])).toEqual(['2025-03-08T02:30:00', '2025-03-10T02:30:00']);
  });

  it('America/New_York 2025-03-09: an EXDATE at the real wall time 03:30 removes it too (same instant)', () => {
    expect(expand('America/New_York', '2025-03-08T02:30', 'FREQ=DAILY;COUNT=3', { exdates: ['2025-03-09T03:30:00'] })).toHaveLength(2);
  });

  it('Europe/London 2025-10-26: an EXDATE in the repeated hour removes the first-pass occurrence', () => {
    expect(expand('Europe/London', '2025-10-25T01:30', 'FREQ=DAILY;COUNT=3', { exdates: ['2025-10-26T01:30'] }).map((row) => row[0])).toEqual(['2025-10-25T01:30:00', '2025-10-27T01:30:00']);
  });

  it('EXDATEs are removed after COUNT is applied (the count does not move on)', () => {
    expect(expand('Asia/Kolkata', '2025-01-06T09:00', 'FREQ=DAILY;COUNT=3', { exdates: ['2025-01-07T09:00'] }).map((row) => row[0])).toEqual(['2025-01-06T09:00:00', '2025-01-08T09:00:00']);
  });

  it('Australia/Sydney 2025-10-05: an RDATE in the gap follows the same policy; duplicates collapse; output sorted by instant', () => {
    const rows = expand('Australia/Sydney', '2025-10-04T09:00', 'FREQ=DAILY;COUNT=2', { rdates: ['2025-10-05T02:30', '2025-10-04T09:00', '2025-10-01T12:00'] });
    expect(rows).toEqual([
      ['2025-10-01T12:00:00', '2025-10-01T02:00:00.000Z'],
      ['2025-10-04T09:00:00', '2025-10-03T23:00:00.000Z'],
      ['2025-10-05T03:30:00', '2025-10-04T16:30:00.000Z'],
      ['2025-10-05T09:00:00', '2025-10-04T22:00:00.000Z'],
    ]);
  });

  it('an EXDATE also removes a matching RDATE', () => {
    expect(expand('Asia/Kolkata', '2025-01-06T09:00', 'FREQ=DAILY;COUNT=1', { rdates: ['2025-02-01T10:00'], exdates: ['2025-02-01T10:00'] })).toHaveLength(1);
  });
});

describe('DTSTART and COUNT', () => {
  it('DTSTART that does not match the rule is still the first occurrence and counts towards COUNT', () => {
    // 2025-01-01 is a Wednesday; the rule asks for Mondays.
    expect(expand('Europe/London', '2025-01-01T09:00', 'FREQ=WEEKLY;BYDAY=MO;COUNT=3').map((row) => row[0])).toEqual(['2025-01-01T09:00:00', '2025-01-06T09:00:00', '2025-01-13T09:00:00']);
  });

  it('DTSTART that matches is counted once', () => {
    expect(expand('Europe/London', '2025-01-06T09:00', 'FREQ=WEEKLY;BYDAY=MO;COUNT=2').map((row) => row[0])).toEqual(['2025-01-06T09:00:00', '2025-01-13T09:00:00']);
  });

  it('COUNT counts rule instances before windowing: a window later in the series shows only the ones left', () => {
    expect(expand('Europe/London', '2025-01-06T09:00', 'FREQ=DAILY;COUNT=5', {}, { from: '2025-01-09T00:00:00Z' }).map((row) => row[0])).toEqual(['2025-01-09T09:00:00', '2025-01-10T09:00:00']);
  });
});

describe('window', () => {
  it('is half-open on the start instant: from is included, to is excluded', () => {
    const rows = expand('Europe/London', '2025-01-06T09:00', 'FREQ=DAILY', {}, { from: '2025-01-07T09:00:00Z', to: '2025-01-09T09:00:00Z' });
    expect(rows.map((row) => row[0])).toEqual(['2025-01-07T09:00:00', '2025-01-08T09:00:00']);
  });

  it('accepts offsets in window instants', () => {
    const rows = expand('America/New_York', '2025-01-06T09:00', 'FREQ=DAILY', {}, { from: '2025-01-07T09:00:00-05:00', limit: 1 });
    expect(rows).toEqual([['2025-01-07T09:00:00', '2025-01-07T14:00:00.000Z']]);
  });

  it('limit returns the earliest occurrences by instant, even across a gap where wall order and instant order differ', () => {
    // Nominal 02:00–02:45 fall in the gap and land on 03:00–03:45 EDT.
    const rows = expand('America/New_York', '2025-03-09T01:30', 'FREQ=MINUTELY;INTERVAL=15', {}, { limit: 4 });
    expect(rows.map((row) => row[0].slice(11))).toEqual(['01:30:00', '01:45:00', '03:00:00', '03:15:00']);
  });
});
