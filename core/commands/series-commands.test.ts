import { describe, expect, it } from 'vitest';
import { calendarRange } from '../queries';
import { clinicFixture, frontDesk, manager } from './commands.fixture';

const weekly = { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' };
const year = { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') };

async function occurrenceStarts(db: Awaited<ReturnType<typeof clinicFixture>>['db'], resourceId = 'dr-lee') {
  return (await calendarRange(db, { resourceIds: [resourceId], ...year, includeCancelled: false })).map((item) =>
    item.kind === 'occurrence' ? `${item.occurrence.seriesId} ${item.occurrence.wallStart}` : `appointment ${item.appointment.wallStart}`,
  );
}

describe('series/create', () => {
  it('stores the rule (not its occurrences) and audits SERIES_CREATED', async () => {
    const { db, must } = await clinicFixture();
    const saved = await must('series/create', weekly, frontDesk);
    expect(saved).toMatchObject({ occurrenceCount: 10, series: { rrule: 'FREQ=WEEKLY;COUNT=10', version: 0 } });
    expect(await db.appointments.count()).toBe(0);
    expect(await occurrenceStarts(db)).toHaveLength(10);
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'SERIES_CREATED', entityType: 'series', entityId: saved.series.id, changes: { rrule: { before: null, after: 'FREQ=WEEKLY;COUNT=10' } } });
  });

  it('refuses a malformed rule and one that produces nothing', async () => {
    const { commands } = await clinicFixture();
    expect(await commands.run('series/create', { ...weekly, rrule: 'WEEKLY' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-rrule', field: 'rrule' } });
    expect(await commands.run('series/create', { ...weekly, rrule: 'FREQ=WEEKLY;COUNT=1', exdates: ['2026-01-05T09:00'] }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-rrule' } });
  });

  it('refuses when one occurrence hits a stored appointment, and a manager can override', async () => {
    const { commands, must } = await clinicFixture();
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-02-16T09:15', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    const refused = await commands.run('series/create', weekly, frontDesk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [{ kind: 'resource-double-booked', candidateStart: '2026-02-16T14:00:00.000Z' }] } });
    const overridden = await commands.run('series/create', { ...weekly, override: { reason: 'Double-booked on purpose' } }, manager);
    expect(overridden.ok).toBe(true);
  });

  it('refuses occurrences on a clinic closure', async () => {
    const { commands, must } = await clinicFixture();
    await must('closure/save', { resourceId: null, startDate: '2026-01-19', endDate: '2026-01-19', reason: 'MLK Day' }, manager);
    expect(await commands.run('series/create', weekly, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [{ kind: 'closed', closureReason: 'MLK Day' }] } });
  });
});

describe('occurrence/edit and occurrence/cancel', () => {
  it('moves one occurrence only, checked like a booking', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-01-13T11:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    const key = { seriesId: series.id, originalStart: '2026-01-12T09:00' };
    expect(await commands.run('occurrence/edit', { ...key, wallStart: '2026-01-13T11:00' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });
    expect(await commands.run('occurrence/edit', { ...key, originalStart: '2026-01-12T10:00', wallStart: '2026-01-13T14:00' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'originalStart' } });
    await must('occurrence/edit', { ...key, wallStart: '2026-01-13T14:00', durationMinutes: 45 }, frontDesk);
    const starts = await occurrenceStarts(db);
    expect(starts).toContain(`${series.id} 2026-01-13T14:00:00`);
    expect(starts).not.toContain(`${series.id} 2026-01-12T09:00:00`);
    expect(starts).toContain(`${series.id} 2026-01-19T09:00:00`);
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({
      action: 'OCCURRENCE_MOVED',
      entityId: `${series.id}:20260112T090000`,
      changes: { wallStart: { before: '2026-01-12T09:00:00', after: '2026-01-13T14:00:00' }, durationMinutes: { before: 30, after: 45 } },
    });
  });

  it('cancels one occurrence with a reason and frees its slot', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const key = { seriesId: series.id, originalStart: '2026-01-26T09:00' };
    expect(await commands.run('occurrence/cancel', key, frontDesk)).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'reason' } });
    await must('occurrence/cancel', { ...key, reason: 'Patient travelling' }, frontDesk);
    expect(await occurrenceStarts(db)).toHaveLength(9);
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'OCCURRENCE_CANCELLED', reason: 'Patient travelling' });
    expect((await commands.run('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-01-26T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk)).ok).toBe(true);
  });
});

describe('occurrence/change-status', () => {
  it('saves the occurrence as an appointment on its first status change; the calendar shows it once', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const key = { seriesId: series.id, originalStart: '2026-01-12T09:00' };
    const arrived = await must('occurrence/change-status', { ...key, to: 'arrived' }, frontDesk);
    expect(arrived).toMatchObject({ seriesId: series.id, originalStart: '2026-01-12T09:00:00', status: 'arrived', start: '2026-01-12T14:00:00.000Z' });
    const inRoom = await must('occurrence/change-status', { ...key, to: 'in_room' }, frontDesk);
    expect(inRoom).toMatchObject({ id: arrived.id, status: 'in_room', version: 1 });
    expect(await db.appointments.count()).toBe(1);
    const starts = await occurrenceStarts(db);
    expect(starts).toHaveLength(10);
    expect(starts).toContain('appointment 2026-01-12T09:00:00');
    expect(await commands.run('occurrence/change-status', { ...key, to: 'booked' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition' } });
  });

  it('refuses to progress a cancelled occurrence or one the series does not have', async () => {
    const { commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-01-12T09:00', reason: 'Away' }, frontDesk);
    expect(await commands.run('occurrence/change-status', { seriesId: series.id, originalStart: '2026-01-12T09:00', to: 'arrived' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition' } });
    expect(await commands.run('occurrence/change-status', { seriesId: series.id, originalStart: '2026-01-13T09:00', to: 'arrived' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'originalStart' } });
  });
});

describe('series/edit-all and series/edit-following', () => {
  it('edits every occurrence and keeps exceptions', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-01-12T09:00', reason: 'Away' }, frontDesk);
    expect(await commands.run('series/edit-all', { seriesId: series.id, changes: { durationMinutes: 3 } }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-duration', field: 'changes.durationMinutes' } });
    const saved = await must('series/edit-all', { seriesId: series.id, changes: { durationMinutes: 45, resourceIds: ['dr-lee', 'room-1'] } }, frontDesk);
    expect(saved).toMatchObject({ occurrenceCount: 9, series: { version: 1, durationMinutes: 45 } });
    expect(await occurrenceStarts(db, 'room-1')).toHaveLength(9);
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'SERIES_EDITED', changes: { durationMinutes: { before: 30, after: 45 } } });
  });

  it('edit-all carries exceptions along with a new start time and drops (and lists) those the new rule lacks', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-01-12T09:00', reason: 'Away' }, frontDesk);
    await must('series/edit-all', { seriesId: series.id, changes: { dtstart: '2026-01-05T11:00' } }, frontDesk);
    expect(await db.seriesExceptions.where('seriesId').equals(series.id).toArray()).toMatchObject([{ kind: 'cancelled', originalStart: '2026-01-12T11:00:00' }]);
    expect(await occurrenceStarts(db)).toHaveLength(9);

    await must('series/edit-all', { seriesId: series.id, changes: { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=5' } }, frontDesk);
    expect(await db.seriesExceptions.where('seriesId').equals(series.id).count()).toBe(0);
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes['droppedExceptions']).toEqual({ before: ['2026-01-12T11:00:00'], after: null });
    expect(await occurrenceStarts(db)).toHaveLength(5);
  });

  it('edit-all is refused over a conflict unless a manager overrides', async () => {
    const { commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('appointment/book', { resourceIds: ['room-1'], patientId: 'p2', wallStart: '2026-02-02T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    const args = { seriesId: series.id, changes: { resourceIds: ['dr-lee', 'room-1'] } };
    expect(await commands.run('series/edit-all', args, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });
    expect((await commands.run('series/edit-all', { ...args, override: { reason: 'Room shared' } }, manager)).ok).toBe(true);
  });

  it('splits this-and-following: earlier occurrences untouched, later ones changed, nothing lost', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    await must('occurrence/cancel', { seriesId: series.id, originalStart: '2026-02-16T09:00', reason: 'Holiday' }, frontDesk);
    expect(await commands.run('series/edit-following', { seriesId: series.id, fromOriginalStart: '2026-02-03T09:00', changes: {} }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'fromOriginalStart' } });

    const split = await must('series/edit-following', { seriesId: series.id, fromOriginalStart: '2026-02-02T09:00', changes: { dtstart: '2026-02-02T10:00' } }, frontDesk);
    expect(split.head).toMatchObject({ id: series.id, rrule: 'FREQ=WEEKLY;COUNT=4', version: 1 });
    expect(split.series).toMatchObject({ dtstart: '2026-02-02T10:00:00', rrule: 'FREQ=WEEKLY;COUNT=6' });
    const starts = await occurrenceStarts(db);
    expect(starts).toHaveLength(9); // 10 minus the cancelled one
    expect(starts.slice(0, 4).every((start) => start.startsWith(series.id) && start.endsWith('T09:00:00'))).toBe(true);
    expect(starts.slice(4).every((start) => start.startsWith(split.series.id) && start.endsWith('T10:00:00'))).toBe(true);
    const actions = (await db.audit.orderBy('[deviceId+seq]').toArray()).slice(-2).map((entry) => entry.action);
    expect(actions).toEqual(['SERIES_SPLIT', 'SERIES_CREATED']);
  });
});
