import { describe, expect, it } from 'vitest';
import { clockChange, patternFor, planRepeat, utcOffsetMs, weekdayOf, weekdayPosition } from './repeat-plan';
import type { RepeatChoice } from './repeat-plan';

const weekly: RepeatChoice = { kind: 'weekly', every: 1, weekdays: [], end: 'after', count: 3, until: '' };

describe('planRepeat', () => {
  it('builds the rule and summary, and flags visits on the other side of a clock change', () => {
    const plan = planRepeat(weekly, '2026-10-20T09:00', 'America/New_York');
    expect(plan.ok && plan.rrule).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=3');
    expect(plan.ok && plan.summary).toBe('Every week on Tue, 3 times');
    expect(plan.ok && plan.preview.map((visit) => [visit.local, visit.otherOffset, visit.shifted])).toEqual([
      ['2026-10-20T09:00:00', false, false],
      ['2026-10-27T09:00:00', false, false],
      ['2026-11-03T09:00:00', true, false], // still 9:00 on the clock, an hour later in UTC
    ]);
  });

  it('flags a visit whose time does not exist that day', () => {
    const plan = planRepeat({ ...weekly, kind: 'daily', count: 3 }, '2026-03-07T02:30', 'America/New_York');
    expect(plan.ok && plan.preview.map((visit) => [visit.local.slice(5, 16), visit.shifted])).toEqual([
      ['03-07T02:30', false],
      ['03-08T03:30', true],
      ['03-09T02:30', false],
    ]);
  });

  it('anchors monthly repeats on the first date and says when there are more visits than shown', () => {
    expect(patternFor({ ...weekly, kind: 'monthly-by-weekday' }, '2026-11-25').pattern).toEqual({ kind: 'monthly-by-weekday', every: 1, nth: 4, weekday: 'wed' });
    expect(patternFor({ ...weekly, kind: 'monthly-by-weekday' }, '2026-11-30').pattern).toMatchObject({ nth: -1, weekday: 'mon' });
    const plan = planRepeat({ ...weekly, kind: 'monthly-by-date', end: 'never' }, '2026-01-31T10:00', 'Europe/London', 4);
    expect(plan.ok && plan.summary).toBe('Monthly on day 31 (skipped in months without a day 31)');
    expect(plan.ok && plan.preview.map((visit) => visit.local.slice(0, 10))).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']);
    expect(plan.ok && plan.more).toBe(true);
  });

  it('returns the engine problem for a bad choice, and no rule for "does not repeat"', () => {
    const bad = planRepeat({ ...weekly, count: 0 }, '2026-10-20T09:00', 'America/New_York');
    expect(bad.ok ? null : [bad.problem.code, bad.problem.field]).toEqual(['invalid-count', 'end.count']);
    const none = planRepeat({ ...weekly, kind: 'none' }, '2026-10-20T09:00', 'America/New_York');
    expect(none).toEqual({ ok: true, rrule: null, summary: 'Does not repeat', preview: [], more: false });
  });

  it('repeats every N years on the first visit\'s date, with the summary in words', () => {
    const plan = planRepeat({ ...weekly, kind: 'yearly-by-date', every: 2, count: 3 }, '2026-03-03T10:00', 'Europe/London');
    expect(plan.ok && [plan.rrule, plan.summary]).toEqual(['FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=3;COUNT=3', 'Every 2 years on 3 March, 3 times']);
    expect(plan.ok && plan.preview.map((visit) => visit.local)).toEqual(['2026-03-03T10:00:00', '2028-03-03T10:00:00', '2030-03-03T10:00:00']);
    // 29 February comes back in leap years only, and the summary says so.
    const leap = planRepeat({ ...weekly, kind: 'yearly-by-date', count: 2 }, '2028-02-29T09:00', 'Europe/London');
    expect(leap.ok && leap.summary).toBe('Every year on 29 February (leap years only), 2 times');
    expect(leap.ok && leap.preview.map((visit) => visit.local.slice(0, 10))).toEqual(['2028-02-29', '2032-02-29']);
  });

  it('repeats every N years on the nth or last weekday of the month', () => {
    // 26 Nov 2026 is the fourth Thursday of November, and also the last.
    const fourth = planRepeat({ ...weekly, kind: 'yearly-by-weekday', count: 3 }, '2026-11-26T09:00', 'America/New_York');
    expect(fourth.ok && [fourth.rrule, fourth.summary]).toEqual(['FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3', 'Every year on the fourth Thursday of November, 3 times']);
    expect(fourth.ok && fourth.preview.map((visit) => visit.local.slice(0, 10))).toEqual(['2026-11-26', '2027-11-25', '2028-11-23']);
    const last = planRepeat({ ...weekly, kind: 'yearly-by-weekday', every: 3, count: 2, fromEnd: true }, '2026-11-26T09:00', 'America/New_York');
    expect(last.ok && [last.rrule, last.summary]).toEqual(['FREQ=YEARLY;INTERVAL=3;BYMONTH=11;BYDAY=-1TH;COUNT=2', 'Every 3 years on the last Thursday of November, 2 times']);
    expect(last.ok && last.preview.map((visit) => visit.local.slice(0, 10))).toEqual(['2026-11-26', '2029-11-29']);
    // "From the end" means nothing for a date that is not in the month's last week: its week is kept.
    expect(patternFor({ ...weekly, kind: 'yearly-by-weekday', fromEnd: true }, '2026-03-10').pattern).toEqual({ kind: 'yearly-by-weekday', every: 1, month: 3, nth: 2, weekday: 'tue' });
  });

  it('knows when a weekday is both the 4th and the last of its month', () => {
    expect(weekdayPosition('2026-11-26')).toEqual({ nth: 4, last: true });
    expect(weekdayPosition('2026-11-19')).toEqual({ nth: 3, last: false });
    expect(weekdayPosition('2026-12-24')).toEqual({ nth: 4, last: false }); // 31 Dec is a Thursday too
    expect(weekdayPosition('2026-12-31')).toEqual({ nth: -1, last: true });
    expect(weekdayPosition('2027-02-22')).toEqual({ nth: 4, last: true }); // February of a common year
  });

  it('names weekdays as the builder does', () => {
    expect(weekdayOf('2026-11-25')).toBe('wed');
    expect(weekdayOf('2026-11-29')).toBe('sun');
  });
});

describe('clockChange', () => {
  const edt = utcOffsetMs('2026-10-20T09:00:00', '2026-10-20T13:00:00.000Z');
  it('tells a visit after the autumn change (same clock time, other offset) from one the spring gap moves', () => {
    expect(edt).toBe(-4 * 3_600_000);
    expect(clockChange('2026-11-03T09:00:00', '2026-11-03T14:00:00.000Z', '09:00', edt)).toEqual({ shifted: false, otherOffset: true });
    expect(clockChange('2026-10-27T09:00:00', '2026-10-27T13:00:00.000Z', '09:00', edt)).toEqual({ shifted: false, otherOffset: false });
    expect(clockChange('2026-03-08T03:30:00', '2026-03-08T07:30:00.000Z', '02:30', utcOffsetMs('2026-03-01T02:30:00', '2026-03-01T07:30:00.000Z'))).toMatchObject({ shifted: true });
  });
});
