import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk } from './commands.fixture';

const booking = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 };

describe('day-sheet/print', () => {
  it('records one DAY_SHEET_PRINTED per patient on the printed day, read from the store, without an outbox mutation', async () => {
    const { db, commands, must } = await clinicFixture();
    await must('appointment/book', booking, frontDesk);
    await must('appointment/book', { ...booking, patientId: 'p2', resourceIds: ['room-1'] }, frontDesk);
    // Another day and another resource stay off this sheet.
    await must('appointment/book', { ...booking, wallStart: '2026-01-06T09:00' }, frontDesk);
    const outbox = await db.outbox.count();
    const logged = await db.audit.count();

    const result = await commands.run('day-sheet/print', { date: '2026-01-05', resourceIds: ['dr-lee', 'room-1'] }, frontDesk);
    expect(result).toEqual({ ok: true, value: { date: '2026-01-05', patientIds: ['p1', 'p2'] } });
    const entries = (await db.audit.orderBy('[deviceId+seq]').toArray()).slice(logged);
    expect(entries.map((entry) => [entry.action, entry.patientId, entry.entityId])).toEqual([
      ['DAY_SHEET_PRINTED', 'p1', '2026-01-05'],
      ['DAY_SHEET_PRINTED', 'p2', '2026-01-05'],
    ]);
    expect(entries[0]).toMatchObject({ entityType: 'day-sheet', actor: { staffId: frontDesk.staffId }, mutationId: null, changes: { resourceIds: { after: ['dr-lee', 'room-1'] } } });
    expect(await db.outbox.count()).toBe(outbox);

    const onlyRoom = await commands.run('day-sheet/print', { date: '2026-01-05', resourceIds: ['room-1'] }, frontDesk);
    expect(onlyRoom).toMatchObject({ ok: true, value: { patientIds: ['p2'] } });
  });

  it('records an empty sheet once, without a patient, and refuses unknown resources naming the field', async () => {
    const { db, commands } = await clinicFixture();
    expect(await commands.run('day-sheet/print', { date: '2026-01-05', resourceIds: ['dr-lee'] }, frontDesk)).toMatchObject({ ok: true, value: { patientIds: [] } });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'DAY_SHEET_PRINTED', patientId: null });
    expect(await commands.run('day-sheet/print', { date: '2026-01-05', resourceIds: ['dr-lee', 'ghost'] }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'resourceIds.1' } });
    expect(await commands.run('day-sheet/print', { date: '2026-02-30', resourceIds: ['dr-lee'] }, frontDesk)).toMatchObject({ ok: false, error: { field: 'date' } });
  });
});
