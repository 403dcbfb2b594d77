import { describe, expect, it } from 'vitest';
import { aloneReason, needsScope, scopeNote, planCancel, planEdit, scopesFor, shiftWallTime } from './edit-scope';
import type { BookingEdit, EditTarget } from './edit-scope';

const appointment: EditTarget = {
  id: 'a1',
  source: 'appointment',
  patientId: 'p1',
  wallStart: '2026-03-09T09:00:00',
  timeZone: 'America/New_York',
  durationMinutes: 30,
  resourceIds: ['dr-lee'],
  visitReason: 'Check-up',
};
// The Monday visit of a weekly series that started on 5 Jan; 9 Mar is the day after the spring-forward.
const occurrence: EditTarget = { ...appointment, id: 's1:20260309T090000', source: 'occurrence', seriesId: 's1', originalStart: '2026-03-09T09:00:00' };
const unchanged: BookingEdit = { wallStart: '2026-03-09T09:00', timeZone: 'America/New_York', durationMinutes: 30, resourceIds: ['dr-lee'], visitReason: 'Check-up', notes: '' };

describe('shiftWallTime', () => {
  it('moves by wall-clock days and minutes, whatever the clock changes in between', () => {
    expect(shiftWallTime('2026-01-05T09:00', '2026-03-09T09:00', '2026-03-10T10:30')).toBe('2026-01-06T10:30:00');
    // 2 Mar is before New York's 8 Mar spring-forward, 9 Mar after: an hour earlier is 08:00 on the clock either side.
    expect(shiftWallTime('2026-03-02T09:00', '2026-03-09T09:00', '2026-03-09T08:00')).toBe('2026-03-02T08:00:00');
    expect(shiftWallTime('2026-02-26T23:30', '2026-03-09T09:00', '2026-03-09T09:45')).toBe('2026-02-27T00:15:00');
  });
});

describe('planEdit', () => {
  it('saves a stored appointment in one call: a move (checked) carrying changed words, or an edit of the words alone', () => {
    expect(planEdit(appointment, unchanged, null)).toEqual([]);
    expect(planEdit(appointment, { ...unchanged, notes: 'Bring X-rays' }, null)).toEqual([{ name: 'appointment/edit', args: { appointmentId: 'a1', visitReason: 'Check-up', notes: 'Bring X-rays' } }]);
    expect(planEdit(appointment, { ...unchanged, visitReason: '' }, null)).toEqual([{ name: 'appointment/edit', args: { appointmentId: 'a1', visitReason: null, notes: null } }]);
    expect(planEdit(appointment, { ...unchanged, wallStart: '2026-03-09T10:00', visitReason: 'Follow-up' }, null, { override: 'Squeeze in' })).toEqual([
      {
        name: 'appointment/move',
        args: { appointmentId: 'a1', wallStart: '2026-03-09T10:00', timeZone: 'America/New_York', durationMinutes: 30, resourceIds: ['dr-lee'], visitReason: 'Follow-up', notes: null, override: { reason: 'Squeeze in' } },
      },
    ]);
    // A move that leaves the words alone does not send them (a drag never shows them).
    expect(planEdit(appointment, { ...unchanged, wallStart: '2026-03-09T10:00' }, null)).toEqual([
      { name: 'appointment/move', args: { appointmentId: 'a1', wallStart: '2026-03-09T10:00', timeZone: 'America/New_York', durationMinutes: 30, resourceIds: ['dr-lee'] } },
    ]);
    expect(planEdit(appointment, { ...unchanged, resourceIds: ['dr-lee', 'room-1'] }, null).map((call) => call.name)).toEqual(['appointment/move']);
  });

  it('"this occurrence" edits the one visit', () => {
    expect(planEdit(occurrence, { ...unchanged, wallStart: '2026-03-10T11:00', durationMinutes: 45 }, 'this')).toEqual([
      {
        name: 'occurrence/edit',
        args: { seriesId: 's1', originalStart: '2026-03-09T09:00:00', wallStart: '2026-03-10T11:00', timeZone: 'America/New_York', durationMinutes: 45, resourceIds: ['dr-lee'] },
      },
    ]);
  });

  it('"this and following" starts the new series where this visit went, by wall clock', () => {
    expect(planEdit(occurrence, { ...unchanged, wallStart: '2026-03-09T10:00' }, 'following')).toEqual([
      { name: 'series/edit-following', args: { seriesId: 's1', fromOriginalStart: '2026-03-09T09:00:00', changes: { dtstart: '2026-03-09T10:00:00' } } },
    ]);
    // A visit already moved to Tuesday 11:00 keeps its own time when the series moves, so dragging it again cannot move the tail.
    const movedBefore = { ...occurrence, wallStart: '2026-03-10T11:00:00' };
    expect(() => planEdit(movedBefore, { ...unchanged, wallStart: '2026-03-10T12:00' }, 'following')).toThrow(/cannot be saved/);
    // Only the length changed: no new start.
    expect(planEdit(occurrence, { ...unchanged, durationMinutes: 60 }, 'following')[0]).toMatchObject({ args: { changes: { durationMinutes: 60 } } });
    expect(planEdit(occurrence, { ...unchanged, durationMinutes: 60 }, 'following')[0]?.args).not.toHaveProperty('changes.dtstart');
  });

  it('"all" moves the series start by the same wall-clock amount (across the clock change)', () => {
    const plan = planEdit(occurrence, { ...unchanged, wallStart: '2026-03-09T08:30', notes: 'Fasting' }, 'all', { seriesStart: '2026-01-05T09:00:00' });
    expect(plan).toEqual([{ name: 'series/edit-all', args: { seriesId: 's1', changes: { dtstart: '2026-01-05T08:30:00', notes: 'Fasting' } } }]);
    expect(() => planEdit(occurrence, { ...unchanged, wallStart: '2026-03-09T08:30' }, 'all')).toThrow(/cannot be saved/);
    expect(planEdit(occurrence, { ...unchanged, resourceIds: ['room-1'] }, 'all', {})).toEqual([{ name: 'series/edit-all', args: { seriesId: 's1', changes: { resourceIds: ['room-1'] } } }]);
  });
});

describe('scopesFor', () => {
  const seriesStart = '2026-01-05T09:00:00';
  const weekly = { seriesStart, seriesRule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=20' };

  it('offers all three for a change on the same day, and nothing for a single appointment', () => {
    expect(scopesFor(occurrence, { ...unchanged, wallStart: '2026-03-09T10:00' }, weekly)).toEqual(['this', 'following', 'all']);
    expect(scopesFor(occurrence, { ...unchanged, notes: 'Fasting' }, {})).toEqual(['this', 'following', 'all']);
    expect(scopesFor(appointment, { ...unchanged, wallStart: '2026-03-09T10:00' }, weekly)).toEqual([]);
  });

  it('offers the series a move to another weekday when its rule is weekly: only the new start is sent, the engine moves the weekdays', () => {
    const wednesday = { ...unchanged, wallStart: '2026-03-11T09:00' };
    expect(scopesFor(occurrence, wednesday, weekly)).toEqual(['this', 'following', 'all']);
    expect(aloneReason(occurrence, wednesday, weekly.seriesRule)).toBeNull();
    expect(planEdit(occurrence, wednesday, 'all', weekly)).toEqual([{ name: 'series/edit-all', args: { seriesId: 's1', changes: { dtstart: '2026-01-07T09:00:00' } } }]);
    expect(planEdit(occurrence, wednesday, 'following', weekly)).toEqual([{ name: 'series/edit-following', args: { seriesId: 's1', fromOriginalStart: '2026-03-09T09:00:00', changes: { dtstart: '2026-03-11T09:00:00' } } }]);
    expect(scopeNote(occurrence, wednesday, weekly)).toBe('weekdays-move');
    expect(scopeNote(occurrence, { ...unchanged, wallStart: '2026-03-09T10:00' }, weekly)).toBeNull();
    // The rule not read yet: the visit moves alone rather than guess.
    expect(scopesFor(occurrence, wednesday, { seriesStart })).toEqual(['this']);
    expect(scopeNote(occurrence, wednesday, { seriesStart })).toBeNull();
  });

  it('moves a visit alone when it goes to another date of a monthly, yearly or custom series, and says why', () => {
    const tuesday = { ...unchanged, wallStart: '2026-03-10T09:00' };
    for (const [seriesRule, why] of [
      ['FREQ=MONTHLY;BYMONTHDAY=9', 'month-or-year-dates'],
      ['FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=9', 'month-or-year-dates'],
      ['FREQ=DAILY;COUNT=5', 'rule-parts'],
      ['FREQ=WEEKLY;BYMONTH=3;BYDAY=MO', 'rule-parts'],
    ] as const) {
      expect(scopesFor(occurrence, tuesday, { seriesStart, seriesRule })).toEqual(['this']);
      expect(aloneReason(occurrence, tuesday, seriesRule)).toBe(why);
      expect(scopeNote(occurrence, tuesday, { seriesStart, seriesRule })).toBe(why);
      expect(() => planEdit(occurrence, tuesday, 'all', { seriesStart, seriesRule })).toThrow(/cannot be saved/);
    }
    // The same day, another time: the series follows, whatever its rule.
    expect(scopesFor(occurrence, { ...unchanged, wallStart: '2026-03-09T10:00' }, { seriesStart, seriesRule: 'FREQ=MONTHLY;BYMONTHDAY=9' })).toEqual(['this', 'following', 'all']);
  });

  it('moves a visit already moved on its own alone, but still lets its length or words change for the series', () => {
    const movedBefore = { ...occurrence, wallStart: '2026-03-09T11:00:00' };
    expect(scopesFor(movedBefore, { ...unchanged, wallStart: '2026-03-09T12:00' }, weekly)).toEqual(['this']);
    expect(scopesFor(movedBefore, { ...unchanged, wallStart: '2026-03-12T11:00' }, weekly)).toEqual(['this']);
    expect(aloneReason(movedBefore, { ...unchanged, wallStart: '2026-03-12T11:00' }, weekly.seriesRule)).toBe('moved-already');
    expect(scopesFor(movedBefore, { ...unchanged, wallStart: '2026-03-09T11:00', durationMinutes: 45 }, weekly)).toEqual(['this', 'following', 'all']);
    expect(aloneReason(movedBefore, { ...unchanged, wallStart: '2026-03-09T11:00', durationMinutes: 45 }, weekly.seriesRule)).toBeNull();
  });

  it('holds "all" back for a move until the series start is read', () => {
    expect(scopesFor(occurrence, { ...unchanged, wallStart: '2026-03-09T10:00' }, {})).toEqual(['this', 'following']);
  });
});

describe('planCancel', () => {
  it('maps each scope to its command, with the reason', () => {
    expect(planCancel(appointment, null, 'Called in sick')).toEqual({ name: 'appointment/cancel', args: { appointmentId: 'a1', reason: 'Called in sick' } });
    expect(planCancel(occurrence, 'this', 'Away')).toEqual({ name: 'occurrence/cancel', args: { seriesId: 's1', originalStart: '2026-03-09T09:00:00', reason: 'Away' } });
    expect(planCancel(occurrence, 'following', 'Moved')).toEqual({ name: 'series/cancel-following', args: { seriesId: 's1', fromOriginalStart: '2026-03-09T09:00:00', reason: 'Moved' } });
    expect(planCancel(occurrence, 'all', 'Done')).toEqual({ name: 'series/cancel-all', args: { seriesId: 's1', reason: 'Done' } });
  });

  it('asks for a scope only for series occurrences', () => {
    expect(needsScope(occurrence)).toBe(true);
    expect(needsScope(appointment)).toBe(false);
    // A visit saved as an appointment (after a status change) is its own booking now.
    expect(needsScope({ ...appointment, seriesId: 's1', originalStart: '2026-03-09T09:00:00' })).toBe(false);
  });
});
