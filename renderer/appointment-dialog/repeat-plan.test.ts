import { describe, expect, it } from 'vitest';
import { patternFor, planRepeat, weekdayOf } from './repeat-plan';
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

  it('names weekdays as the builder does', () => {
    expect(weekdayOf('2026-11-25')).toBe('wed');
    expect(weekdayOf('2026-11-29')).toBe('sun');
  });
});
