import { describe, expect, it } from 'vitest';
import { calendarRange } from '../queries';
import { clinicFixture, frontDesk } from './commands.fixture';

const weekly = { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' };
const year = { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') };

async function seriesStarts(db: Awaited<ReturnType<typeof clinicFixture>>['db']) {
  return (await calendarRange(db, { resourceIds: ['dr-lee'], ...year, includeCancelled: false })).flatMap((item) => (item.kind === 'occurrence' ? [item.occurrence.wallStart] : []));
}

describe('occurrence/undo-move', () => {
  it('puts a visit moved for the first time back where its rule puts it: the exception is deleted (synced), audited with the reason "Undo"', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const key = { seriesId: series.id, originalStart: '2026-01-12T09:00' };
    const moved = await must('occurrence/edit', { ...key, wallStart: '2026-01-12T11:00', durationMinutes: 45 }, frontDesk);
    expect(moved.previous).toBeNull();
    const outboxBefore = await db.outbox.count();

    const undone = await must('occurrence/undo-move', { ...key, movedVersion: moved.exception.version, previous: moved.previous }, frontDesk);
    expect(undone).toEqual({ restored: null, occurrenceId: `${series.id}:20260112T090000`, wallStart: '2026-01-12T09:00:00', timeZone: 'America/New_York' });
    expect(await db.seriesExceptions.count()).toBe(0);
    expect(await seriesStarts(db)).toContain('2026-01-12T09:00:00');
    expect(await seriesStarts(db)).not.toContain('2026-01-12T11:00:00');
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({
      action: 'OCCURRENCE_MOVED',
      entityType: 'occurrence',
      entityId: `${series.id}:20260112T090000`,
      reason: 'Undo',
      changes: { wallStart: { before: '2026-01-12T11:00:00', after: '2026-01-12T09:00:00' }, durationMinutes: { before: 45, after: 30 } },
    });
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'occurrence/undo-move', baseVersion: 0, effects: [{ entity: 'seriesException', id: moved.exception.id, op: 'delete' }] });
  });

  it('puts a visit moved a second time back to its first move', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const key = { seriesId: series.id, originalStart: '2026-01-12T09:00' };
    await must('occurrence/edit', { ...key, wallStart: '2026-01-13T10:00', notes: 'Knee' }, frontDesk);
    const again = await must('occurrence/edit', { ...key, wallStart: '2026-01-14T15:00', notes: 'Both knees' }, frontDesk);
    expect(again.previous).toMatchObject({ wallStart: '2026-01-13T10:00:00', notes: 'Knee', version: 0 });

    const undone = await must('occurrence/undo-move', { ...key, movedVersion: again.exception.version, previous: again.previous }, frontDesk);
    expect(undone.restored).toMatchObject({ wallStart: '2026-01-13T10:00:00', notes: 'Knee', version: 2 });
    expect(await db.seriesExceptions.toArray()).toEqual([undone.restored]);
    expect(await seriesStarts(db)).toContain('2026-01-13T10:00:00');
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes).toMatchObject({ wallStart: { before: '2026-01-14T15:00:00', after: '2026-01-13T10:00:00' }, notes: { before: 'Both knees', after: 'Knee' } });
  });

  it('is refused, with nothing changed, when the old time was booked meanwhile or the visit changed since the move', async () => {
    const { db, commands, must } = await clinicFixture();
    const { series } = await must('series/create', weekly, frontDesk);
    const key = { seriesId: series.id, originalStart: '2026-01-12T09:00' };
    const moved = await must('occurrence/edit', { ...key, wallStart: '2026-01-12T11:00' }, frontDesk);
    await must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p2', wallStart: '2026-01-12T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    const undo = { ...key, movedVersion: moved.exception.version, previous: moved.previous };
    const exceptionsBefore = await db.seriesExceptions.toArray();

    expect(await commands.run('occurrence/undo-move', undo, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [{ kind: 'resource-double-booked' }] } });
    expect(await db.seriesExceptions.toArray()).toEqual(exceptionsBefore);

    await must('occurrence/edit', { ...key, wallStart: '2026-01-12T13:00' }, frontDesk);
    expect(await commands.run('occurrence/undo-move', undo, frontDesk)).toMatchObject({ ok: false, error: { code: 'changed-since', field: 'originalStart' } });

    // Marked arrived after the move: the visit is an appointment now, which Undo must not leave behind.
    const other = { seriesId: series.id, originalStart: '2026-01-19T09:00' };
    const movedOther = await must('occurrence/edit', { ...other, wallStart: '2026-01-19T10:00' }, frontDesk);
    await must('occurrence/change-status', { ...other, to: 'arrived' }, frontDesk);
    expect(await commands.run('occurrence/undo-move', { ...other, movedVersion: movedOther.exception.version, previous: null }, frontDesk)).toMatchObject({ ok: false, error: { code: 'changed-since' } });
    expect(await db.audit.where('action').equals('OCCURRENCE_MOVED').filter((entry) => entry.outcome === 'refused').count()).toBe(3);
  });
});
