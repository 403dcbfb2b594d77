import { describe, expect, it } from 'vitest';
import { parseReportRange, periodBuckets, previousRange } from './report-range';
import { reportCsv } from './report-csv';

describe('parseReportRange', () => {
  it('covers whole local days: the 23-hour day of a clock change included', () => {
    const range = parseReportRange({ fromDate: '2027-03-14', toDate: '2027-03-14', timeZone: 'America/New_York' });
    expect([range.from, range.to]).toEqual([Date.parse('2027-03-14T05:00:00Z'), Date.parse('2027-03-15T04:00:00Z')]);
    const sydney = parseReportRange({ fromDate: '2027-04-04', toDate: '2027-04-04', timeZone: 'Australia/Sydney' });
    expect(sydney.to - sydney.from).toBe(25 * 3_600_000);
  });

  it('refuses an end before the start, more than five years and a bad date, naming the field', () => {
    expect(() => parseReportRange({ fromDate: '2027-03-14', toDate: '2027-03-13', timeZone: 'UTC' })).toThrow(expect.objectContaining({ code: 'end-not-after-start', field: 'toDate' }));
    expect(parseReportRange({ fromDate: '2027-01-01', toDate: '2031-12-31', timeZone: 'UTC' }).toDate).toBe('2031-12-31');
    expect(() => parseReportRange({ fromDate: '2027-01-01', toDate: '2032-01-01', timeZone: 'UTC' })).toThrow(expect.objectContaining({ code: 'range-too-long', field: 'toDate' }));
    expect(() => parseReportRange({ fromDate: '14/03/2027', toDate: '2027-03-13', timeZone: 'UTC' })).toThrow(expect.objectContaining({ code: 'invalid-format', field: 'fromDate' }));
    expect(() => parseReportRange({ fromDate: '2027-01-01', toDate: '2027-01-02', timeZone: 'Mars/Olympus' })).toThrow(expect.objectContaining({ field: 'timeZone' }));
  });
});

describe('previousRange', () => {
  const range = (fromDate: string, toDate: string) => parseReportRange({ fromDate, toDate, timeZone: 'Asia/Kolkata' });
  it('compares whole months with the months before and other ranges with as many days before', () => {
    expect(previousRange(range('2027-03-01', '2027-03-31'))).toMatchObject({ fromDate: '2027-02-01', toDate: '2027-02-28' });
    expect(previousRange(range('2027-01-01', '2027-03-31'))).toMatchObject({ fromDate: '2026-10-01', toDate: '2026-12-31' });
    expect(previousRange(range('2027-03-08', '2027-03-14'))).toMatchObject({ fromDate: '2027-03-01', toDate: '2027-03-07' });
  });
});

describe('periodBuckets', () => {
  it('cuts London’s October clock change into a 25-hour day and weeks on the given first day', () => {
    const range = parseReportRange({ fromDate: '2027-10-29', toDate: '2027-11-02', timeZone: 'Europe/London' });
    const days = periodBuckets(range, 'day');
    expect(days.map((day) => (day.to - day.from) / 3_600_000)).toEqual([24, 24, 25, 24, 24]);
    expect(periodBuckets(range, 'week', 1).map((week) => [week.fromDate, week.toDate])).toEqual([['2027-10-29', '2027-10-31'], ['2027-11-01', '2027-11-02']]);
    expect(periodBuckets(range, 'week', 6).map((week) => week.fromDate)).toEqual(['2027-10-29', '2027-10-30']);
  });
});

describe('reportCsv', () => {
  it('writes the audit CSV’s safe cells: BOM, CRLF, quotes and the formula guard', () => {
    expect(reportCsv(['Provider', 'Rate'], [['=HYPERLINK("x")', 0.75], ['Lee, Ana', null]])).toBe('\uFEFFProvider,Rate\r\n"\'=HYPERLINK(""x"")",0.75\r\n"Lee, Ana",\r\n');
    expect(() => reportCsv(['A'], [['x', 'y']])).toThrow(/2 cells for 1 columns/);
  });
});
