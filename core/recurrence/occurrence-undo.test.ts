import { describe, expect, it } from 'vitest';
import { codeOf, makeSeries } from './series.fixture';
import { undoOccurrenceMove } from './occurrence-undo';
import { cancelOccurrence, moveOccurrence } from './series-exceptions';
import { expandSeries } from './series-expand';

const series = makeSeries({ dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;COUNT=10' });
const first = { exceptionId: 'x1', at: '2026-01-02T10:00:00.000Z' };
const later = { exceptionId: 'unused', at: '2026-01-02T11:00:00.000Z' };
const undoAt = '2026-01-02T12:00:00.000Z';
const startsOf = (exceptions: Parameters<typeof expandSeries>[1]) => expandSeries(series, exceptions).map((occurrence) => occurrence.wallStart);

describe('undoOccurrenceMove', () => {
  it('a visit moved for the first time goes back to where the rule puts it: the exception goes, nothing pins the old time', () => {
    const other = cancelOccurrence(series, [], '2026-01-26T09:00', 'Away', { exceptionId: 'x0', at: first.at });
    const moved = moveOccurrence(series, other, '2026-01-12T09:00', { wallStart: '2026-01-13T11:00', durationMinutes: 45 }, first);
    const undone = undoOccurrenceMove(series, moved, { originalStart: '2026-01-12T09:00', movedVersion: 0, previous: null }, undoAt);
    expect(undone.restored).toBeNull();
    expect(undone.undone).toMatchObject({ id: 'x1', wallStart: '2026-01-13T11:00:00', durationMinutes: 45 });
    expect(undone.exceptions).toEqual(other);
    expect(startsOf(undone.exceptions)).toContain('2026-01-12T09:00:00');
    expect(startsOf(undone.exceptions)).not.toContain('2026-01-13T11:00:00');
    expect(moved).toHaveLength(2); // pure: the list given is left alone
  });

  it('a visit moved a second time goes back to its first move, the same record one version on', () => {
    const once = moveOccurrence(series, [], '2026-01-12T09:00', { wallStart: '2026-01-13T11:00', notes: 'Knee' }, first);
    const previous = once[0] ?? null;
    const twice = moveOccurrence(series, once, '2026-01-12T09:00', { wallStart: '2026-01-14T15:00', notes: 'Both knees' }, later);
    const undone = undoOccurrenceMove(series, twice, { originalStart: '2026-01-12T09:00', movedVersion: 1, previous }, undoAt);
    expect(undone.restored).toMatchObject({ id: 'x1', kind: 'moved', wallStart: '2026-01-13T11:00:00', notes: 'Knee', version: 2, createdAt: first.at, updatedAt: undoAt });
    expect(undone.exceptions).toEqual([undone.restored]);
    expect(startsOf(undone.exceptions)).toContain('2026-01-13T11:00:00');
  });

  it('finds the occurrence by instant: the nominal spring-forward 02:30 is the 03:30 the clock shows (New York, 8 March 2026)', () => {
    const early = makeSeries({ dtstart: '2026-03-01T02:30', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;COUNT=3' });
    const moved = moveOccurrence(early, [], '2026-03-08T03:30', { wallStart: '2026-03-08T10:00' }, first);
    expect(undoOccurrenceMove(early, moved, { originalStart: '2026-03-08T02:30', movedVersion: 0, previous: null }, undoAt).exceptions).toEqual([]);
  });

  it('refuses when the visit changed after the move, when it was never moved, and a previous state of another visit', () => {
    const moved = moveOccurrence(series, [], '2026-01-12T09:00', { wallStart: '2026-01-13T11:00' }, first);
    const movedAgain = moveOccurrence(series, moved, '2026-01-12T09:00', { wallStart: '2026-01-13T12:00' }, later);
    const cancelled = cancelOccurrence(series, moved, '2026-01-12T09:00', 'Ill', later);
    const key = { originalStart: '2026-01-12T09:00', movedVersion: 0, previous: null };
    expect(codeOf(() => undoOccurrenceMove(series, movedAgain, key, undoAt))).toBe('changed-since @ originalStart');
    expect(codeOf(() => undoOccurrenceMove(series, cancelled, key, undoAt))).toBe('changed-since @ originalStart');
    expect(codeOf(() => undoOccurrenceMove(series, [], key, undoAt))).toBe('changed-since @ originalStart');
    expect(codeOf(() => undoOccurrenceMove(series, moved, { ...key, originalStart: '2026-01-12T10:00' }, undoAt))).toBe('unknown-entity @ originalStart');
    const otherVisit = moveOccurrence(series, [], '2026-01-19T09:00', { wallStart: '2026-01-20T09:00' }, { exceptionId: 'x9', at: first.at })[0] ?? null;
    expect(codeOf(() => undoOccurrenceMove(series, moved, { ...key, previous: otherVisit }, undoAt))).toBe('invalid-format @ previous');
  });
});
