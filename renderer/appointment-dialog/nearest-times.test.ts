import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../core/overlap';
import type { BookingDraft, DraftCheck } from '../../core/queries';
import { clinicFormat, text } from '../i18n';
import { movedStart, nearestTimesQuery, noneSentence, whenLabel } from './nearest-times';

const zone = 'America/New_York';
const draft: BookingDraft = { resourceIds: ['dr-a', 'room-1'], patientId: 'p1', wallStart: '2026-11-25T10:00', timeZone: zone, durationMinutes: 30 };
const visit = { id: 'draft', start: '2026-11-25T15:00:00.000Z', end: '2026-11-25T15:30:00.000Z', wallStart: '2026-11-25T10:00:00', hard: [], warnings: [] };
const taken: Conflict = { kind: 'resource-double-booked', severity: 'hard', candidateId: 'draft', candidateStart: visit.start, resourceId: 'dr-a', existingIds: ['a1'], candidateIds: [] };
const outside: Conflict = { kind: 'outside-working-hours', severity: 'warning', candidateId: 'draft', candidateStart: visit.start, resourceId: 'dr-a', existingIds: [], candidateIds: [], hours: 'not-covered' };
const check = (hard: Conflict[], warnings: Conflict[] = []): DraftCheck => ({ ok: hard.length === 0, hard, warnings, occurrences: [{ ...visit, hard, warnings }] });
const words = text.openings.nearest;
const format = clinicFormat('en-US', zone);

describe('nearestTimesQuery', () => {
  it('looks up the nearest times for a single visit the check refuses or warns about, at the start it judged', () => {
    expect(nearestTimesQuery(draft, check([taken]))).toEqual({ resourceIds: ['dr-a', 'room-1'], patientId: 'p1', durationMinutes: 30, at: visit.start });
    expect(nearestTimesQuery({ ...draft, patientId: null, excluding: { appointmentId: 'a2' } }, check([], [outside]))).toEqual({
      resourceIds: ['dr-a', 'room-1'],
      patientId: null,
      durationMinutes: 30,
      at: visit.start,
      excluding: { appointmentId: 'a2' },
    });
  });

  it('looks up nothing for a clear check, a series, or before the check has answered', () => {
    expect(nearestTimesQuery(draft, check([]))).toBeNull();
    expect(nearestTimesQuery({ ...draft, rrule: 'FREQ=WEEKLY;COUNT=3' }, check([taken]))).toBeNull();
    expect(nearestTimesQuery(draft, null)).toBeNull();
    expect(nearestTimesQuery(null, check([taken]))).toBeNull();
  });
});

describe('a suggestion in the dialog', () => {
  const sameDay = { start: '2026-11-25T15:30:00.000Z', end: '2026-11-25T16:00:00.000Z' };
  const nextDay = { start: '2026-11-26T14:00:00.000Z', end: '2026-11-26T14:30:00.000Z' };
  it('moves the start on the clinic’s clock', () => {
    expect(movedStart(sameDay, zone)).toEqual({ date: '2026-11-25', time: '10:30' });
    expect(movedStart({ start: '2026-03-08T07:00:00.000Z', end: '2026-03-08T08:00:00.000Z' }, zone)).toEqual({ date: '2026-03-08', time: '03:00' }); // after the clocks went forward
  });

  it('reads as a time on the chosen day, with the weekday and date on another', () => {
    expect(whenLabel(sameDay, '2026-11-25', zone, format, words)).toMatch(/^10:30\sAM$/);
    expect(whenLabel(nextDay, '2026-11-25', zone, format, words)).toMatch(/^Thu Nov 26, 9:00\sAM$/);
  });

  it('says why a side has none: past, nothing from now, or nothing in the weeks searched', () => {
    const at = Date.parse(visit.start);
    const found = (searchedFrom: string) => ({ searchedFrom, searchedTo: '2027-01-20T15:00:00.000Z', reasons: [] });
    expect(noneSentence('before', found('2026-11-25T16:00:00.000Z'), at, words)).toBe(words.nothingEarlierPast);
    expect(noneSentence('before', found('2026-11-25T13:00:00.000Z'), at, words)).toBe(words.nothingEarlierFromNow);
    expect(noneSentence('before', found('2026-09-30T15:00:00.000Z'), at, words)).toBe(words.nothingEarlierWeeks);
    expect(noneSentence('after', found('2026-11-25T13:00:00.000Z'), at, words)).toBe('Nothing later is free in the next eight weeks.');
  });
});
