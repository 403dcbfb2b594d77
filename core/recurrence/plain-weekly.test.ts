import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { expandRuleWallBy, type RuleSpec } from './expand';
import type { ExpandWindow } from './expand-window';
import { isPlainWeekly, plainWeekly } from './plain-weekly';
import { parseRrule } from './rrule-text';

const dayMs = 86_400_000;
const wall = (localMs: number) => new Date(localMs).toISOString().slice(0, 16);
const compact = (localMs: number) => new Date(localMs).toISOString().slice(0, 19).replace(/[-:]/g, '');
const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** What an expansion gives: its occurrences, or the refusal it throws (code, field and sentence). */
function outcome(spec: RuleSpec, window: ExpandWindow | undefined, generator: 'fastest' | 'rrule'): unknown {
  try {
    return expandRuleWallBy(spec, window, generator);
  } catch (error) {
    if (error instanceof ValidationError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
}

// Times of day around every DST change of the four zones (00:00–03:30: New York's and Sydney's 02:00, London's 01:00) half the time.
const timeOfDay = fc.oneof(
  fc.record({ hour: fc.integer({ min: 0, max: 3 }), minute: fc.constantFrom(0, 30, 59) }),
  fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 15, 45) }),
);
const dtstartLocal = fc
  .tuple(fc.integer({ min: Date.UTC(2000, 0, 1) / dayMs, max: Date.UTC(2030, 11, 31) / dayMs }), timeOfDay)
  .map(([day, { hour, minute }]) => day * dayMs + (hour * 60 + minute) * 60_000);

const end = fc.oneof(
  fc.constant(''),
  fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 3000 })).map((count) => `;COUNT=${count}`),
  // UNTIL in its three forms: a UTC instant, a local date, a floating wall time (offset from DTSTART below).
  fc.record({ days: fc.integer({ min: 0, max: 4000 }), form: fc.constantFrom('utc', 'date', 'floating') }),
);

const rule = fc.record({
  byDay: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), { nil: undefined }),
  interval: fc.integer({ min: 1, max: 4 }),
  wkst: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  end,
});

const expansion = fc
  .record({
    dtstart: dtstartLocal,
    rule,
    tzid: fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'),
    // The window near DTSTART (its first weeks) or anywhere from three years before to fourteen after; sometimes open at one end.
    fromDays: fc.oneof(fc.integer({ min: -14, max: 60 }), fc.integer({ min: -3 * 365, max: 14 * 365 })),
    lengthDays: fc.integer({ min: 0, max: 200 }),
    shape: fc.constantFrom('from-to', 'from-to', 'from-limit', 'to-only'),
    limit: fc.integer({ min: 0, max: 40 }),
    // EXDATEs a few days into the window at the rule's time of day: most land on an occurrence, some on a gap time.
    exdateDays: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
  })
  .map(({ dtstart, rule, tzid, fromDays, lengthDays, shape, limit, exdateDays }) => {
    let ending = '';
    if (typeof rule.end === 'string') ending = rule.end;
    else {
      const until = dtstart + rule.end.days * dayMs;
      ending = rule.end.form === 'utc' ? `;UNTIL=${compact(until)}Z` : rule.end.form === 'date' ? `;UNTIL=${compact(until).slice(0, 8)}` : `;UNTIL=${compact(until)}`;
    }
    const parts = ['FREQ=WEEKLY'];
    if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
    if (rule.byDay) parts.push(`BYDAY=${rule.byDay.map((day) => weekdayCodes[day]).join(',')}`);
    if (rule.wkst !== undefined) parts.push(`WKST=${weekdayCodes[rule.wkst]}`);
    const from = dtstart + fromDays * dayMs;
    const timeOfDayMs = dtstart % dayMs;
    const fromDay = Math.floor(from / dayMs) * dayMs;
    const spec: RuleSpec = { dtstart: wall(dtstart), tzid, rrule: parts.join(';') + ending, exdates: exdateDays.map((days) => wall(fromDay + days * dayMs + timeOfDayMs)) };
    const iso = (ms: number) => new Date(ms).toISOString();
    const window: ExpandWindow =
      shape === 'from-to' ? { from: iso(from), to: iso(from + lengthDays * dayMs) } : shape === 'from-limit' ? { from: iso(from), limit } : { to: iso(dtstart + (fromDays > 0 ? fromDays : lengthDays) * dayMs) };
    return { spec, window };
  });

describe('plain weekly rules by arithmetic', () => {
  it('give exactly what rrule.js gives: the same instants and wall times in the same order, or the same refusal', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(expansion, ({ spec, window }) => {
        expect(outcome(spec, window, 'fastest')).toEqual(outcome(spec, window, 'rrule'));
      }),
      { numRuns: 1000 },
    );
  });

  it('agree across the clock changes of each zone, gap and repeated hours included', () => {
    // New York 8 Mar / 1 Nov 2026, London 29 Mar / 25 Oct, Sydney 5 Apr / 4 Oct; Kolkata has none.
    const cases: [string, string][] = [
      ['America/New_York', '2000-01-02T02:30'],
      ['America/New_York', '2000-01-02T01:30'],
      ['Europe/London', '2000-01-02T01:30'],
      ['Europe/London', '2000-01-03T00:59'],
      ['Australia/Sydney', '2000-01-02T02:30'],
      ['Australia/Sydney', '2000-01-02T02:00'],
      ['Asia/Kolkata', '2000-01-02T02:30'],
    ];
    for (const [tzid, dtstart] of cases) {
      for (const rrule of ['FREQ=WEEKLY;BYDAY=SU', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=SA,SU;WKST=SU', 'FREQ=WEEKLY;COUNT=2790;BYDAY=SU,MO']) {
        const spec = { dtstart, tzid, rrule, exdates: ['2026-11-01T01:30', '2026-03-08T02:30'] };
        const window = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
        const fast = expandRuleWallBy(spec, window, 'fastest');
        expect(fast.length).toBeGreaterThan(0);
        expect(fast).toEqual(expandRuleWallBy(spec, window, 'rrule'));
      }
    }
  });

  it('counts the weeks it does not walk: 3 January 2000 (a Monday) to the week before 2 October 2026', () => {
    const walk = plainWeekly(parseRrule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'), Date.UTC(2000, 0, 3, 8), Date.UTC(2026, 9, 2));
    // Weeks from Monday 3 Jan 2000 to Monday 21 Sep 2026 (the week before the one holding 2 Oct): 1,394; 4 days in the first (after DTSTART).
    const weeks = (Date.UTC(2026, 8, 21) - Date.UTC(2000, 0, 3)) / (7 * dayMs);
    expect(walk?.skipped).toBe(4 + (weeks - 1) * 5);
    const first: number[] = [];
    walk?.walk((local) => first.push(local) < 2);
    expect(first).toEqual([Date.UTC(2026, 8, 21, 8), Date.UTC(2026, 8, 22, 8)]);
  });

  it('leaves every other rule to rrule.js', () => {
    for (const text of ['FREQ=DAILY', 'FREQ=WEEKLY;BYMONTH=3', 'FREQ=WEEKLY;BYHOUR=9,17', 'FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=-1', 'FREQ=MONTHLY;BYDAY=MO']) {
      expect(isPlainWeekly(parseRrule(text))).toBe(false);
    }
    expect(isPlainWeekly(parseRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;WKST=SU;COUNT=9'))).toBe(true);
  });
});
