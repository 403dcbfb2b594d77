import { describe, expect, it } from 'vitest';
import type { ConcurrentEditConflict } from '../sync/concurrent-edit-conflict';
import { clinicFixture, frontDesk } from './commands.fixture';
import { sameFieldValue } from './concurrent-edit-resolution';

const nine = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 };

/** An appointment this desk moved to 10:00 while another desk moved it to 11:00, and the conflict a pull would bring. */
async function movedTwice() {
  const fixture = await clinicFixture();
  const booked = await fixture.must('appointment/book', nine, frontDesk);
  const moved = await fixture.must('appointment/move', { appointmentId: booked.appointment.id, wallStart: '2026-01-05T10:00' }, frontDesk);
  const conflict: ConcurrentEditConflict = {
    id: 'cf_edit',
    kind: 'concurrent-edit',
    entity: 'appointment',
    recordId: booked.appointment.id,
    fields: ['end', 'start', 'wallStart'],
    kept: { deviceId: 'desk-a', at: '2026-01-04T09:00:00.000Z', version: 5, values: { wallStart: moved.appointment.wallStart, start: moved.appointment.start, end: moved.appointment.end, status: 'booked' } },
    other: { deviceId: 'desk-b', at: '2026-01-04T09:05:00.000Z', mutationId: 'm-b', values: { wallStart: '2026-01-05T11:00:00', start: '2026-01-05T16:00:00.000Z', end: '2026-01-05T16:30:00.000Z', status: 'booked' } },
    deviceIds: ['desk-a', 'desk-b'],
    detectedAtChange: 6,
    status: 'open',
    version: 6,
  };
  await fixture.db.conflicts.put(conflict);
  return { ...fixture, appointment: moved.appointment, conflict };
}

describe('conflict/resolve for a concurrent edit', () => {
  it('keeps the current change with a reason: resolved, synced with the conflict as its effect, audited', async () => {
    const { db, commands, must } = await movedTwice();
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_edit', action: 'kept-current', reason: ' ' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'reason' } });
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_edit', action: 'cancelled', appointmentId: 'x', reason: 'No' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-format', field: 'action' } });
    const resolved = await must('conflict/resolve', { conflictId: 'cf_edit', action: 'kept-current', reason: 'Patient confirmed 10:00' }, frontDesk);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { action: 'kept-current', reason: 'Patient confirmed 10:00', by: frontDesk.staffId } });
    const mutation = await db.outbox.orderBy('deviceSeq').last();
    expect(mutation).toMatchObject({ name: 'conflict/resolve', baseVersion: 6, effects: [{ entity: 'conflict', id: 'cf_edit', op: 'put', data: resolved }] });
    expect(await db.audit.where('mutationId').equals(mutation!.mutationId).first()).toMatchObject({ action: 'CONFLICT_RESOLVED', entityId: 'cf_edit', reason: 'Patient confirmed 10:00' });
  });

  it('applies the other change only once the appointment holds it (made with appointment/move first)', async () => {
    const { commands, must, appointment } = await movedTwice();
    const early = await commands.run('conflict/resolve', { conflictId: 'cf_edit', action: 'applied-other', reason: 'Desk B spoke to her' }, frontDesk);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'action' } });
    await must('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T11:00' }, frontDesk);
    expect(await commands.run('conflict/resolve', { conflictId: 'cf_edit', action: 'applied-other', reason: 'Desk B spoke to her' }, frontDesk)).toMatchObject({ ok: true, value: { resolution: { action: 'applied-other' } } });
  });

  it('compares wall times to the minute and instants as instants', () => {
    expect(sameFieldValue('wallStart', '2026-01-05T11:00:00', '2026-01-05T11:00')).toBe(true);
    expect(sameFieldValue('start', '2026-01-05T16:00:00Z', '2026-01-05T16:00:00.000Z')).toBe(true);
    expect(sameFieldValue('resourceIds', ['dr-lee'], ['room-1'])).toBe(false);
    // A rule object pulled from PostgreSQL (jsonb reorders keys) is the same rule.
    expect(sameFieldValue('rrule', { freq: 'WEEKLY', count: 10 }, { count: 10, freq: 'WEEKLY' })).toBe(true);
    expect(sameFieldValue('rrule', { freq: 'WEEKLY', count: 10 }, { count: 5, freq: 'WEEKLY' })).toBe(false);
  });
});
