// liveQuery only runs where a global indexedDB exists (Dexie checks it before
// every query); the databases themselves still get their own fresh factory.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk } from '../commands/commands.fixture';
import { calendarRange, dayRange, weekRange } from './calendar-range';
import { patientAppointments } from './patient-appointments';

// Fixture "now" is 2026-01-02; US DST starts Sunday 2026-03-08 and ends Sunday 2026-11-01.
const weekly = { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-03-02T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4' };

const startsOf = (items: Awaited<ReturnType<typeof calendarRange>>) =>
  items.map((item) => (item.kind === 'appointment' ? `A ${item.appointment.start}` : `O ${item.occurrence.start} ${item.occurrence.status}`));

describe('calendarRange', () => {
  it('expands a weekly series across the March DST change in America/New_York at the same wall time', async () => {
    const { db, must } = await clinicFixture();
    await must('series/create', weekly, frontDesk);
    const week = weekRange('2026-03-01', 'America/New_York');
    const twoWeeks = { from: week.from, to: weekRange('2026-03-15', 'America/New_York').from };
    const items = await calendarRange(db, { resourceIds: ['dr-lee'], ...twoWeeks });
    // 09:00 EST is 14:00Z before the change, 09:00 EDT is 13:00Z after it.
    expect(startsOf(items)).toEqual(['O 2026-03-02T14:00:00.000Z booked', 'O 2026-03-09T13:00:00.000Z booked']);
    expect(items.every((item) => item.kind === 'occurrence' && item.occurrence.wallStart.endsWith('T09:00:00'))).toBe(true);
  });

  it('merges stored appointments and occurrences, applies exceptions and skips other resources', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-03-09T09:00', reason: 'Dr Lee away' }, frontDesk);
    await must('occurrence/edit', { seriesId: series.id, originalStart: '2026-03-16T09:00', wallStart: '2026-03-17T11:00' }, frontDesk);
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-03-09T10:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    await must('appointment/book', { resourceIds: ['room-1'], patientId: 'p2', wallStart: '2026-03-10T10:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);

    const range = { from: dayRange('2026-03-09', 'America/New_York').from, to: dayRange('2026-03-21', 'America/New_York').from };
    expect(startsOf(await calendarRange(db, { resourceIds: ['dr-lee'], ...range }))).toEqual([
      'O 2026-03-09T13:00:00.000Z cancelled',
      'A 2026-03-09T14:00:00.000Z',
      'O 2026-03-17T15:00:00.000Z booked',
    ]);
    expect(startsOf(await calendarRange(db, { resourceIds: ['dr-lee'], ...range, includeCancelled: false }))).toHaveLength(2);
  });

  it('finds an appointment that started the evening before and runs into the day', async () => {
    const { db, must } = await clinicFixture();
    await must('appointment/book', { resourceIds: ['room-1'], patientId: 'p1', wallStart: '2026-01-05T23:00', timeZone: 'America/New_York', durationMinutes: 120 }, frontDesk);
    const items = await calendarRange(db, { resourceIds: ['room-1'], ...dayRange('2026-01-06', 'America/New_York') });
    expect(startsOf(items)).toEqual(['A 2026-01-06T04:00:00.000Z']);
    expect(await calendarRange(db, { resourceIds: ['room-1'], ...dayRange('2026-01-07', 'America/New_York') })).toEqual([]);
  });

  it('is a 23-hour day on the spring-forward date', () => {
    const day = dayRange('2026-03-08', 'America/New_York');
    expect(day.to - day.from).toBe(23 * 3_600_000);
  });

  it('updates a liveQuery subscriber after a booking', async () => {
    const { db, must } = await clinicFixture();
    const seen: number[] = [];
    const day = dayRange('2026-01-05', 'America/New_York');
    const subscription = liveQuery(() => calendarRange(db, { resourceIds: ['dr-lee'], ...day })).subscribe((items) => seen.push(items.length));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    await new Promise((resolve) => setTimeout(resolve, 100));
    subscription.unsubscribe();
    expect(seen).toEqual([0, 1]);
  });
});

describe('patientAppointments', () => {
  it("lists a patient's stored appointments and, in a window, their series occurrences", async () => {
    const { db, must } = await clinicFixture();
    await must('series/create', weekly, frontDesk);
    const { appointment } = await must('appointment/book', { resourceIds: ['room-1'], patientId: 'p1', wallStart: '2026-02-02T10:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    await must('appointment/book', { resourceIds: ['room-1'], patientId: 'p2', wallStart: '2026-02-03T10:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    expect((await patientAppointments(db, 'p1')).map((item) => item.kind)).toEqual(['appointment']);
    const year = { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') };
    const all = await patientAppointments(db, 'p1', year);
    expect(all).toHaveLength(5);
    expect(all[0]).toMatchObject({ kind: 'appointment', appointment: { id: appointment.id } });
  });
});
