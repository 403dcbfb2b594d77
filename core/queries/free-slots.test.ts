import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from '../commands/commands.fixture';
import { freeSlots } from './free-slots';

const walls = (slots: Awaited<ReturnType<typeof freeSlots>>) => slots.map((slot) => slot.wallStart.slice(11, 16));

describe('freeSlots', () => {
  it('offers the working hours on the grid, minus bookings and breaks', async () => {
    const { db, must } = await clinicFixture();
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'break', wallStart: '2026-01-05T12:00', wallEnd: '2026-01-05T13:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' } }, manager);
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 45 }, frontDesk);
    const slots = await freeSlots(db, { resourceId: 'dr-lee', durationMinutes: 60, date: '2026-01-05', stepMinutes: 60 });
    // 08:00–18:00 Monday; 09:00–09:45 is booked (so 09:00 is not free), 12:00–13:00 is a break.
    expect(walls(slots)).toEqual(['08:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00', '17:00']);
    expect(slots[0]).toEqual({ start: '2026-01-05T13:00:00.000Z', end: '2026-01-05T14:00:00.000Z', wallStart: '2026-01-05T08:00:00' });
  });

  it('counts series occurrences as busy, and frees cancelled ones', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T08:00', timeZone: 'America/New_York', durationMinutes: 60, rrule: 'FREQ=WEEKLY;COUNT=3' }, frontDesk);
    const query = { resourceId: 'dr-lee', durationMinutes: 60, date: '2026-01-12', stepMinutes: 60 } as const;
    expect(walls(await freeSlots(db, query))[0]).toBe('09:00');
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-01-12T08:00', reason: 'Holiday' }, frontDesk);
    expect(walls(await freeSlots(db, query))[0]).toBe('08:00');
  });

  it('offers nothing on a closed day or a day without hours', async () => {
    const { db, must } = await clinicFixture();
    await must('closure/save', { resourceId: null, startDate: '2026-01-19', endDate: '2026-01-19', reason: 'MLK Day' }, manager);
    expect(await freeSlots(db, { resourceId: 'dr-lee', durationMinutes: 30, date: '2026-01-19' })).toEqual([]);
    expect(await freeSlots(db, { resourceId: 'dr-lee', durationMinutes: 30, date: '2026-01-17' })).toEqual([]); // Saturday
    expect(await freeSlots(db, { resourceId: 'dr-lee', durationMinutes: 30, date: '2026-01-20' })).toHaveLength(39); // 08:00 … 17:30 every 15 minutes
  });

  it('keeps 08:00–18:00 wall hours on the DST change week', async () => {
    const { db } = await clinicFixture();
    const slots = await freeSlots(db, { resourceId: 'dr-lee', durationMinutes: 600, date: '2026-03-06', days: 4, stepMinutes: 60 });
    expect(slots.map((slot) => [slot.wallStart, slot.start])).toEqual([
      ['2026-03-06T08:00:00', '2026-03-06T13:00:00.000Z'],
      ['2026-03-09T08:00:00', '2026-03-09T12:00:00.000Z'],
    ]);
  });

  it('lets a room with capacity 2 take a second booking', async () => {
    const { db, must } = await clinicFixture();
    await must('resource/save', { id: 'group', kind: 'room', name: 'Group room', capacity: 2, timeZone: 'America/New_York' }, manager);
    await must('schedule/save-block', { block: { resourceId: 'group', kind: 'working', wallStart: '2026-01-05T09:00', wallEnd: '2026-01-05T10:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' } }, manager);
    const book = (patientId: string) => must('appointment/book', { resourceIds: ['group'], patientId, wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 60 }, frontDesk);
    await book('p1');
    expect(await freeSlots(db, { resourceId: 'group', durationMinutes: 60, date: '2026-01-05' })).toHaveLength(1);
    await book('p2');
    expect(await freeSlots(db, { resourceId: 'group', durationMinutes: 60, date: '2026-01-05' })).toEqual([]);
  });

  it('offers a soft blockout’s slots naming it, and none in a hard blockout or leave', async () => {
    const { db, must } = await clinicFixture();
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'blockout', blockoutType: 'Emergencies only', enforcement: 'soft', wallStart: '2026-01-05T08:00', wallEnd: '2026-01-05T10:00' } }, manager);
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'blockout', blockoutType: 'Staff meeting', enforcement: 'hard', wallStart: '2026-01-05T13:00', wallEnd: '2026-01-05T14:00' } }, manager);
    await must('schedule/save-block', { block: { resourceId: 'dr-lee', kind: 'leave', reason: 'Dentist', wallStart: '2026-01-05T16:00', wallEnd: '2026-01-05T18:00' } }, manager);
    const slots = await freeSlots(db, { resourceId: 'dr-lee', durationMinutes: 60, date: '2026-01-05', stepMinutes: 60 });
    expect(walls(slots)).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '14:00', '15:00']);
    expect(slots[0]?.soft).toEqual([{ blockId: expect.any(String), label: 'Emergencies only' }]);
    expect(slots[2]?.soft).toBeUndefined();
  });

  it('refuses an unknown resource, naming the field', async () => {
    const { db } = await clinicFixture();
    await expect(freeSlots(db, { resourceId: 'nobody', durationMinutes: 30, date: '2026-01-05' })).rejects.toMatchObject({ code: 'unknown-entity', field: 'resourceId' });
  });
});
