import { describe, expect, it } from 'vitest';
import { cancelOccurrence, moveOccurrence } from './series-exceptions';
import { expandSeries } from './series-expand';
import { codeOf, makeSeries } from './series.fixture';

const record = (exceptionId: string) => ({ exceptionId, at: '2025-02-01T12:00:00Z' });

describe('expandSeries across DST', () => {
  it('America/New_York: a weekly 09:00 stays at 09:00 local while the UTC shifts, and cancel/move apply', () => {
    const series = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4' });
    let exceptions = cancelOccurrence(series, [], '2025-03-10T09:00', 'Provider ill', record('x1'));
    exceptions = moveOccurrence(series, exceptions, '2025-03-17T09:00', { wallStart: '2025-03-18T10:30', durationMinutes: 30 }, record('x2'));
    const occurrences = expandSeries(series, exceptions, { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' });
    expect(occurrences.map((o) => [o.id, o.wallStart, o.start, o.end, o.status, o.isException])).toEqual([
      ['s1:20250303T090000', '2025-03-03T09:00:00', '2025-03-03T14:00:00.000Z', '2025-03-03T15:00:00.000Z', 'booked', false],
      ['s1:20250310T090000', '2025-03-10T09:00:00', '2025-03-10T13:00:00.000Z', '2025-03-10T14:00:00.000Z', 'cancelled', true],
      ['s1:20250317T090000', '2025-03-18T10:30:00', '2025-03-18T14:30:00.000Z', '2025-03-18T15:00:00.000Z', 'booked', true],
      ['s1:20250324T090000', '2025-03-24T09:00:00', '2025-03-24T13:00:00.000Z', '2025-03-24T14:00:00.000Z', 'booked', false],
    ]);
    expect(occurrences[2]?.originalStart).toBe('2025-03-17T09:00:00');
    expect(occurrences[2]?.durationMinutes).toBe(30);
    expect(expandSeries(series, exceptions, { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z', includeCancelled: false }).map((o) => o.originalStart)).toEqual([
      '2025-03-03T09:00:00',
      '2025-03-17T09:00:00',
      '2025-03-24T09:00:00',
    ]);
  });

  it('Europe/London: spring and autumn changes keep 09:00 local', () => {
    const series = makeSeries({ dtstart: '2025-03-24T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    const spring = expandSeries(series, [], { from: '2025-03-20T00:00:00Z', to: '2025-04-05T00:00:00Z' });
    expect(spring.map((o) => [o.wallStart, o.start])).toEqual([
      ['2025-03-24T09:00:00', '2025-03-24T09:00:00.000Z'],
      ['2025-03-31T09:00:00', '2025-03-31T08:00:00.000Z'],
    ]);
    const exceptions = cancelOccurrence(series, [], '2025-10-27T09:00', 'Clinic closed', record('x1'));
    const autumn = expandSeries(series, exceptions, { from: '2025-10-20T00:00:00Z', to: '2025-11-04T00:00:00Z' });
    expect(autumn.map((o) => [o.wallStart, o.start, o.status])).toEqual([
      ['2025-10-20T09:00:00', '2025-10-20T08:00:00.000Z', 'booked'],
      ['2025-10-27T09:00:00', '2025-10-27T09:00:00.000Z', 'cancelled'],
      ['2025-11-03T09:00:00', '2025-11-03T09:00:00.000Z', 'booked'],
    ]);
  });

  it('a visit lasts its minutes in elapsed time over a spring-forward night', () => {
    const series = makeSeries({ dtstart: '2025-03-08T01:30', timeZone: 'America/New_York', rrule: 'FREQ=DAILY;COUNT=2', durationMinutes: 60 });
    const [, onChangeDay] = expandSeries(series, []);
    expect(onChangeDay?.start).toBe('2025-03-09T06:30:00.000Z'); // 01:30 EST
    expect(onChangeDay?.end).toBe('2025-03-09T07:30:00.000Z'); // 03:30 EDT on the wall, one real hour later
  });

  it('finds the occurrence of a gap time by its nominal start as well as by the time the clock shows', () => {
    const series = makeSeries({ dtstart: '2025-03-08T02:30', timeZone: 'America/New_York', rrule: 'FREQ=DAILY;COUNT=3' });
    const byShown = cancelOccurrence(series, [], '2025-03-09T03:30', 'Closed', record('x1'));
    const byNominal = cancelOccurrence(series, [], '2025-03-09T02:30', 'Closed', record('x1'));
    expect(byNominal).toEqual(byShown);
    expect(expandSeries(series, byNominal).map((o) => [o.originalStart, o.status])).toEqual([
      ['2025-03-08T02:30:00', 'booked'],
      ['2025-03-09T03:30:00', 'cancelled'],
      ['2025-03-10T02:30:00', 'booked'],
    ]);
  });
});

describe('expandSeries windows', () => {
  const weekly = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
  const week = (monday: string) => ({ from: `${monday}T00:00:00Z`, to: `${monday.slice(0, 8)}${String(Number(monday.slice(8)) + 7).padStart(2, '0')}T00:00:00Z` });

  it('shows an occurrence moved INTO the window from outside it, and not in its original week', () => {
    const exceptions = moveOccurrence(weekly, [], '2025-03-24T09:00', { wallStart: '2025-03-12T15:00' }, record('x1'));
    expect(expandSeries(weekly, exceptions, week('2025-03-10')).map((o) => [o.id, o.wallStart])).toEqual([
      ['s1:20250310T090000', '2025-03-10T09:00:00'],
      ['s1:20250324T090000', '2025-03-12T15:00:00'],
    ]);
    expect(expandSeries(weekly, exceptions, week('2025-03-24')).map((o) => o.id)).toEqual([]);
  });

  it('a visit moved across the window edge shows where it overlaps', () => {
    const exceptions = moveOccurrence(weekly, [], '2025-03-10T09:00', { wallStart: '2025-03-16T23:30', durationMinutes: 60 }, record('x1'));
    // Sunday 23:30–00:30 overlaps the next Monday-based week too.
    expect(expandSeries(weekly, exceptions, week('2025-03-17')).map((o) => o.id)).toEqual(['s1:20250310T090000', 's1:20250317T090000']);
    expect(expandSeries(weekly, exceptions, { from: '2025-03-17T00:30:00Z', to: '2025-03-17T01:00:00Z' })).toEqual([]);
  });

  it('keeps the earliest `limit` occurrences, counting moved ones where they now are', () => {
    const exceptions = moveOccurrence(weekly, [], '2025-03-03T09:00', { wallStart: '2025-04-01T09:00' }, record('x1'));
    expect(expandSeries(weekly, exceptions, { from: '2025-03-01T00:00:00Z', limit: 2 }).map((o) => o.originalStart)).toEqual([
      '2025-03-10T09:00:00',
      '2025-03-17T09:00:00',
    ]);
  });

  it('ignores exceptions of other series and ones whose start the rule no longer generates', () => {
    const other = moveOccurrence({ ...weekly, id: 's2' }, [], '2025-03-10T09:00', { wallStart: '2025-03-11T09:00' }, record('x1'));
    const stale = [{ ...other[0]!, seriesId: 's1', originalStart: '2025-03-11T09:00:00' }];
    expect(expandSeries(weekly, [...other, ...stale], week('2025-03-10')).map((o) => [o.id, o.isException])).toEqual([['s1:20250310T090000', false]]);
  });

  it('a never-ending series needs a window, and a too-wide one is refused', () => {
    expect(codeOf(() => expandSeries(weekly, []))).toBe('window-required @ window.to');
    const everyMinute = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'Europe/London', rrule: 'FREQ=MINUTELY', durationMinutes: 5 });
    expect(codeOf(() => expandSeries(everyMinute, [], { from: '2025-03-03T00:00:00Z', to: '2025-04-03T00:00:00Z' }))).toBe('too-many-occurrences @ rrule');
  });
});

describe('cancelOccurrence and moveOccurrence', () => {
  const series = makeSeries({ dtstart: '2025-03-03T09:00', timeZone: 'Europe/London', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=5' });

  it('refuse a start that is not an occurrence of the series', () => {
    expect(codeOf(() => cancelOccurrence(series, [], '2025-03-04T09:00', 'x', record('x1')))).toBe('unknown-entity @ originalStart');
    expect(codeOf(() => moveOccurrence(series, [], '2025-04-07T09:00', { wallStart: '2025-04-08T09:00' }, record('x1')))).toBe(
      'unknown-entity @ originalStart',
    );
  });

  it('need a reason to cancel and a valid new start to move', () => {
    expect(codeOf(() => cancelOccurrence(series, [], '2025-03-10T09:00', '  ', record('x1')))).toBe('reason-required @ reason');
    expect(codeOf(() => moveOccurrence(series, [], '2025-03-10T09:00', { wallStart: '2025-02-30T09:00' }, record('x1')))).toBe('invalid-date @ wallStart');
  });

  it('update the one exception per occurrence and leave the input list alone', () => {
    const moved = moveOccurrence(series, [], '2025-03-10T09:00', { wallStart: '2025-03-11T09:00', resourceIds: ['dr-kim'], notes: 'Bring X-rays' }, record('x1'));
    const movedAgain = moveOccurrence(series, moved, '2025-03-10T09:00', { wallStart: '2025-03-12T09:00' }, { exceptionId: 'unused', at: '2025-02-02T12:00:00Z' });
    expect(moved).toHaveLength(1);
    expect(movedAgain).toHaveLength(1);
    expect(movedAgain[0]).toMatchObject({
      id: 'x1',
      kind: 'moved',
      wallStart: '2025-03-12T09:00:00',
      resourceIds: ['dr-kim'],
      notes: 'Bring X-rays',
      version: 1,
      createdAt: '2025-02-01T12:00:00.000Z',
      updatedAt: '2025-02-02T12:00:00.000Z',
    });
    expect(moved[0]).toMatchObject({ wallStart: '2025-03-11T09:00:00', version: 0 });
    const cancelled = cancelOccurrence(series, movedAgain, '2025-03-10T09:00', 'No longer needed', record('unused'));
    expect(cancelled).toEqual([expect.objectContaining({ id: 'x1', kind: 'cancelled', reason: 'No longer needed', version: 2 })]);
  });
});
