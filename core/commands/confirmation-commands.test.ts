import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk } from './commands.fixture';

const book = (wallStart: string, patientId = 'p1') => ({ resourceIds: ['dr-lee'], patientId, wallStart, timeZone: 'America/New_York', durationMinutes: 30 });

describe('confirmation commands', () => {
  it('records a phone confirmation apart from the visit’s status: audited with before/after, queued as a visitConfirmation effect', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', book('2026-01-05T09:00'), frontDesk);
    const result = await commands.run('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'confirmed', note: 'Spoke to her daughter' }, frontDesk);
    expect(result).toMatchObject({ ok: true, value: { id: appointment.id, patientId: 'p1', status: 'confirmed', visitStart: appointment.start, version: 1 } });
    expect((await db.appointments.get(appointment.id))?.status).toBe('booked');
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({
      action: 'CONFIRMATION_SET',
      entityType: 'visit-confirmation',
      entityId: appointment.id,
      patientId: 'p1',
      actor: { staffId: frontDesk.staffId },
      changes: { status: { before: 'unconfirmed', after: 'confirmed' }, method: { before: null, after: 'phone' } },
      reason: 'Spoke to her daughter',
    });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({
      name: 'confirmation/set',
      baseVersion: null,
      args: { appointmentId: appointment.id, to: 'confirmed', method: 'phone', visitKey: appointment.id },
      effects: [{ entity: 'visitConfirmation', id: appointment.id, op: 'put' }],
    });

    const undone = await commands.run('confirmation/undo', { visit: { appointmentId: appointment.id } }, frontDesk);
    expect(undone).toMatchObject({ ok: true, value: { status: 'unconfirmed', version: 2 } });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'confirmation/undo', baseVersion: 1 });
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes).toEqual({ status: { before: 'confirmed', after: 'unconfirmed' } });
  });

  it('keeps a series visit’s answer under its occurrence key when the visit is later saved as an appointment', async () => {
    const { db, must } = await clinicFixture();
    const { series } = await must('series/create', { resourceIds: ['dr-lee'], patientId: 'p2', dtstart: '2026-01-06T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=4' }, frontDesk);
    const confirmed = await must('confirmation/set', { visit: { seriesId: series.id, originalStart: '2026-01-13T09:00' }, to: 'confirmed' }, frontDesk);
    expect(confirmed).toMatchObject({ id: `${series.id}:20260113T090000`, patientId: 'p2', visitStart: '2026-01-13T14:00:00.000Z' });
    // The visit moves along (saved as an appointment): its answer is still found by the same key.
    await must('occurrence/change-status', { seriesId: series.id, originalStart: '2026-01-13T09:00', to: 'arrived' }, frontDesk);
    const saved = await db.appointments.where('seriesId').equals(series.id).first();
    expect(saved?.status).toBe('arrived');
    expect(await db.visitConfirmations.count()).toBe(1);
  });

  it('asks again after a move: the old answer no longer holds, and a new one starts from unconfirmed', async () => {
    const { db, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', book('2026-01-05T09:00'), frontDesk);
    await must('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'confirmed' }, frontDesk);
    await must('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-07T15:00' }, frontDesk);
    const again = await must('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'confirmed' }, frontDesk);
    expect(again.statusHistory.map((change) => [change.kind, change.from, change.to])).toEqual([
      ['set', 'unconfirmed', 'confirmed'],
      ['reset', 'confirmed', 'unconfirmed'],
      ['set', 'unconfirmed', 'confirmed'],
    ]);
    expect(again.visitStart).toBe('2026-01-07T20:00:00.000Z');
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes).toMatchObject({ visitStart: { before: '2026-01-05T14:00:00.000Z', after: '2026-01-07T20:00:00.000Z' } });
  });

  it('refuses what makes no sense, naming the field, and saves nothing', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', book('2026-01-05T09:00'), frontDesk);
    const queued = await db.outbox.count();
    expect(await commands.run('confirmation/set', { visit: { appointmentId: 'ghost' }, to: 'confirmed' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'visit' } });
    expect(await commands.run('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'reminded' as never }, frontDesk)).toMatchObject({ ok: false, error: { field: 'to' } });
    expect(await commands.run('confirmation/undo', { visit: { appointmentId: appointment.id } }, frontDesk)).toMatchObject({ ok: false, error: { code: 'nothing-to-undo', field: 'status' } });
    await must('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'confirmed' }, frontDesk);
    expect(await commands.run('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'confirmed' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'status' } });
    await must('appointment/cancel', { appointmentId: appointment.id, reason: 'Patient called' }, frontDesk);
    expect(await commands.run('confirmation/set', { visit: { appointmentId: appointment.id }, to: 'declined' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'status' } });
    expect(await db.outbox.count()).toBe(queued + 2); // the one confirmation and the cancel
  });
});
