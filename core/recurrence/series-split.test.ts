import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeriesException, SeriesOccurrence } from '../model';
import { buildRule } from './builder';
import type { RecurrenceEndInput, RecurrencePatternInput } from './builder';
import { cancelOccurrence, moveOccurrence } from './series-exceptions';
import { expandSeries } from './series-expand';
import { splitSeries } from './series-split';
import { codeOf, makeSeries as seriesFixture } from './series.fixture';

const at = '2025-01-01T12:00:00Z';

/** Version 3, so the split's version bump shows. */
const makeSeries = (fields: Parameters<typeof seriesFixture>[0]) => seriesFixture({ durationMinutes: 30, version: 3, createdAt: at, updatedAt: at, ...fields });

/** What a receptionist sees of an occurrence, without the series it now belongs to. */
const seen = (occurrences: SeriesOccurrence[]) =>
  occurrences
    .map((o) => ({ originalStart: o.originalStart, wallStart: o.wallStart, start: o.start, end: o.end, status: o.status, resourceIds: o.resourceIds }))
    .sort((a, b) => (a.start === b.start ? a.originalStart.localeCompare(b.originalStart) : a.start.localeCompare(b.start)));

describe('splitSeries', () => {
  it('COUNT=10 split at the 4th occurrence gives COUNT=3 before and COUNT=7 after', () => {
    const series = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10' });
    const { before, after } = splitSeries(series, [], '2025-03-24T09:00', 's2', '2025-03-01T10:00:00Z');
    expect(before).toMatchObject({ id: 's1', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3', version: 4, updatedAt: '2025-03-01T10:00:00.000Z' });
    expect(after).toMatchObject({ id: 's2', dtstart: '2025-03-24T09:00:00', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=7', version: 0, createdAt: '2025-03-01T10:00:00.000Z' });
  });

  it('an UNTIL or never-ending rule: before ends one second before the split instant (UTC), after keeps the end', () => {
    const until = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'America/New_York', rrule: 'FREQ=DAILY;UNTIL=20250401' });
    const split = splitSeries(until, [], '2025-03-10T09:00', 's2', at);
    expect(split.before?.rrule).toBe('FREQ=DAILY;UNTIL=20250310T125959Z');
    expect(split.after.rrule).toBe('FREQ=DAILY;UNTIL=20250401');
    const never = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(splitSeries(never, [], '2025-04-07T09:00', 's2', at)).toMatchObject({
      before: { rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20250407T075959Z' },
      after: { rrule: 'FREQ=WEEKLY;BYDAY=MO', dtstart: '2025-04-07T09:00:00' },
    });
  });

  it('a split at the first occurrence leaves nothing before: the whole series moves', () => {
    const series = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'Europe/London', rrule: 'FREQ=DAILY;COUNT=5', exdates: ['2025-03-05T09:00'] });
    const exceptions = cancelOccurrence(series, [], '2025-03-04T09:00', 'Ill', { exceptionId: 'x1', at });
    const split = splitSeries(series, exceptions, '2025-03-03T09:00', 's2', at);
    expect(split.before).toBeNull();
    expect(split.after).toMatchObject({ id: 's2', rrule: 'FREQ=DAILY;COUNT=5', exdates: ['2025-03-05T09:00:00'] });
    expect(split.afterExceptions).toEqual([expect.objectContaining({ id: 'x1', seriesId: 's2', version: 1 })]);
  });

  it('partitions EXDATEs, RDATEs and exceptions by original start, and re-keys the later ones', () => {
    const series = makeSeries({
      dtstart: '2025-03-03T09:00',
      timeZone: 'Europe/London',
      rrule: 'FREQ=DAILY;COUNT=10',
      exdates: ['2025-03-04T09:00', '2025-03-09T09:00'],
      rdates: ['2025-03-04T15:00', '2025-03-20T15:00'],
    });
    let exceptions = moveOccurrence(series, [], '2025-03-05T09:00', { wallStart: '2025-03-11T09:30' }, { exceptionId: 'x1', at });
    exceptions = cancelOccurrence(series, exceptions, '2025-03-10T09:00', 'Away', { exceptionId: 'x2', at });
    const split = splitSeries(series, exceptions, '2025-03-08T09:00', 's2', at);
    expect(split.before).toMatchObject({ exdates: ['2025-03-04T09:00:00'], rdates: ['2025-03-04T15:00:00'], rrule: 'FREQ=DAILY;COUNT=5' });
    expect(split.after).toMatchObject({ exdates: ['2025-03-09T09:00:00'], rdates: ['2025-03-20T15:00:00'], rrule: 'FREQ=DAILY;COUNT=5' });
    expect(split.beforeExceptions.map((e) => [e.id, e.seriesId])).toEqual([['x1', 's1']]);
    expect(split.afterExceptions.map((e) => [e.id, e.seriesId])).toEqual([['x2', 's2']]);
  });

  it('keeps a 02:30 series at 02:30 when split on the spring-forward day', () => {
    const series = makeSeries({ dtstart: '2025-03-07T02:30', timeZone: 'America/New_York', rrule: 'FREQ=DAILY;COUNT=5' });
    const split = splitSeries(series, [], '2025-03-09T03:30', 's2', at);
    expect(split.after.dtstart).toBe('2025-03-09T02:30:00');
    expect(expandSeries(split.after, []).map((o) => o.wallStart)).toEqual(['2025-03-09T03:30:00', '2025-03-10T02:30:00', '2025-03-11T02:30:00']);
  });

  it('refuses starts the rule does not generate and a bad new id', () => {
    const series = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', rdates: ['2025-03-05T09:00'] });
    expect(codeOf(() => splitSeries(series, [], '2025-03-04T09:00', 's2', at))).toBe('unknown-entity @ originalStart');
    expect(codeOf(() => splitSeries(series, [], '2025-03-05T09:00', 's2', at))).toBe('unknown-entity @ originalStart');
    expect(codeOf(() => splitSeries(series, [], '2025-03-10T09:00', 's1', at))).toBe('duplicate-id @ newSeriesId');
    expect(codeOf(() => splitSeries(series, [], '2025-03-10T09:00', 'new id', at))).toBe('invalid-format @ newSeriesId');
  });

  // Each run expands 18 months of a series five times (~1–2 s for all runs alone; more on a loaded 2-core CI
  // running both host-zone projects at once), so the 5 s default is too tight.
  it('expanding before + after equals expanding the original (random rules, zones, ends, exceptions and split points)', { timeout: 30_000 }, () => {
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
    const pattern: fc.Arbitrary<RecurrencePatternInput> = fc.oneof(
      fc.record({ kind: fc.constant('daily' as const), every: fc.integer({ min: 1, max: 4 }) }),
      fc.record({
        kind: fc.constant('weekly' as const),
        every: fc.integer({ min: 1, max: 3 }),
        weekdays: fc.subarray([...weekdays], { minLength: 1 }),
      }),
      fc.record({ kind: fc.constant('monthly-by-date' as const), every: fc.integer({ min: 1, max: 2 }), day: fc.integer({ min: 1, max: 31 }) }),
      fc.record({
        kind: fc.constant('monthly-by-weekday' as const),
        every: fc.integer({ min: 1, max: 2 }),
        nth: fc.constantFrom(1, 2, 3, 4, 5, -1 as const),
        weekday: fc.constantFrom(...weekdays),
      }),
    );
    const end: fc.Arbitrary<RecurrenceEndInput> = fc.oneof(
      fc.record({ type: fc.constant('after' as const), count: fc.integer({ min: 1, max: 40 }) }),
      fc.integer({ min: 0, max: 400 }).map((days) => ({ type: 'on' as const, date: new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString().slice(0, 10) })),
      fc.constant({ type: 'never' as const }),
    );
    const window = { from: '2024-12-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };

    fc.assert(
      fc.property(
        pattern,
        end,
        fc.constantFrom('America/New_York', 'Australia/Sydney', 'Europe/London', 'UTC'),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('09:00', '02:30', '01:30', '23:45', '00:00'),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (patternInput, endInput, timeZone, startDay, time, exdatePick, exceptionPick, splitPick) => {
          const dtstart = `${new Date(Date.UTC(2025, 0, 1) + startDay * 86_400_000).toISOString().slice(0, 10)}T${time}`;
          if (endInput.type === 'on' && endInput.date < dtstart.slice(0, 10)) return;
          const plain = makeSeries({ dtstart, timeZone, rrule: buildRule(patternInput as Exclude<RecurrencePatternInput, { kind: 'none' }>, endInput) });
          const ruleOccurrences = expandSeries(plain, [], window);
          if (ruleOccurrences.length === 0) return;
          const pick = (n: number) => ruleOccurrences[n % ruleOccurrences.length]!.originalStart;
          const series = makeSeries({ ...plain, exdates: ruleOccurrences.length > 2 ? [pick(exdatePick)] : [] });
          const occurrences = expandSeries(series, [], window);
          if (occurrences.length === 0) return;
          const pickLive = (n: number) => occurrences[n % occurrences.length]!.originalStart;
          let exceptions: SeriesException[] = cancelOccurrence(series, [], pickLive(exceptionPick), 'Closed', { exceptionId: 'x1', at });
          // Move one occurrence to another occurrence's day: it may cross the split either way.
          const moveFrom = pickLive(exceptionPick + 1);
          if (moveFrom !== pickLive(exceptionPick)) {
            const moveTo = `${pickLive(exceptionPick + 2).slice(0, 10)}T12:15`;
            exceptions = moveOccurrence(series, exceptions, moveFrom, { wallStart: moveTo, resourceIds: ['room-2'] }, { exceptionId: 'x2', at });
          }
          const splitAt = pickLive(splitPick);

          const { before, after, beforeExceptions, afterExceptions } = splitSeries(series, exceptions, splitAt, 's2', at);
          const halves = [...(before ? expandSeries(before, beforeExceptions, window) : []), ...expandSeries(after, afterExceptions, window)];
          expect(seen(halves)).toEqual(seen(expandSeries(series, exceptions, window)));
          expect(expandSeries(after, afterExceptions, window).every((o) => o.id.startsWith('s2:'))).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });
});
