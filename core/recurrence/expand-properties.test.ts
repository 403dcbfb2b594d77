import fc from 'fast-check';
import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expandRule } from './index';

const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const pad = (value: number) => String(value).padStart(2, '0');

const wallTime = fc
  .record({ year: fc.integer({ min: 2000, max: 2035 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 15, 30, 45) })
  .map(({ year, month, day, hour, minute }) => `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`);

const rule = fc.oneof(
  fc.constantFrom('FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO,WE,FR', 'FREQ=MONTHLY;BYMONTHDAY=1,15,-1', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=YEARLY;BYMONTH=3,11;BYDAY=1SU,2SU'),
  fc.constantFrom('FREQ=HOURLY;INTERVAL=5', 'FREQ=MINUTELY;INTERVAL=45', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU'),
);

const spec = fc.record({
  dtstart: wallTime,
  tzid: fc.constantFrom(...zones),
  rrule: rule,
  exdates: fc.array(wallTime, { maxLength: 3 }),
  rdates: fc.array(wallTime, { maxLength: 3 }),
});

/** A window near the series start (a far-off window only adds scanning time, not coverage). */
const specAndWindow = fc
  .tuple(spec, fc.integer({ min: -30 * 24 * 60, max: 400 * 24 * 60 }), fc.integer({ min: 0, max: 60 * 24 * 60 }), fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }))
  .map(([input, startMinutes, lengthMinutes, limit]) => {
    const from = Date.parse(`${input.dtstart}:00Z`) + startMinutes * 60_000;
    return { input, bounds: { from: new Date(from).toISOString(), to: new Date(from + lengthMinutes * 60_000).toISOString(), limit } };
  });

// rrule.js generates ~150k occurrences/s and every run may build offset spans for a new year: allow time.
const slow = { timeout: 60_000 };

describe('expandRule properties', () => {
  it('is deterministic, sorted, distinct, inside the window, and within the limit', slow, () => {
    fc.assert(
      fc.property(specAndWindow, ({ input, bounds }) => {
        const first = expandRule(input, bounds);
        expect(expandRule(input, bounds)).toEqual(first);
        const instants = first.map((occurrence) => Date.parse(occurrence.utc));
        for (let index = 1; index < instants.length; index++) expect(instants[index]).toBeGreaterThan(instants[index - 1] as number);
        for (const instant of instants) {
          expect(instant).toBeGreaterThanOrEqual(Date.parse(bounds.from));
          expect(instant).toBeLessThan(Date.parse(bounds.to));
        }
        if (bounds.limit !== undefined) expect(first.length).toBeLessThanOrEqual(bounds.limit);
      }),
      { numRuns: 150 },
    );
  });

  it('a limit returns a prefix of the unlimited window', slow, () => {
    fc.assert(
      fc.property(specAndWindow, fc.integer({ min: 1, max: 20 }), ({ input, bounds }, limit) => {
        const all = expandRule(input, { from: bounds.from, to: bounds.to });
        expect(expandRule(input, { from: bounds.from, to: bounds.to, limit })).toEqual(all.slice(0, limit));
      }),
      { numRuns: 100 },
    );
  });

  it('splitting a window in two gives the same occurrences as the whole', slow, () => {
    fc.assert(
      fc.property(specAndWindow, fc.double({ min: 0, max: 1, noNaN: true }), ({ input, bounds }, fraction) => {
        const from = Date.parse(bounds.from);
        const middle = new Date(Math.floor(from + (Date.parse(bounds.to) - from) * fraction)).toISOString();
        const whole = expandRule(input, { from: bounds.from, to: bounds.to });
        expect([...expandRule(input, { from: bounds.from, to: middle }), ...expandRule(input, { from: middle, to: bounds.to })]).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('never returns an excluded wall time, and every local time is what a clock in the zone shows at utc', slow, () => {
    fc.assert(
      fc.property(specAndWindow, ({ input, bounds }) => {
        const result = expandRule(input, { from: bounds.from, to: bounds.to });
        const excluded = new Set(input.exdates.map((wall) => expandRule({ dtstart: wall, tzid: input.tzid, rrule: 'FREQ=DAILY;COUNT=1' })[0]?.utc));
        const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: input.tzid, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
        for (const occurrence of result) {
          expect(excluded.has(occurrence.utc)).toBe(false);
          const parts = Object.fromEntries(formatter.formatToParts(new Date(occurrence.utc)).map((part) => [part.type, part.value]));
          expect(occurrence.local).toBe(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same occurrences whatever zone the host and Luxon default to', slow, () => {
    // The vitest projects also run this whole folder under TZ=UTC and TZ=Australia/Adelaide; here the
    // zone changes between two expansions in one process, which Node honours at once.
    const hostZones = ['Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'America/Sao_Paulo'];
    const originalTz = process.env.TZ;
    const originalDefault = Settings.defaultZone;
    const restore = () => {
      // Assigning undefined to process.env would store the string "undefined".
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
      Settings.defaultZone = originalDefault;
    };
    try {
      fc.assert(
        fc.property(specAndWindow, fc.constantFrom(...hostZones), ({ input, bounds }, hostZone) => {
          restore();
          const before = expandRule(input, bounds);
          process.env.TZ = hostZone;
          Settings.defaultZone = hostZone;
          expect(new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset()).not.toBe(0); // the host zone really changed
          expect(expandRule(input, bounds)).toEqual(before);
        }),
        { numRuns: 50 },
      );
    } finally {
      restore();
    }
  });
});
