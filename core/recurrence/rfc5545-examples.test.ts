import { describe, expect, it } from 'vitest';
import { expandRule } from './index';

/**
 * Every example of RFC 5545 §3.8.5.3, written from the RFC text, in
 * America/New_York as the RFC's DTSTART;TZID=America/New_York does.
 */
const tzid = 'America/New_York';

/** Wall times for days of one month, all at the same time of day. */
function on(year: number, month: number, days: number[], time = '09:00:00'): string[] {
  const pad = (value: number) => String(value).padStart(2, '0');
  return days.map((day) => `${year}-${pad(month)}-${pad(day)}T${time}`);
}

function range(first: number, last: number, step = 1): number[] {
  const values: number[] = [];
  for (let value = first; value <= last; value += step) values.push(value);
  return values;
}

function local(dtstart: string, rrule: string, window?: Parameters<typeof expandRule>[1], exdates?: string[]): string[] {
  return expandRule({ dtstart, tzid, rrule, exdates }, window).map((occurrence) => occurrence.local);
}

describe('RFC 5545 §3.8.5.3 examples (America/New_York)', () => {
  it('daily for 10 occurrences', () => {
    expect(local('1997-09-02T09:00', 'FREQ=DAILY;COUNT=10')).toEqual(on(1997, 9, range(2, 11)));
  });

  it('daily until December 24, 1997 (UTC UNTIL, across the October fall-back)', () => {
    const result = expandRule({ dtstart: '1997-09-02T09:00', tzid, rrule: 'RRULE:FREQ=DAILY;UNTIL=19971224T000000Z' });
    expect(result.map((o) => o.local)).toEqual([...on(1997, 9, range(2, 30)), ...on(1997, 10, range(1, 31)), ...on(1997, 11, range(1, 30)), ...on(1997, 12, range(1, 23))]);
    // 9:00 EDT (13:00 UTC) until October 25, then 9:00 EST (14:00 UTC).
    expect(result.find((o) => o.local.startsWith('1997-10-25'))?.utc).toBe('1997-10-25T13:00:00.000Z');
    expect(result.find((o) => o.local.startsWith('1997-10-26'))?.utc).toBe('1997-10-26T14:00:00.000Z');
  });

  it('every other day, forever (windowed)', () => {
    const result = local('1997-09-02T09:00', 'FREQ=DAILY;INTERVAL=2', { to: '1997-12-04T00:00:00Z' });
    expect(result).toEqual([...on(1997, 9, range(2, 30, 2)), ...on(1997, 10, range(2, 30, 2)), ...on(1997, 11, range(1, 29, 2)), ...on(1997, 12, [1, 3])]);
  });

  it('every 10 days, 5 occurrences', () => {
    expect(local('1997-09-02T09:00', 'FREQ=DAILY;INTERVAL=10;COUNT=5')).toEqual([...on(1997, 9, [2, 12, 22]), ...on(1997, 10, [2, 12])]);
  });

  it.each([
    'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
    'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
  ])('every day in January, for 3 years: %s', (rrule) => {
    // UNTIL 14:00Z is exactly 9:00 EST on 31 January 2000, so that day is included.
    expect(local('1998-01-01T09:00', rrule)).toEqual([...on(1998, 1, range(1, 31)), ...on(1999, 1, range(1, 31)), ...on(2000, 1, range(1, 31))]);
  });

  it('weekly for 10 occurrences', () => {
    expect(local('1997-09-02T09:00', 'FREQ=WEEKLY;COUNT=10')).toEqual([...on(1997, 9, [2, 9, 16, 23, 30]), ...on(1997, 10, [7, 14, 21, 28]), ...on(1997, 11, [4])]);
  });

  it('weekly until December 24, 1997', () => {
    expect(local('1997-09-02T09:00', 'FREQ=WEEKLY;UNTIL=19971224T000000Z')).toEqual([
      ...on(1997, 9, [2, 9, 16, 23, 30]),
      ...on(1997, 10, [7, 14, 21, 28]),
      ...on(1997, 11, [4, 11, 18, 25]),
      ...on(1997, 12, [2, 9, 16, 23]),
    ]);
  });

  it('every other week, forever (windowed)', () => {
    expect(local('1997-09-02T09:00', 'FREQ=WEEKLY;INTERVAL=2;WKST=SU', { to: '1998-02-18T00:00:00Z' })).toEqual([
      ...on(1997, 9, [2, 16, 30]),
      ...on(1997, 10, [14, 28]),
      ...on(1997, 11, [11, 25]),
      ...on(1997, 12, [9, 23]),
      ...on(1998, 1, [6, 20]),
      ...on(1998, 2, [3, 17]),
    ]);
  });

  it.each(['FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH', 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH'])(
    'weekly on Tuesday and Thursday for five weeks: %s',
    (rrule) => {
      expect(local('1997-09-02T09:00', rrule)).toEqual([...on(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...on(1997, 10, [2])]);
    },
  );

  it('every other week on Monday, Wednesday and Friday until December 24, 1997', () => {
    expect(local('1997-09-01T09:00', 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR')).toEqual([
      ...on(1997, 9, [1, 3, 5, 15, 17, 19, 29]),
      ...on(1997, 10, [1, 3, 13, 15, 17, 27, 29, 31]),
      ...on(1997, 11, [10, 12, 14, 24, 26, 28]),
      ...on(1997, 12, [8, 10, 12, 22]),
    ]);
  });

  it('every other week on Tuesday and Thursday, for 8 occurrences', () => {
    expect(local('1997-09-02T09:00', 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH')).toEqual([...on(1997, 9, [2, 4, 16, 18, 30]), ...on(1997, 10, [2, 14, 16])]);
  });

  it('monthly on the first Friday for 10 occurrences', () => {
    expect(local('1997-09-05T09:00', 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR')).toEqual([
      ...on(1997, 9, [5]),
      ...on(1997, 10, [3]),
      ...on(1997, 11, [7]),
      ...on(1997, 12, [5]),
      ...on(1998, 1, [2]),
      ...on(1998, 2, [6]),
      ...on(1998, 3, [6]),
      ...on(1998, 4, [3]),
      ...on(1998, 5, [1]),
      ...on(1998, 6, [5]),
    ]);
  });

  it('monthly on the first Friday until December 24, 1997', () => {
    expect(local('1997-09-05T09:00', 'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR')).toEqual([...on(1997, 9, [5]), ...on(1997, 10, [3]), ...on(1997, 11, [7]), ...on(1997, 12, [5])]);
  });

  it('every other month on the first and last Sunday, for 10 occurrences', () => {
    expect(local('1997-09-07T09:00', 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU')).toEqual([
      ...on(1997, 9, [7, 28]),
      ...on(1997, 11, [2, 30]),
      ...on(1998, 1, [4, 25]),
      ...on(1998, 3, [1, 29]),
      ...on(1998, 5, [3, 31]),
    ]);
  });

  it('monthly on the second-to-last Monday of the month for 6 months', () => {
    expect(local('1997-09-22T09:00', 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO')).toEqual([
      ...on(1997, 9, [22]),
      ...on(1997, 10, [20]),
      ...on(1997, 11, [17]),
      ...on(1997, 12, [22]),
      ...on(1998, 1, [19]),
      ...on(1998, 2, [16]),
    ]);
  });

  it('monthly on the third-to-last day of the month, forever (windowed)', () => {
    expect(local('1997-09-28T09:00', 'FREQ=MONTHLY;BYMONTHDAY=-3', { limit: 6 })).toEqual([
      ...on(1997, 9, [28]),
      ...on(1997, 10, [29]),
      ...on(1997, 11, [28]),
      ...on(1997, 12, [29]),
      ...on(1998, 1, [29]),
      ...on(1998, 2, [26]),
    ]);
  });

  it('monthly on the 2nd and 15th of the month for 10 occurrences', () => {
    expect(local('1997-09-02T09:00', 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15')).toEqual([
      ...on(1997, 9, [2, 15]),
      ...on(1997, 10, [2, 15]),
      ...on(1997, 11, [2, 15]),
      ...on(1997, 12, [2, 15]),
      ...on(1998, 1, [2, 15]),
    ]);
  });

  it('monthly on the first and last day of the month for 10 occurrences', () => {
    expect(local('1997-09-30T09:00', 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1')).toEqual([
      ...on(1997, 9, [30]),
      ...on(1997, 10, [1, 31]),
      ...on(1997, 11, [1, 30]),
      ...on(1997, 12, [1, 31]),
      ...on(1998, 1, [1, 31]),
      ...on(1998, 2, [1]),
    ]);
  });

  it('every 18 months on the 10th thru 15th of the month for 10 occurrences', () => {
    expect(local('1997-09-10T09:00', 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15')).toEqual([...on(1997, 9, range(10, 15)), ...on(1999, 3, range(10, 13))]);
  });

  it('every Tuesday, every other month (windowed)', () => {
    expect(local('1997-09-02T09:00', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU', { to: '1998-04-01T00:00:00Z' })).toEqual([
      ...on(1997, 9, [2, 9, 16, 23, 30]),
      ...on(1997, 11, [4, 11, 18, 25]),
      ...on(1998, 1, [6, 13, 20, 27]),
      ...on(1998, 3, [3, 10, 17, 24, 31]),
    ]);
  });

  it('yearly in June and July for 10 occurrences', () => {
    expect(local('1997-06-10T09:00', 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7')).toEqual(range(1997, 2001).flatMap((year) => [...on(year, 6, [10]), ...on(year, 7, [10])]));
  });

  it('every other year on January, February and March for 10 occurrences', () => {
    expect(local('1997-03-10T09:00', 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3')).toEqual([
      ...on(1997, 3, [10]),
      ...[1999, 2001, 2003].flatMap((year) => [...on(year, 1, [10]), ...on(year, 2, [10]), ...on(year, 3, [10])]),
    ]);
  });

  it('every third year on the 1st, 100th and 200th day for 10 occurrences', () => {
    expect(local('1997-01-01T09:00', 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200')).toEqual([
      ...on(1997, 1, [1]),
      ...on(1997, 4, [10]),
      ...on(1997, 7, [19]),
      ...on(2000, 1, [1]),
      ...on(2000, 4, [9]),
      ...on(2000, 7, [18]),
      ...on(2003, 1, [1]),
      ...on(2003, 4, [10]),
      ...on(2003, 7, [19]),
      ...on(2006, 1, [1]),
    ]);
  });

  it('every 20th Monday of the year, forever (windowed)', () => {
    expect(local('1997-05-19T09:00', 'FREQ=YEARLY;BYDAY=20MO', { limit: 3 })).toEqual([...on(1997, 5, [19]), ...on(1998, 5, [18]), ...on(1999, 5, [17])]);
  });

  it('Monday of week number 20 (where the default start of the week is Monday), forever (windowed)', () => {
    expect(local('1997-05-12T09:00', 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', { limit: 3 })).toEqual([...on(1997, 5, [12]), ...on(1998, 5, [11]), ...on(1999, 5, [17])]);
  });

  it('every Thursday in March, forever (windowed)', () => {
    expect(local('1997-03-13T09:00', 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH', { to: '2000-01-01T00:00:00Z' })).toEqual([
      ...on(1997, 3, [13, 20, 27]),
      ...on(1998, 3, [5, 12, 19, 26]),
      ...on(1999, 3, [4, 11, 18, 25]),
    ]);
  });

  it('every Thursday, but only during June, July and August, forever (windowed)', () => {
    expect(local('1997-06-05T09:00', 'FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8', { to: '2000-01-01T00:00:00Z' })).toEqual([
      ...on(1997, 6, [5, 12, 19, 26]),
      ...on(1997, 7, [3, 10, 17, 24, 31]),
      ...on(1997, 8, [7, 14, 21, 28]),
      ...on(1998, 6, [4, 11, 18, 25]),
      ...on(1998, 7, [2, 9, 16, 23, 30]),
      ...on(1998, 8, [6, 13, 20, 27]),
      ...on(1999, 6, [3, 10, 17, 24]),
      ...on(1999, 7, [1, 8, 15, 22, 29]),
      ...on(1999, 8, [5, 12, 19, 26]),
    ]);
  });

  it('every Friday the 13th, forever, with DTSTART excluded by EXDATE', () => {
    const window = { limit: 5 };
    expect(local('1997-09-02T09:00', 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', window, ['1997-09-02T09:00'])).toEqual([
      ...on(1998, 2, [13]),
      ...on(1998, 3, [13]),
      ...on(1998, 11, [13]),
      ...on(1999, 8, [13]),
      ...on(2000, 10, [13]),
    ]);
    // Without the EXDATE the RFC's DTSTART (a Tuesday the 2nd) is still the first instance.
    expect(local('1997-09-02T09:00', 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', { limit: 2 })).toEqual([...on(1997, 9, [2]), ...on(1998, 2, [13])]);
  });

  it('the first Saturday that follows the first Sunday of the month, forever (windowed)', () => {
    expect(local('1997-09-13T09:00', 'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13', { limit: 10 })).toEqual([
      ...on(1997, 9, [13]),
      ...on(1997, 10, [11]),
      ...on(1997, 11, [8]),
      ...on(1997, 12, [13]),
      ...on(1998, 1, [10]),
      ...on(1998, 2, [7]),
      ...on(1998, 3, [7]),
      ...on(1998, 4, [11]),
      ...on(1998, 5, [9]),
      ...on(1998, 6, [13]),
    ]);
  });

  it('every 4 years, the first Tuesday after a Monday in November (U.S. Presidential Election day), forever (windowed)', () => {
    expect(local('1996-11-05T09:00', 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8', { limit: 3 })).toEqual([
      ...on(1996, 11, [5]),
      ...on(2000, 11, [7]),
      ...on(2004, 11, [2]),
    ]);
  });

  it('the third instance into the month of one of Tuesday, Wednesday or Thursday, for the next 3 months', () => {
    expect(local('1997-09-04T09:00', 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3')).toEqual([...on(1997, 9, [4]), ...on(1997, 10, [7]), ...on(1997, 11, [6])]);
  });

  it('the second-to-last weekday of the month (windowed)', () => {
    expect(local('1997-09-29T09:00', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', { limit: 7 })).toEqual([
      ...on(1997, 9, [29]),
      ...on(1997, 10, [30]),
      ...on(1997, 11, [27]),
      ...on(1997, 12, [30]),
      ...on(1998, 1, [29]),
      ...on(1998, 2, [26]),
      ...on(1998, 3, [30]),
    ]);
  });

  it('every 3 hours from 9:00 AM to 5:00 PM on a specific day', () => {
    // The RFC prints UNTIL=19970902T170000Z yet lists 15:00 EDT (19:00Z) too, a known slip in the
    // example. A UTC UNTIL is compared with real instants, so 17:00Z (13:00 EDT) stops after 12:00…
    expect(local('1997-09-02T09:00', 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z')).toEqual(['09:00:00', '12:00:00'].flatMap((time) => on(1997, 9, [2], time)));
    // …and 5:00 PM EDT (21:00Z), what the example means, gives the RFC's three times.
    expect(local('1997-09-02T09:00', 'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z')).toEqual(['09:00:00', '12:00:00', '15:00:00'].flatMap((time) => on(1997, 9, [2], time)));
  });

  it('every 15 minutes for 6 occurrences', () => {
    expect(local('1997-09-02T09:00', 'FREQ=MINUTELY;INTERVAL=15;COUNT=6')).toEqual(['09:00:00', '09:15:00', '09:30:00', '09:45:00', '10:00:00', '10:15:00'].flatMap((time) => on(1997, 9, [2], time)));
  });

  it('every hour and a half for 4 occurrences', () => {
    expect(local('1997-09-02T09:00', 'FREQ=MINUTELY;INTERVAL=90;COUNT=4')).toEqual(['09:00:00', '10:30:00', '12:00:00', '13:30:00'].flatMap((time) => on(1997, 9, [2], time)));
  });

  it.each(['FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40', 'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16'])(
    'every 20 minutes from 9:00 AM to 4:40 PM every day: %s',
    (rrule) => {
      const times = range(9, 16).flatMap((hour) => [0, 20, 40].map((minute) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`));
      expect(times).toHaveLength(24);
      expect(local('1997-09-02T09:00', rrule, { to: '1997-09-04T04:00:00Z' })).toEqual([...times.flatMap((time) => on(1997, 9, [2], time)), ...times.flatMap((time) => on(1997, 9, [3], time))]);
    },
  );

  it('WKST changes the result: WKST=MO', () => {
    expect(local('1997-08-05T09:00', 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO')).toEqual(on(1997, 8, [5, 10, 19, 24]));
  });

  it('WKST changes the result: WKST=SU', () => {
    expect(local('1997-08-05T09:00', 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU')).toEqual(on(1997, 8, [5, 17, 19, 31]));
  });

  it('an invalid date (February 30) is ignored, not clamped', () => {
    expect(local('2007-01-15T09:00', 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5')).toEqual([...on(2007, 1, [15, 30]), ...on(2007, 2, [15]), ...on(2007, 3, [15, 30])]);
  });
});
