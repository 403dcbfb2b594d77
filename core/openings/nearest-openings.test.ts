import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from '../commands/commands.fixture';
import type { CommandFixture } from '../commands/commands.fixture';
import { checkDraft } from '../queries';
import { instantToWallTime } from '../time';
import { nearestAround, nearestOpenings } from './nearest-openings';
import type { NearestOpenings } from './nearest-openings';

// The fixture's clinic: Dr Lee and Room 1 in New York, Monday to Friday 08:00–18:00; now is Friday 2 January 2026, 07:00 there.
const now = Date.UTC(2026, 0, 2, 12);
const zone = 'America/New_York';
const at = (wall: string) => Date.parse(`${wall}:00-05:00`);
const iso = (wall: string) => new Date(at(wall)).toISOString();
const book = (fixture: CommandFixture, resourceIds: string[], patientId: string, wallStart: string, durationMinutes: number) =>
  fixture.must('appointment/book', { resourceIds, patientId, wallStart, timeZone: zone, durationMinutes }, frontDesk);
const starts = (found: NearestOpenings) => [found.before?.start, found.after?.start];

/** Each suggestion is what a save accepts: the dialog's dry run finds no conflict and no warning there. */
async function expectBookable(fixture: CommandFixture, found: NearestOpenings, draft: { resourceIds: string[]; patientId: string | null; durationMinutes: number; excluding?: { appointmentId?: string } }) {
  for (const opening of [found.before, found.after]) {
    if (opening === undefined) continue;
    const wallStart = instantToWallTime(Date.parse(opening.start), zone).slice(0, 16);
    const check = await checkDraft(fixture.db, { ...draft, wallStart, timeZone: zone }, { now });
    expect(check, wallStart).toMatchObject({ ok: true, hard: [], warnings: [] });
  }
}

describe('nearestAround', () => {
  const openings = ['09:00', '09:30', '11:00', '11:30'].map((time) => ({ start: iso(`2026-01-05T${time}`) }));
  it('takes the last start before and the first after, never the refused one itself', () => {
    expect(nearestAround(openings, at('2026-01-05T10:00'), now)).toEqual({ before: openings[1], after: openings[2] });
    expect(nearestAround(openings, at('2026-01-05T11:00'), now)).toEqual({ before: openings[1], after: openings[3] });
  });
  it('skips starts before now, and has nothing on a side with none', () => {
    expect(nearestAround(openings, at('2026-01-05T10:00'), at('2026-01-05T09:15'))).toEqual({ before: openings[1], after: openings[2] });
    expect(nearestAround(openings, at('2026-01-05T10:00'), at('2026-01-05T09:45'))).toEqual({ after: openings[2] });
    expect(nearestAround(openings, at('2026-01-05T12:00'), now)).toEqual({ before: openings[3] });
  });
});

describe('nearestOpenings', () => {
  it('offers the free times either side of a taken slot, for every resource booked and the patient', async () => {
    const fixture = await clinicFixture(now);
    await book(fixture, ['dr-lee'], 'p2', '2026-01-05T10:00', 30);
    const single = { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 30 };
    const found = await nearestOpenings(fixture.db, { ...single, at: iso('2026-01-05T10:00') }, { now });
    expect(starts(found)).toEqual([iso('2026-01-05T09:30'), iso('2026-01-05T10:30')]);
    expect(found.before?.end).toBe(iso('2026-01-05T10:00'));
    expect(found.reasons).toEqual([]);
    await expectBookable(fixture, found, single);

    // Room 1 too: it is taken 09:15–09:45, so the visit must end by 09:15 before; and Ada is booked elsewhere 10:30–11:00.
    await book(fixture, ['room-1'], 'p2', '2026-01-05T09:15', 30);
    await fixture.must('resource/save', { id: 'room-2', kind: 'room', name: 'Room 2', timeZone: zone }, manager);
    await fixture.must('schedule/save-block', { block: { resourceId: 'room-2', kind: 'working', wallStart: '2026-01-05T08:00', wallEnd: '2026-01-05T18:00' } }, manager);
    await book(fixture, ['room-2'], 'p1', '2026-01-05T10:30', 30);
    const withRoom = { resourceIds: ['dr-lee', 'room-1'], patientId: 'p1', durationMinutes: 30 };
    const both = await nearestOpenings(fixture.db, { ...withRoom, at: iso('2026-01-05T10:00') }, { now });
    expect(starts(both)).toEqual([iso('2026-01-05T08:45'), iso('2026-01-05T11:00')]);
    await expectBookable(fixture, both, withRoom);
  });

  it('goes round a break in the middle of the day', async () => {
    const fixture = await clinicFixture(now);
    await fixture.must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'break', wallStart: '2026-01-05T12:00', wallEnd: '2026-01-05T13:00' } }, manager);
    await book(fixture, ['dr-lee'], 'p2', '2026-01-05T11:00', 60);
    const draft = { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 60 };
    // 11:00 is taken and 12:00 is the break: 10:00 before, 13:00 after.
    const found = await nearestOpenings(fixture.db, { ...draft, at: iso('2026-01-05T11:30') }, { now });
    expect(starts(found)).toEqual([iso('2026-01-05T10:00'), iso('2026-01-05T13:00')]);
    await expectBookable(fixture, found, draft);
  });

  it('offers nothing before now: the free time earlier that day has passed', async () => {
    const mondayTen = at('2026-01-05T09:50');
    const fixture = await clinicFixture(mondayTen);
    await book(fixture, ['dr-lee'], 'p2', '2026-01-05T10:00', 60);
    const found = await nearestOpenings(fixture.db, { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 30, at: iso('2026-01-05T10:00') }, { now: mondayTen });
    // 08:00–10:00 was free, but it is 09:50 (and the weekend before is past too).
    expect(found.before).toBeUndefined();
    expect(found.after?.start).toBe(iso('2026-01-05T11:00'));
    expect(found.searchedFrom).toBe(new Date(mondayTen).toISOString());
    expect(found.reasons).toEqual([]);
    // A time already past: nothing before it, and the first after it that is not past either.
    const past = await nearestOpenings(fixture.db, { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 30, at: iso('2026-01-05T09:00') }, { now: mondayTen });
    expect(starts(past)).toEqual([undefined, iso('2026-01-05T11:00')]);
  });

  it('looks on other days when the chosen day has nothing, over the weekend', async () => {
    const fixture = await clinicFixture(now);
    await fixture.must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'leave', reason: 'Course', wallStart: '2026-01-05T00:00', wallEnd: '2026-01-06T00:00' } }, manager);
    const draft = { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 30 };
    const found = await nearestOpenings(fixture.db, { ...draft, at: iso('2026-01-05T10:00') }, { now });
    // Monday is leave: Friday's last half hour before, Tuesday's first after.
    expect(starts(found)).toEqual([iso('2026-01-02T17:30'), iso('2026-01-06T08:00')]);
    await expectBookable(fixture, found, draft);
  });

  it('keeps to the real hours on the night New York’s clocks go forward', async () => {
    const fixture = await clinicFixture(now);
    await fixture.must('resource/save', { id: 'dr-night', kind: 'provider', name: 'Dr Night', timeZone: zone }, manager);
    // Sunday 8 March 2026, 00:00–06:00 on the wall: 02:00–03:00 does not happen, so five real hours.
    await fixture.must('schedule/save-block', { block: { resourceId: 'dr-night', kind: 'working', wallStart: '2026-03-08T00:00', wallEnd: '2026-03-08T06:00' } }, manager);
    await book(fixture, ['dr-night'], 'p2', '2026-03-08T03:00', 60);
    const draft = { resourceIds: ['dr-night'], patientId: 'p1', durationMinutes: 60, stepMinutes: 60 };
    const found = await nearestOpenings(fixture.db, { ...draft, at: '2026-03-08T07:00:00.000Z' }, { now });
    // 01:00 EST runs to 03:00 EDT (one real hour); 04:00 EDT after the visit.
    expect(starts(found)).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T08:00:00.000Z']);
    expect(found.before?.end).toBe('2026-03-08T07:00:00.000Z');
    await expectBookable(fixture, found, draft);
  });

  it('leaves the booking being moved out of its own way', async () => {
    const fixture = await clinicFixture(now);
    const own = await book(fixture, ['dr-lee'], 'p1', '2026-01-05T10:00', 30);
    await book(fixture, ['dr-lee'], 'p2', '2026-01-05T10:30', 30);
    const draft = { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 30, at: iso('2026-01-05T10:30') };
    expect((await nearestOpenings(fixture.db, draft, { now })).before?.start).toBe(iso('2026-01-05T09:30'));
    const moving = await nearestOpenings(fixture.db, { ...draft, excluding: { appointmentId: own.appointment.id } }, { now });
    expect(starts(moving)).toEqual([iso('2026-01-05T10:00'), iso('2026-01-05T11:00')]);
    await expectBookable(fixture, moving, { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 30, excluding: { appointmentId: own.appointment.id } });
  });

  it('says why when nothing fits on either side', async () => {
    const fixture = await clinicFixture(now);
    await fixture.must('resource/save', { id: 'dr-new', kind: 'provider', name: 'Dr New', timeZone: zone }, manager);
    const none = await nearestOpenings(fixture.db, { resourceIds: ['dr-new'], patientId: null, durationMinutes: 30, at: iso('2026-01-05T10:00') }, { now });
    expect(none).toMatchObject({ reasons: [{ resourceId: 'dr-new', reason: 'no-hours' }], searchedTo: iso('2026-03-02T10:00') });
    expect(starts(none)).toEqual([undefined, undefined]);
    const long = await nearestOpenings(fixture.db, { resourceIds: ['dr-lee'], patientId: null, durationMinutes: 660, at: iso('2026-01-05T08:00') }, { now });
    expect(long.reasons).toEqual([{ resourceId: 'dr-lee', reason: 'too-short', longestMinutes: 600 }]);
  });

  it('refuses bad input by its field', async () => {
    const fixture = await clinicFixture(now);
    const draft = { resourceIds: ['dr-lee', 'dr-who'], durationMinutes: 30, at: iso('2026-01-05T10:00') };
    await expect(nearestOpenings(fixture.db, draft, { now })).rejects.toMatchObject({ code: 'unknown-entity', field: 'resourceIds.1' });
    await expect(nearestOpenings(fixture.db, { ...draft, resourceIds: ['dr-lee'], durationMinutes: 0 }, { now })).rejects.toMatchObject({ field: 'durationMinutes' });
    await expect(nearestOpenings(fixture.db, { ...draft, resourceIds: ['dr-lee'], at: 'Monday' }, { now })).rejects.toMatchObject({ field: 'at' });
  });
});
