import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from '../commands/commands.fixture';
import { findOpenings } from './find-openings';
import type { OpeningQuery } from './opening-query';

const monday = '2026-01-05T05:00:00.000Z'; // 00:00 in New York
const base: OpeningQuery = { durationMinutes: 60, providers: ['dr-lee'], from: monday, stepMinutes: 60, limit: 3 };
const starts = (openings: { start: string }[]) => openings.map((opening) => opening.start);

describe('findOpenings', () => {
  it('starts with the earliest working hour, past bookings and breaks', async () => {
    const { db, must } = await clinicFixture();
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T08:00', timeZone: 'America/New_York', durationMinutes: 45 }, frontDesk);
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'break', wallStart: '2026-01-05T10:00', wallEnd: '2026-01-05T11:00' } }, manager);
    // 08:00–08:45 booked: the gap starts 08:45 (offered though off the hour grid); 09:00, then 11:00 after the break.
    expect(await findOpenings(db, base)).toEqual([
      { start: '2026-01-05T13:45:00.000Z', end: '2026-01-05T14:45:00.000Z', providerId: 'dr-lee' },
      { start: '2026-01-05T14:00:00.000Z', end: '2026-01-05T15:00:00.000Z', providerId: 'dr-lee' },
      { start: '2026-01-05T16:00:00.000Z', end: '2026-01-05T17:00:00.000Z', providerId: 'dr-lee' },
    ]);
  });

  it('needs the room free too, and never books the patient twice', async () => {
    const { db, must } = await clinicFixture();
    await must('resource/save', { id: 'room-2', kind: 'room', name: 'Room 2', timeZone: 'America/New_York' }, manager);
    await must('schedule/save-block', { block: { resourceId: 'room-2', kind: 'working', wallStart: '2026-01-05T10:00', wallEnd: '2026-01-05T18:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' } }, manager);
    await must('appointment/book', { resourceIds: ['room-1'], patientId: 'p2', wallStart: '2026-01-05T08:00', timeZone: 'America/New_York', durationMinutes: 120 }, frontDesk);
    // Room 1 is taken 08:00–10:00 and Room 2 opens at 10:00.
    const withRoom = await findOpenings(db, { ...base, rooms: ['room-1', 'room-2'], limit: 2 });
    expect(withRoom.map((opening) => [opening.start, opening.roomId])).toEqual([
      ['2026-01-05T15:00:00.000Z', 'room-1'],
      ['2026-01-05T16:00:00.000Z', 'room-1'],
    ]);
    // p1 is with Room 2's schedule's provider elsewhere 08:00–09:00: not then.
    await must('appointment/book', { resourceIds: ['room-2'], patientId: 'p1', wallStart: '2026-01-05T10:00', timeZone: 'America/New_York', durationMinutes: 60 }, frontDesk);
    expect(starts(await findOpenings(db, { ...base, patientId: 'p1', limit: 3 }))).toEqual(['2026-01-05T13:00:00.000Z', '2026-01-05T14:00:00.000Z', '2026-01-05T16:00:00.000Z']);
  });

  it('keeps to the wanted weekdays and times of day on the provider’s clock', async () => {
    const { db } = await clinicFixture();
    const query = { ...base, weekdays: [5], timeOfDay: [{ start: '14:00', end: '16:30' }], limit: 3 };
    // Fridays 14:00–16:30: two one-hour visits fit each Friday (14:00, 15:00; 15:30 would end 16:30 too — the span's grid is hourly).
    expect(starts(await findOpenings(db, query))).toEqual(['2026-01-09T19:00:00.000Z', '2026-01-09T20:00:00.000Z', '2026-01-16T19:00:00.000Z']);
  });

  it('merges several providers earliest first, each in its own zone', async () => {
    const { db, must } = await clinicFixture();
    await must('resource/save', { id: 'dr-kaur', kind: 'provider', name: 'Dr Kaur', timeZone: 'Asia/Kolkata' }, manager);
    await must('schedule/save-block', { block: { resourceId: 'dr-kaur', kind: 'working', wallStart: '2026-01-05T09:00', wallEnd: '2026-01-05T11:00', rrule: 'FREQ=DAILY' } }, manager);
    // Dr Kaur's 09:00 Kolkata (03:30Z) is before Dr Lee's 08:00 New York (13:00Z); her mornings-only filter is her clock's.
    const openings = await findOpenings(db, { ...base, from: '2026-01-04T12:00:00.000Z', providers: { kind: 'provider' }, timeOfDay: [{ start: '08:00', end: '12:00' }], limit: 4 });
    expect(openings.map((opening) => [opening.start, opening.providerId])).toEqual([
      ['2026-01-05T03:30:00.000Z', 'dr-kaur'],
      ['2026-01-05T04:30:00.000Z', 'dr-kaur'],
      ['2026-01-05T13:00:00.000Z', 'dr-lee'],
      ['2026-01-05T14:00:00.000Z', 'dr-lee'],
    ]);
  });

  it('offers a soft blockout naming it, never a hard one', async () => {
    const { db, must } = await clinicFixture();
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'blockout', blockoutType: 'Emergencies only', enforcement: 'soft', wallStart: '2026-01-05T08:00', wallEnd: '2026-01-05T09:00' } }, manager);
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'blockout', blockoutType: 'Staff meeting', enforcement: 'hard', wallStart: '2026-01-05T09:00', wallEnd: '2026-01-05T10:00' } }, manager);
    const openings = await findOpenings(db, { ...base, limit: 2 });
    expect(openings).toEqual([
      { start: '2026-01-05T13:00:00.000Z', end: '2026-01-05T14:00:00.000Z', providerId: 'dr-lee', soft: ['Emergencies only'] },
      { start: '2026-01-05T15:00:00.000Z', end: '2026-01-05T16:00:00.000Z', providerId: 'dr-lee' },
    ]);
  });

  it('finds a far opening past weeks of full days, and stops at the end of the range', async () => {
    const { db, must } = await clinicFixture();
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'leave', reason: 'Sabbatical', wallStart: '2026-01-05T00:00', wallEnd: '2026-02-16T00:00' } }, manager);
    expect(starts(await findOpenings(db, { ...base, limit: 1 }))).toEqual(['2026-02-16T13:00:00.000Z']);
    expect(await findOpenings(db, { ...base, to: '2026-02-16T13:00:00.000Z' })).toEqual([]);
  });

  it('finds a 30-minute opening on the nights clocks change, in New York, London and Sydney', async () => {
    const { db, must } = await clinicFixture();
    const nights = [
      ['ny', 'America/New_York', '2026-03-08'], // 02:00 → 03:00
      ['ldn', 'Europe/London', '2026-10-25'], // 02:00 → 01:00
      ['syd', 'Australia/Sydney', '2026-04-05'], // 03:00 → 02:00
    ] as const;
    for (const [id, timeZone, date] of nights) {
      await must('resource/save', { id, kind: 'provider', name: id, timeZone }, manager);
      await must('schedule/save-block', { block: { resourceId: id, kind: 'working', wallStart: `${date}T00:00`, wallEnd: `${date}T04:00` } }, manager);
    }
    const night = async (id: string, from: string) => (await findOpenings(db, { durationMinutes: 30, providers: [id], from, stepMinutes: 30, limit: 20 })).map((opening) => opening.start);
    // New York loses 02:00–03:00: 00:00 … 01:30, then 03:00, 03:30 — six starts in three real hours.
    expect(await night('ny', '2026-03-08T05:00:00Z')).toEqual(['05:00', '05:30', '06:00', '06:30', '07:00', '07:30'].map((time) => `2026-03-08T${time}:00.000Z`));
    // London repeats 01:00–02:00: four wall hours are five real ones, ten starts.
    expect(await night('ldn', '2026-10-24T23:00:00Z')).toHaveLength(10);
    // Sydney repeats 02:00–03:00: the first start is 00:00 AEDT (13:00Z the day before).
    const sydney = await night('syd', '2026-04-04T00:00:00Z');
    expect(sydney[0]).toBe('2026-04-04T13:00:00.000Z');
    expect(sydney).toHaveLength(10);
  });

  it('refuses an unknown, inactive or mistaken resource by its field', async () => {
    const { db, must } = await clinicFixture();
    await expect(findOpenings(db, { ...base, providers: ['dr-lee', 'dr-who'] })).rejects.toMatchObject({ code: 'unknown-entity', field: 'providers.1' });
    await expect(findOpenings(db, { ...base, providers: ['room-1'] })).rejects.toMatchObject({ code: 'unknown-entity', field: 'providers.0' });
    await expect(findOpenings(db, { ...base, rooms: ['nowhere'] })).rejects.toMatchObject({ code: 'unknown-entity', field: 'rooms.0' });
    await must('resource/save', { id: 'dr-gone', kind: 'provider', name: 'Dr Gone', timeZone: 'America/New_York', active: false }, manager);
    await expect(findOpenings(db, { ...base, providers: ['dr-gone'] })).rejects.toMatchObject({ code: 'inactive-resource', field: 'providers.0' });
  });
});
