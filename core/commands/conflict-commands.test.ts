import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '../sync/conflict-record';
import { clinicFixture, frontDesk, manager } from './commands.fixture';

const nine = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 };

/** Two overlapping bookings (the second under a manager's override, standing in for another desk's) and the conflict a pull would bring. */
async function doubleBooked() {
  const fixture = await clinicFixture();
  const first = await fixture.must('appointment/book', nine, frontDesk);
  const second = await fixture.must('appointment/book', { ...nine, patientId: 'p2', override: { reason: 'Stands in for desk B' } }, manager);
  const conflict: SyncConflict = {
    id: 'cf_1',
    kind: 'double-booking',
    appointmentIds: [first.appointment.id, second.appointment.id],
    resourceId: 'dr-lee',
    deviceIds: ['desk-a', 'desk-b'],
    detectedAtChange: 7,
    status: 'open',
    version: 8,
  };
  await fixture.db.conflicts.put(conflict);
  return { ...fixture, first: first.appointment, second: second.appointment, conflict };
}

describe('conflict/resolve', () => {
  it('records a cancellation as the resolution: synced with the conflict as its effect, audited with the reason', async () => {
    const { db, commands, must, second } = await doubleBooked();
    const refused = await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'cancelled', appointmentId: second.id, reason: 'Rebooked Friday' }, frontDesk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'appointmentId' } });

    await must('appointment/cancel', { appointmentId: second.id, reason: 'Rebooked Friday' }, frontDesk);
    const resolved = await must('conflict/resolve', { conflictId: 'cf_1', action: 'cancelled', appointmentId: second.id, reason: 'Rebooked Friday' }, frontDesk);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { action: 'cancelled', appointmentId: second.id, reason: 'Rebooked Friday', by: frontDesk.staffId } });

    const mutation = await db.outbox.orderBy('deviceSeq').last();
    expect(mutation).toMatchObject({ name: 'conflict/resolve', baseVersion: 8, effects: [{ entity: 'conflict', id: 'cf_1', op: 'put', data: resolved }] });
    const entry = await db.audit.where('mutationId').equals(mutation!.mutationId).first();
    expect(entry).toMatchObject({ action: 'CONFLICT_RESOLVED', entityType: 'conflict', entityId: 'cf_1', reason: 'Rebooked Friday' });
    expect(await db.conflicts.where('status').equals('open').count()).toBe(0);
  });

  it('accepts a reschedule only once the appointment no longer overlaps the other', async () => {
    const { commands, must, second } = await doubleBooked();
    const early = await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'rescheduled', appointmentId: second.id, reason: 'Moved' }, frontDesk);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-interval', field: 'appointmentId' } });
    await must('appointment/move', { appointmentId: second.id, wallStart: '2026-01-05T09:30' }, frontDesk);
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'rescheduled', appointmentId: second.id, reason: 'Moved' }, frontDesk)).toMatchObject({ ok: true });
  });

  it("keeping both is a manager's override with a reason", async () => {
    const { db, commands } = await doubleBooked();
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'kept-both', reason: 'Two-person visit' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'action' } });
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'kept-both', reason: '  ' }, manager)).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'reason' } });
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'kept-both', reason: 'Two-person visit' }, manager)).toMatchObject({ ok: true, value: { status: 'resolved' } });
    const entry = await db.audit.orderBy('at').last();
    expect(entry).toMatchObject({ action: 'CONFLICT_OVERRIDDEN', entityId: 'cf_1', reason: 'Two-person visit' });
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'kept-both', reason: 'Again' }, manager)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'conflictId' } });
  });

  it('refuses an unknown conflict or an appointment outside it, naming the field', async () => {
    const { commands } = await doubleBooked();
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_9', action: 'kept-both', reason: 'x' }, manager)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'conflictId' } });
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'cancelled', appointmentId: 'other', reason: 'x' }, manager)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'appointmentId' } });
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_1', action: 'cancelled', reason: 'x' }, manager)).toMatchObject({ ok: false, error: { code: 'required', field: 'appointmentId' } });
  });
});
