import { describe, expect, it } from 'vitest';
import { calendarRange } from '../queries';
import { clinicFixture, dumpStoredState, frontDesk } from './commands.fixture';
import { firstUnstartedOccurrence } from './series-cancel';

// Mondays 09:00 New York from 5 Jan 2026, ten visits (the last on 9 Mar, after the 8 Mar clock change).
const weekly = { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' };
const year = { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') };

type Db = Awaited<ReturnType<typeof clinicFixture>>['db'];

/** What the day sheet would show on Dr Lee, booked visits only: `series|appointment wallStart`. */
async function bookedVisits(db: Db) {
  return (await calendarRange(db, { resourceIds: ['dr-lee'], ...year, includeCancelled: false }))
    .filter((item) => item.kind === 'occurrence' || item.appointment.status !== 'cancelled')
    .map((item) => (item.kind === 'occurrence' ? `series ${item.occurrence.wallStart.slice(0, 16)}` : `appointment ${item.appointment.wallStart.slice(0, 16)} ${item.appointment.status}`));
}

const lastEntries = async (db: Db, count: number) => (await db.audit.orderBy('[deviceId+seq]').toArray()).slice(-count);

describe('series/cancel-following', () => {
  it('ends the series before the chosen visit; earlier visits stay; the reason is audited', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('occurrence/edit', { seriesId: series.id, originalStart: '2026-02-16T09:00', wallStart: '2026-02-17T11:00' }, frontDesk);
    const result = await must('series/cancel-following', { seriesId: series.id, fromOriginalStart: '2026-02-09T09:00', reason: '  Moved to another clinic ' }, frontDesk);
    expect(result).toMatchObject({ cancelledFrom: '2026-02-09T09:00:00', series: { id: series.id, rrule: 'FREQ=WEEKLY;COUNT=5', version: 1 } });
    expect(await bookedVisits(db)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'].map((day) => `series ${day}T09:00`));
    // The moved visit of 16 Feb belonged to the tail: its exception is gone with it.
    expect(await db.seriesExceptions.count()).toBe(0);
    const [entry] = await lastEntries(db, 1);
    expect(entry).toMatchObject({
      action: 'SERIES_CANCELLED',
      entityType: 'series',
      entityId: series.id,
      patientId: 'p1',
      reason: 'Moved to another clinic',
      changes: { rrule: { before: 'FREQ=WEEKLY;COUNT=10', after: 'FREQ=WEEKLY;COUNT=5' }, cancelledFrom: { before: null, after: '2026-02-09T09:00:00' } },
    });
    const outbox = await db.outbox.orderBy('deviceSeq').last();
    expect(outbox).toMatchObject({ name: 'series/cancel-following', args: { seriesId: series.id, reason: 'Moved to another clinic' } });
    // The series comes first: the sync server checks a mutation's first put against its baseVersion.
    expect(outbox).toMatchObject({ baseVersion: 0 });
    expect(outbox?.effects.map((effect) => `${effect.entity} ${effect.op}`)).toEqual(['series put', 'seriesException delete']);
  });

  it('refuses without a reason or at a start the series does not have, and writes nothing', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const before = await dumpStoredState(db);
    const key = { seriesId: series.id, fromOriginalStart: '2026-02-09T09:00' };
    expect(await commands.run('series/cancel-following', key, frontDesk)).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'reason' } });
    expect(await commands.run('series/cancel-following', { ...key, reason: '   ' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'reason' } });
    expect(await commands.run('series/cancel-following', { ...key, fromOriginalStart: '2026-02-10T09:00', reason: 'Away' }, frontDesk)).toMatchObject({
      ok: false,
      error: { code: 'unknown-entity', field: 'fromOriginalStart' },
    });
    expect(await commands.run('series/cancel-following', { ...key, seriesId: 'nope', reason: 'Away' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'seriesId' } });
    expect(await commands.run('series/cancel-following', { ...key, fromOriginalStart: '9 Feb', reason: 'Away' }, frontDesk)).toMatchObject({ ok: false, error: { field: 'fromOriginalStart' } });
    expect(await dumpStoredState(db)).toEqual(before);
  });

  it('cancels a visit of the tail that was saved as an appointment and is booked again after an undo', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const saved = await must('occurrence/change-status', { seriesId: series.id, originalStart: '2026-02-23T09:00', to: 'arrived' }, frontDesk);
    await must('appointment/undo-status', { appointmentId: saved.id }, frontDesk);
    await must('series/cancel-following', { seriesId: series.id, fromOriginalStart: '2026-02-09T09:00', reason: 'Moved away' }, frontDesk);
    expect(await db.appointments.get(saved.id)).toMatchObject({ status: 'cancelled' });
    expect((await lastEntries(db, 2)).map((entry) => [entry.action, entry.reason])).toEqual([
      ['SERIES_CANCELLED', 'Moved away'],
      ['APPOINTMENT_CANCELLED', 'Moved away'],
    ]);
  });

  it('from the first visit removes the series (a synced delete)', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const result = await must('series/cancel-following', { seriesId: series.id, fromOriginalStart: '2026-01-05T09:00', reason: 'Booked by mistake' }, frontDesk);
    expect(result.series).toBeNull();
    expect(await db.series.count()).toBe(0);
    expect(await bookedVisits(db)).toEqual([]);
    expect((await db.outbox.orderBy('deviceSeq').last())?.effects).toEqual([{ entity: 'series', id: series.id, op: 'delete' }]);
    expect((await lastEntries(db, 1))[0]).toMatchObject({ action: 'SERIES_CANCELLED', reason: 'Booked by mistake', changes: { removed: { before: 'FREQ=WEEKLY;COUNT=10', after: null } } });
  });
});

describe('series/cancel-all', () => {
  it('cancels only what has not started: past visits and visits in progress stay', async () => {
    const { db, clock, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    clock.now = Date.parse('2026-01-26T14:10:00Z'); // 09:10 in New York: the 26 Jan visit is under way
    const result = await must('series/cancel-all', { seriesId: series.id, reason: 'Treatment finished early' }, frontDesk);
    expect(result).toMatchObject({ cancelledFrom: '2026-02-02T09:00:00', series: { rrule: 'FREQ=WEEKLY;COUNT=4' } });
    expect(await bookedVisits(db)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'].map((day) => `series ${day}T09:00`));
    expect((await lastEntries(db, 1))[0]).toMatchObject({ action: 'SERIES_CANCELLED', reason: 'Treatment finished early', changes: { cancelledFrom: { after: '2026-02-02T09:00:00' } } });
  });

  it('keeps a later visit that was moved into the past and a visit marked arrived; cancels a future moved visit', async () => {
    const { db, clock, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    // 9 Feb's visit was held early, on 20 Jan; 19 Jan's was moved out to 10 Feb.
    await must('occurrence/edit', { seriesId: series.id, originalStart: '2026-02-09T09:00', wallStart: '2026-01-20T11:00' }, frontDesk);
    await must('occurrence/edit', { seriesId: series.id, originalStart: '2026-01-19T09:00', wallStart: '2026-02-10T11:00' }, frontDesk);
    clock.now = Date.parse('2026-01-29T15:00:00Z');
    // The patient of 2 Feb already arrived (early, today): that visit is an appointment and stays.
    const arrived = await must('occurrence/change-status', { seriesId: series.id, originalStart: '2026-02-02T09:00', to: 'arrived' }, frontDesk);
    const result = await must('series/cancel-all', { seriesId: series.id, reason: 'Moved away' }, frontDesk);
    // 2 Feb stays on the rule only as the saved appointment; 9 Feb (held on 20 Jan) stays, so the cut is after it.
    expect(result.cancelledFrom).toBe('2026-02-16T09:00:00');
    expect(result.cancelledOccurrences).toEqual(['2026-01-19T09:00:00']);
    expect(await db.appointments.get(arrived.id)).toMatchObject({ status: 'arrived' });
    expect(await bookedVisits(db)).toEqual([
      'series 2026-01-05T09:00',
      'series 2026-01-12T09:00',
      'series 2026-01-20T11:00',
      'series 2026-01-26T09:00',
      'appointment 2026-02-02T09:00 arrived',
    ]);
    expect((await lastEntries(db, 2)).map((entry) => [entry.action, entry.entityId, entry.reason])).toEqual([
      ['SERIES_CANCELLED', series.id, 'Moved away'],
      ['OCCURRENCE_CANCELLED', `${series.id}:20260119T090000`, 'Moved away'],
    ]);
  });

  it('cancels a visit before the cut one by one when it has not started (the cut had to pass a visit held early)', async () => {
    const { db, clock, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('occurrence/edit', { seriesId: series.id, originalStart: '2026-02-09T09:00', wallStart: '2026-01-20T11:00' }, frontDesk);
    clock.now = Date.parse('2026-01-29T15:00:00Z');
    const result = await must('series/cancel-all', { seriesId: series.id, reason: 'Moved away' }, frontDesk);
    expect(result).toMatchObject({ cancelledFrom: '2026-02-16T09:00:00', cancelledOccurrences: ['2026-02-02T09:00:00'] });
    expect(await bookedVisits(db)).toEqual(['series 2026-01-05T09:00', 'series 2026-01-12T09:00', 'series 2026-01-19T09:00', 'series 2026-01-20T11:00', 'series 2026-01-26T09:00']);
  });

  it('refuses when nothing is left to cancel, and writes nothing', async () => {
    const { db, clock, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    clock.now = Date.parse('2026-03-10T12:00:00Z');
    const before = await dumpStoredState(db);
    expect(await commands.run('series/cancel-all', { seriesId: series.id, reason: 'Done' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'nothing-to-cancel', field: 'seriesId' } });
    expect(await commands.run('series/cancel-all', { seriesId: series.id }, frontDesk)).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'reason' } });
    expect(await dumpStoredState(db)).toEqual(before);
  });
});

describe('firstUnstartedOccurrence', () => {
  const series = { id: 's1', ...weekly, dtstart: '2026-01-05T09:00:00', exdates: [], rdates: [], version: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

  it('is the first visit starting at or after now, on the clinic clock across a DST change', () => {
    expect(firstUnstartedOccurrence(series, [], Date.parse('2026-01-05T14:00:00Z'))).toBe('2026-01-05T09:00:00');
    expect(firstUnstartedOccurrence(series, [], Date.parse('2026-01-05T14:00:01Z'))).toBe('2026-01-12T09:00:00');
    // 9 Mar is after the spring-forward: 09:00 EDT is 13:00Z, so 13:30Z has passed it.
    expect(firstUnstartedOccurrence(series, [], Date.parse('2026-03-09T12:59:00Z'))).toBe('2026-03-09T09:00:00');
    expect(firstUnstartedOccurrence(series, [], Date.parse('2026-03-09T13:30:00Z'))).toBeNull();
  });
});
