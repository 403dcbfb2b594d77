import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { buildRule, normalizeWeekday, parsePattern, parseRuleToPattern, validateRecurrence } from './builder';
import type { RecurrenceEndInput, RecurrencePatternInput } from './builder';
import { expandRule } from './expand';

function refusal(run: () => unknown): { code: string; field: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const patterns: [RecurrencePatternInput, string][] = [
  [{ kind: 'daily', every: 1 }, 'FREQ=DAILY'],
  [{ kind: 'daily', every: 3 }, 'FREQ=DAILY;INTERVAL=3'],
  [{ kind: 'weekly', every: 2, weekdays: ['mon', 'wed'] }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE'],
  [{ kind: 'weekly', every: 1, weekdays: ['sat'] }, 'FREQ=WEEKLY;BYDAY=SA'],
  [{ kind: 'weekdays' }, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
  [{ kind: 'monthly-by-date', every: 1, day: 31 }, 'FREQ=MONTHLY;BYMONTHDAY=31'],
  [{ kind: 'monthly-by-date', every: 3, day: 15 }, 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15'],
  [{ kind: 'monthly-by-weekday', every: 1, nth: -1, weekday: 'fri' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
  [{ kind: 'monthly-by-weekday', every: 2, nth: 5, weekday: 'tue' }, 'FREQ=MONTHLY;INTERVAL=2;BYDAY=5TU'],
  [{ kind: 'yearly-by-date', every: 1, month: 3, day: 3 }, 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3'],
  [{ kind: 'yearly-by-date', every: 4, month: 2, day: 29 }, 'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29'],
  [{ kind: 'yearly-by-weekday', every: 1, month: 11, nth: -1, weekday: 'fri' }, 'FREQ=YEARLY;BYMONTH=11;BYDAY=-1FR'],
  [{ kind: 'yearly-by-weekday', every: 2, month: 3, nth: 2, weekday: 'tue' }, 'FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYDAY=2TU'],
];

const ends: [RecurrenceEndInput, string][] = [
  [{ type: 'never' }, ''],
  [{ type: 'after', count: 10 }, ';COUNT=10'],
  [{ type: 'on', date: '2026-06-30' }, ';UNTIL=20260630'],
];

describe('buildRule and parseRuleToPattern', () => {
  for (const [pattern, rule] of patterns) {
    for (const [end, endText] of ends) {
      it(`${pattern.kind} ${JSON.stringify(pattern)} ending ${end.type} round-trips through ${rule}${endText}`, () => {
        const built = buildRule(pattern, end);
        expect(built).toBe(`${rule}${endText}`);
        expect(parseRuleToPattern(built)).toEqual({ pattern: parsePattern(pattern), end });
      });
    }
  }

  it('gives no rule for "does not repeat", and reads an empty rule back as it', () => {
    expect(buildRule({ kind: 'none' }, { type: 'after', count: 3 })).toBeNull();
    expect(parseRuleToPattern(null)).toEqual({ pattern: { kind: 'none' }, end: { type: 'never' } });
    expect(parseRuleToPattern('')).toEqual({ pattern: { kind: 'none' }, end: { type: 'never' } });
  });

  it('defaults every to 1 and the end to never', () => {
    expect(buildRule({ kind: 'daily' })).toBe('FREQ=DAILY');
  });

  it('accepts weekday names in any case and length, and sorts them Monday first', () => {
    expect(buildRule({ kind: 'weekly', weekdays: ['FRIDAY', 'Mon', 'wed', 'TU', 'mon'] })).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,FR');
    expect(buildRule({ kind: 'monthly-by-weekday', nth: 1, weekday: 'Monday' })).toBe('FREQ=MONTHLY;BYDAY=1MO');
    expect(normalizeWeekday(' SUNDAY ')).toBe('sun');
    expect(normalizeWeekday('Sonntag')).toBeUndefined();
  });

  it('reads weekly Mon–Fri every week back as the weekdays preset, but every 2 weeks stays weekly', () => {
    expect(parseRuleToPattern('FREQ=WEEKLY;BYDAY=FR,TH,WE,TU,MO')?.pattern).toEqual({ kind: 'weekdays' });
    expect(parseRuleToPattern('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR')?.pattern).toEqual({
      kind: 'weekly',
      every: 2,
      weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    });
  });

  it('reads the BYSETPOS spelling of "last Friday" and an RRULE: prefix', () => {
    expect(parseRuleToPattern('RRULE:FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1')?.pattern).toEqual({ kind: 'monthly-by-weekday', every: 1, nth: -1, weekday: 'fri' });
  });

  it('returns null for valid rules the dialog cannot show', () => {
    for (const rule of [
      'FREQ=HOURLY',
      'FREQ=DAILY;BYHOUR=9,17',
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU',
      'FREQ=WEEKLY',
    ]) {
      expect(parseRuleToPattern(rule), rule).toBeNull();
    }
    // WKST does not matter when every week repeats.
    expect(parseRuleToPattern('FREQ=WEEKLY;BYDAY=MO;WKST=SU')?.pattern).toEqual({ kind: 'weekly', every: 1, weekdays: ['mon'] });
  });

  it('fills in what RFC 5545 takes from the first start when it knows it', () => {
    const context = { dtstart: '2026-03-03T09:00', tzid: 'Europe/London' }; // a Tuesday
    expect(parseRuleToPattern('FREQ=WEEKLY;COUNT=10', context)).toEqual({
      pattern: { kind: 'weekly', every: 1, weekdays: ['tue'] },
      end: { type: 'after', count: 10 },
    });
    expect(parseRuleToPattern('FREQ=MONTHLY;INTERVAL=2', context)?.pattern).toEqual({ kind: 'monthly-by-date', every: 2, day: 3 });
    expect(parseRuleToPattern('FREQ=YEARLY', context)?.pattern).toEqual({ kind: 'yearly-by-date', every: 1, month: 3, day: 3 });
  });

  it('refuses a rule that is not valid at all', () => {
    expect(refusal(() => parseRuleToPattern('FREQ=SOMETIMES')).code).toBe('invalid-rrule');
  });

  it('shows a UTC UNTIL (left by a split) as the last local day that still holds an occurrence', () => {
    const context = { dtstart: '2026-03-02T09:00:00', tzid: 'America/New_York' };
    // 13:59:59Z on 16 Mar is 09:59:59 EDT: the 09:00 occurrence that day is in.
    expect(parseRuleToPattern('FREQ=DAILY;UNTIL=20260316T135959Z', context)?.end).toEqual({ type: 'on', date: '2026-03-16' });
    // 12:59:59Z is 08:59:59 EDT: the series last met on the 15th.
    expect(parseRuleToPattern('FREQ=DAILY;UNTIL=20260316T125959Z', context)?.end).toEqual({ type: 'on', date: '2026-03-15' });
    // Without the series' zone the dialog cannot tell, so it is custom.
    expect(parseRuleToPattern('FREQ=DAILY;UNTIL=20260316T125959Z')).toBeNull();
  });
});

describe('validation', () => {
  const cases: [string, () => unknown, string, string][] = [
    ['interval 0', () => buildRule({ kind: 'daily', every: 0 }), 'invalid-interval', 'pattern.every'],
    ['interval 1.5', () => buildRule({ kind: 'weekly', every: 1.5, weekdays: ['mon'] }), 'invalid-interval', 'pattern.every'],
    ['count 0', () => buildRule({ kind: 'daily' }, { type: 'after', count: 0 }), 'invalid-count', 'end.count'],
    ['weekly with no weekday', () => buildRule({ kind: 'weekly', weekdays: [] }), 'weekday-required', 'pattern.weekdays'],
    ['weekly without the list', () => buildRule({ kind: 'weekly' } as RecurrencePatternInput), 'weekday-required', 'pattern.weekdays'],
    ['unknown weekday', () => buildRule({ kind: 'weekly', weekdays: ['mon', 'funday'] }), 'invalid-weekday', 'pattern.weekdays.1'],
    ['unknown nth weekday', () => buildRule({ kind: 'monthly-by-weekday', nth: 1, weekday: 'xyz' }), 'invalid-weekday', 'pattern.weekday'],
    ['30 February', () => buildRule({ kind: 'yearly-by-date', month: 2, day: 30 }), 'invalid-month-day', 'pattern.day'],
    ['31 April', () => buildRule({ kind: 'yearly-by-date', month: 4, day: 31 }), 'invalid-month-day', 'pattern.day'],
    ['monthly on the 32nd', () => buildRule({ kind: 'monthly-by-date', day: 32 }), 'invalid-month-day', 'pattern.day'],
    ['nth 6', () => buildRule({ kind: 'monthly-by-weekday', nth: 6 as 5, weekday: 'mon' }), 'invalid-nth', 'pattern.nth'],
    ['nth 0', () => buildRule({ kind: 'yearly-by-weekday', month: 1, nth: 0 as 1, weekday: 'mon' }), 'invalid-nth', 'pattern.nth'],
    ['nth -2', () => buildRule({ kind: 'monthly-by-weekday', nth: -2 as -1, weekday: 'mon' }), 'invalid-nth', 'pattern.nth'],
    ['month 13', () => buildRule({ kind: 'yearly-by-date', month: 13, day: 1 }), 'invalid-month', 'pattern.month'],
    ['month 0', () => buildRule({ kind: 'yearly-by-weekday', month: 0, nth: 1, weekday: 'mon' }), 'invalid-month', 'pattern.month'],
    ['unknown kind', () => buildRule({ kind: 'fortnightly' } as unknown as RecurrencePatternInput), 'invalid-format', 'pattern.kind'],
    ['end date not on the calendar', () => buildRule({ kind: 'daily' }, { type: 'on', date: '2026-02-29' }), 'invalid-date', 'end.date'],
    ['end date in another format', () => buildRule({ kind: 'daily' }, { type: 'on', date: '30/06/2026' }), 'invalid-format', 'end.date'],
  ];
  for (const [name, run, code, field] of cases) {
    it(`refuses ${name} with ${code} at ${field}`, () => {
      expect(refusal(run)).toEqual({ code, field });
    });
  }

  it('refuses an end date before the first start, and accepts one on the same day', () => {
    const base = { dtstart: '2026-01-05T09:00', tzid: 'Europe/London', pattern: { kind: 'daily' as const } };
    expect(refusal(() => validateRecurrence({ ...base, end: { type: 'on', date: '2026-01-04' } }))).toEqual({ code: 'until-before-start', field: 'end.date' });
    expect(validateRecurrence({ ...base, end: { type: 'on', date: '2026-01-05' } }).rrule).toBe('FREQ=DAILY;UNTIL=20260105');
  });

  it('checks the first start and zone it is given', () => {
    const pattern = { kind: 'daily' as const };
    expect(refusal(() => validateRecurrence({ dtstart: '2026-02-30T09:00', tzid: 'Europe/London', pattern }))).toEqual({ code: 'invalid-date', field: 'dtstart' });
    expect(refusal(() => validateRecurrence({ dtstart: '2026-01-05T09:00', tzid: 'Mars/Base', pattern }))).toEqual({ code: 'unknown-zone', field: 'tzid' });
  });
});

describe('a first start off the pattern', () => {
  const check = (dtstart: string, pattern: RecurrencePatternInput) => validateRecurrence({ dtstart, tzid: 'Europe/London', pattern }).startOffPattern;

  it('is flagged, because the first start is always an occurrence', () => {
    // 2026-01-06 is a Tuesday; 2026-01-30 the last Friday of January.
    expect(check('2026-01-06T09:00', { kind: 'weekly', weekdays: ['mon', 'wed'] })).toBe(true);
    expect(check('2026-01-07T09:00', { kind: 'weekly', every: 3, weekdays: ['mon', 'wed'] })).toBe(false);
    expect(check('2026-01-10T09:00', { kind: 'weekdays' })).toBe(true);
    expect(check('2026-01-15T09:00', { kind: 'monthly-by-date', day: 15 })).toBe(false);
    expect(check('2026-01-16T09:00', { kind: 'monthly-by-date', day: 15 })).toBe(true);
    expect(check('2026-01-30T09:00', { kind: 'monthly-by-weekday', nth: -1, weekday: 'fri' })).toBe(false);
    expect(check('2026-01-23T09:00', { kind: 'monthly-by-weekday', nth: -1, weekday: 'fri' })).toBe(true);
    expect(check('2026-01-23T09:00', { kind: 'monthly-by-weekday', nth: 4, weekday: 'fri' })).toBe(false);
    expect(check('2026-03-03T09:00', { kind: 'yearly-by-date', month: 3, day: 3 })).toBe(false);
    expect(check('2026-11-27T09:00', { kind: 'yearly-by-weekday', month: 11, nth: -1, weekday: 'fri' })).toBe(false);
    expect(check('2026-11-20T09:00', { kind: 'yearly-by-weekday', month: 11, nth: -1, weekday: 'fri' })).toBe(true);
    expect(check('2026-11-20T09:00', { kind: 'daily', every: 5 })).toBe(false);
  });

  it('really does add that first start to the occurrences', () => {
    const rrule = buildRule({ kind: 'weekly', weekdays: ['mon', 'wed'] }, { type: 'after', count: 3 });
    expect(expandRule({ dtstart: '2026-01-06T09:00', tzid: 'Europe/London', rrule }).map((o) => o.local.slice(0, 10))).toEqual(['2026-01-06', '2026-01-07', '2026-01-12']);
  });
});

describe('what the built rules expand to', () => {
  const dates = (rrule: string, dtstart: string, tzid = 'Europe/London') => expandRule({ dtstart, tzid, rrule }).map((occurrence) => occurrence.local.slice(0, 10));

  it('monthly on the 31st skips the months without one (never moved to the 30th)', () => {
    const rule = buildRule({ kind: 'monthly-by-date', day: 31 }, { type: 'after', count: 4 });
    expect(dates(rule, '2026-01-31T10:00')).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']);
  });

  it('daily every 3 days', () => {
    expect(dates(buildRule({ kind: 'daily', every: 3 }, { type: 'after', count: 3 }), '2026-01-01T09:00')).toEqual(['2026-01-01', '2026-01-04', '2026-01-07']);
  });

  // Tuesdays of 2026: Jan 6–27, Feb 3–24, Mar 3–31 (five), Apr and May four each, Jun 2–30 (five), Sep 1–29 (five).
  it.each<[nth: 1 | 2 | 3 | 4 | 5 | -1, dtstart: string, expected: string[]]>([
    [1, '2026-01-06', ['2026-01-06', '2026-02-03', '2026-03-03']],
    [2, '2026-01-13', ['2026-01-13', '2026-02-10', '2026-03-10']],
    [3, '2026-01-20', ['2026-01-20', '2026-02-17', '2026-03-17']],
    [4, '2026-01-27', ['2026-01-27', '2026-02-24', '2026-03-24']],
    [5, '2026-03-31', ['2026-03-31', '2026-06-30', '2026-09-29']], // months without a 5th Tuesday are skipped
    [-1, '2026-01-27', ['2026-01-27', '2026-02-24', '2026-03-31']],
  ])('monthly on Tuesday number %i', (nth, dtstart, expected) => {
    expect(dates(buildRule({ kind: 'monthly-by-weekday', nth, weekday: 'Tuesday' }, { type: 'after', count: 3 }), `${dtstart}T09:00`)).toEqual(expected);
  });

  it('yearly on a date, and on 29 February only in leap years (never moved to the 28th)', () => {
    expect(dates(buildRule({ kind: 'yearly-by-date', month: 6, day: 15 }, { type: 'after', count: 3 }), '2026-06-15T09:00')).toEqual(['2026-06-15', '2027-06-15', '2028-06-15']);
    expect(dates(buildRule({ kind: 'yearly-by-date', month: 2, day: 29 }, { type: 'after', count: 3 }), '2024-02-29T09:00')).toEqual(['2024-02-29', '2028-02-29', '2032-02-29']);
  });

  it('a series that never ends is expanded only inside a window', () => {
    const rrule = buildRule({ kind: 'weekly', weekdays: ['TUE'] }, { type: 'never' });
    expect(() => expandRule({ dtstart: '2026-01-06T09:00', tzid: 'Europe/London', rrule })).toThrow(expect.objectContaining({ code: 'window-required' }) as Error);
    expect(expandRule({ dtstart: '2026-01-06T09:00', tzid: 'Europe/London', rrule }, { to: '2026-01-21T00:00:00Z' }).map((o) => o.local.slice(0, 10))).toEqual(['2026-01-06', '2026-01-13', '2026-01-20']);
  });

  it('an end date includes that whole local day', () => {
    const rule = buildRule({ kind: 'weekdays' }, { type: 'on', date: '2026-07-03' });
    expect(dates(rule, '2026-06-29T17:30', 'America/New_York')).toEqual(['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03']);
  });

  it('the last Friday of November every year, and every other 2nd Tuesday of March (the timeblocks examples)', () => {
    expect(dates(buildRule({ kind: 'yearly-by-weekday', month: 11, nth: -1, weekday: 'fri' }, { type: 'after', count: 3 }), '2025-11-28T09:00')).toEqual([
      '2025-11-28',
      '2026-11-27',
      '2027-11-26',
    ]);
    expect(dates(buildRule({ kind: 'yearly-by-weekday', every: 2, month: 3, nth: 2, weekday: 'TUE' }, { type: 'after', count: 3 }), '2025-03-11T09:00')).toEqual([
      '2025-03-11',
      '2027-03-09',
      '2029-03-13',
    ]);
  });

  it('every 2 weeks on Mon/Wed/Fri skips whole Monday-based weeks (the timeblocks example)', () => {
    const rule = buildRule({ kind: 'weekly', every: 2, weekdays: ['mon', 'wed', 'fri'] }, { type: 'on', date: '2025-01-27' });
    expect(dates(rule, '2025-01-01T09:00')).toEqual(['2025-01-01', '2025-01-03', '2025-01-13', '2025-01-15', '2025-01-17', '2025-01-27']);
  });
});
