import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager, refusedEntries } from './commands.fixture';

const nine = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 };

describe('appointment/book', () => {
  it('books at the chosen wall time and returns the warnings to confirm', async () => {
    const { commands } = await clinicFixture();
    const result = await commands.run('appointment/book', { ...nine, wallStart: '2026-01-05T07:30' }, frontDesk);
    expect(result).toMatchObject({ ok: true, value: { appointment: { start: '2026-01-05T12:30:00.000Z', status: 'booked', version: 0 } } });
    if (result.ok) expect(result.value.warnings.map((warning) => warning.kind)).toEqual(['outside-working-hours']);
  });

  it('refuses bad input with the field named', async () => {
    const { commands } = await clinicFixture();
    expect(await commands.run('appointment/book', { ...nine, timeZone: 'Mars/Base' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-zone', field: 'timeZone' } });
    expect(await commands.run('appointment/book', { ...nine, patientId: 'ghost' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'patientId' } });
    expect(await commands.run('appointment/book', { ...nine, resourceIds: ['dr-lee', 'nobody'] }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'resourceIds.1' } });
  });

  it('refuses a double booking with the conflicting appointment named', async () => {
    const { commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', nine, frontDesk);
    const result = await commands.run('appointment/book', { ...nine, patientId: 'p2', wallStart: '2026-01-05T09:15' }, frontDesk);
    expect(result).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [{ kind: 'resource-double-booked', resourceId: 'dr-lee', existingIds: [appointment.id] }] } });
  });

  it('refuses a booking that collides with a series occurrence', async () => {
    const { commands, must } = await clinicFixture();
    await must('series/create', { resourceIds: ['dr-lee'], patientId: 'p2', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' }, frontDesk);
    const result = await commands.run('appointment/book', { ...nine, wallStart: '2026-01-19T09:10' }, frontDesk);
    expect(result).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [{ kind: 'resource-double-booked' }] } });
  });

  it("books over a conflict when a manager overrides with a reason, and audits the override in the same commit", async () => {
    const { db, commands, must } = await clinicFixture();
    await must('appointment/book', nine, frontDesk);
    const denied = await commands.run('appointment/book', { ...nine, patientId: 'p2', override: { reason: 'Emergency' } }, frontDesk);
    expect(denied).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'override' } });
    const blank = await commands.run('appointment/book', { ...nine, patientId: 'p2', override: { reason: '  ' } }, manager);
    expect(blank).toMatchObject({ ok: false, error: { code: 'required', field: 'override.reason' } });

    const result = await commands.run('appointment/book', { ...nine, patientId: 'p2', override: { reason: 'Emergency walk-in' } }, manager);
    expect(result.ok).toBe(true);
    const [override, booked] = (await db.audit.orderBy('[deviceId+seq]').toArray()).slice(-2);
    expect(override).toMatchObject({ action: 'CONFLICT_OVERRIDDEN', reason: 'Emergency walk-in', actor: { role: 'manager' }, patientId: 'p2' });
    expect(override?.changes['conflicts']?.after).toMatchObject([{ kind: 'resource-double-booked', resourceId: 'dr-lee' }]);
    expect(booked).toMatchObject({ action: 'APPOINTMENT_BOOKED', mutationId: override?.mutationId });
  });
});

describe('appointment/move', () => {
  it('moves, bumps the version and re-indexes the booking', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', nine, frontDesk);
    const result = await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-06T14:00', resourceIds: ['room-1'] }, frontDesk);
    expect(result).toMatchObject({ ok: true, value: { appointment: { start: '2026-01-06T19:00:00.000Z', version: 1, resourceIds: ['room-1'] } } });
    if (result.ok) expect(result.value.appointment).not.toHaveProperty('day');
    expect(await db.bookings.where('appointmentId').equals(appointment.id).toArray()).toMatchObject([{ resourceId: 'room-1', start: Date.parse('2026-01-06T19:00:00Z') }]);
    const entry = await db.audit.orderBy('[deviceId+seq]').last();
    expect(entry).toMatchObject({ action: 'APPOINTMENT_MOVED', changes: { start: { before: '2026-01-05T14:00:00.000Z', after: '2026-01-06T19:00:00.000Z' }, resourceIds: { before: ['dr-lee'], after: ['room-1'] } } });
    expect((await db.outbox.orderBy('deviceSeq').last())?.baseVersion).toBe(0);
  });

  it('does not count the appointment against itself, but refuses a slot taken by another', async () => {
    const { commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', nine, frontDesk);
    await must('appointment/book', { ...nine, patientId: 'p2', wallStart: '2026-01-05T10:00' }, frontDesk);
    expect((await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T09:15' }, frontDesk)).ok).toBe(true);
    expect(await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T09:45' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });
    expect((await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T09:45', override: { reason: 'Doctor agreed to overlap' } }, manager)).ok).toBe(true);
  });

  it('refuses to move an unknown or cancelled appointment', async () => {
    const { commands, must } = await clinicFixture();
    expect(await commands.run('appointment/move', { appointmentId: 'nope', wallStart: '2026-01-05T09:00' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'appointmentId' } });
    const { appointment } = await must('appointment/book', nine, frontDesk);
    await must('appointment/cancel', { appointmentId: appointment.id, reason: 'Called in' }, frontDesk);
    expect(await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T11:00' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition' } });
  });

  it('changes time and notes in one save: one audit entry, one outbox mutation, blank clears and left out keeps', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', { ...nine, visitReason: 'Check-up', notes: 'Old note' }, frontDesk);
    const auditBefore = await db.audit.count();
    const outboxBefore = await db.outbox.count();
    const result = await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T11:00', notes: 'Bring X-rays' }, frontDesk);
    expect(result).toMatchObject({ ok: true, value: { appointment: { wallStart: '2026-01-05T11:00:00', visitReason: 'Check-up', notes: 'Bring X-rays', version: 1 } } });
    expect(await db.audit.count()).toBe(auditBefore + 1);
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    const entry = await db.audit.orderBy('[deviceId+seq]').last();
    expect(entry).toMatchObject({ action: 'APPOINTMENT_MOVED', changes: { wallStart: { before: '2026-01-05T09:00:00', after: '2026-01-05T11:00:00' }, notes: { before: 'Old note', after: 'Bring X-rays' } } });
    expect(entry?.changes).not.toHaveProperty('visitReason');

    const cleared = await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T12:00', visitReason: '  ', notes: null }, frontDesk);
    expect(cleared.ok).toBe(true);
    if (cleared.ok) {
      expect(cleared.value.appointment).not.toHaveProperty('visitReason');
      expect(cleared.value.appointment).not.toHaveProperty('notes');
    }
  });

  it('writes nothing when refused: neither the time nor the notes, no outbox mutation, only the refused attempts in the audit', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', { ...nine, notes: 'Old note' }, frontDesk);
    await must('appointment/book', { ...nine, patientId: 'p2', wallStart: '2026-01-05T10:00' }, frontDesk);
    const auditBefore = await db.audit.count();
    const outboxBefore = await db.outbox.count();
    const taken = await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T10:00', notes: 'New note' }, frontDesk);
    expect(taken).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });
    const tooLong = await commands.run('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T11:00', notes: 'x'.repeat(2001) }, frontDesk);
    expect(tooLong).toMatchObject({ ok: false, error: { field: 'notes' } });
    expect(await db.appointments.get(appointment.id)).toMatchObject({ wallStart: '2026-01-05T09:00:00', notes: 'Old note', version: 0 });
    expect(await db.audit.count()).toBe(auditBefore + 2);
    expect((await refusedEntries(db)).map((entry) => [entry.action, entry.entityId, entry.reason])).toEqual([
      ['APPOINTMENT_MOVED', appointment.id, 'booking-conflict: resource-double-booked (dr-lee)'],
      ['APPOINTMENT_MOVED', appointment.id, 'too-long (notes)'],
    ]);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });
});

describe('appointment/cancel, change-status and undo-status', () => {
  it('requires a reason to cancel, records it, and frees the slot', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', nine, frontDesk);
    expect(await commands.run('appointment/cancel', { appointmentId: appointment.id }, frontDesk)).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'reason' } });
    expect(await commands.run('appointment/cancel', { appointmentId: appointment.id, reason: '   ' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'reason-required' } });
    const result = await commands.run('appointment/cancel', { appointmentId: appointment.id, reason: 'Patient has flu' }, frontDesk);
    expect(result).toMatchObject({ ok: true, value: { status: 'cancelled', version: 1 } });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'APPOINTMENT_CANCELLED', reason: 'Patient has flu', changes: { status: { before: 'booked', after: 'cancelled' } } });
    expect((await commands.run('appointment/book', { ...nine, patientId: 'p2' }, frontDesk)).ok).toBe(true);
  });

  it('walks the state machine, refuses skipped steps and undoes the latest change', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', nine, frontDesk);
    const id = appointment.id;
    expect(await commands.run('appointment/change-status', { appointmentId: id, to: 'completed' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'status' } });
    await must('appointment/change-status', { appointmentId: id, to: 'arrived' }, frontDesk);
    await must('appointment/change-status', { appointmentId: id, to: 'in_room' }, frontDesk);
    const undone = await must('appointment/undo-status', { appointmentId: id, reason: 'Clicked the wrong patient' }, frontDesk);
    expect(undone.status).toBe('arrived');
    expect(undone.statusHistory.map((change) => `${change.kind}:${change.to}`)).toEqual(['transition:booked', 'transition:arrived', 'transition:in_room', 'undo:arrived']);
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'STATUS_UNDONE', reason: 'Clicked the wrong patient', changes: { status: { before: 'in_room', after: 'arrived' } } });
    await must('appointment/undo-status', { appointmentId: id }, frontDesk);
    expect(await commands.run('appointment/undo-status', { appointmentId: id }, frontDesk)).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
  });
});

describe('appointment/edit', () => {
  it('changes the visit reason and notes in place, audited field by field, and clears with null', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', { ...nine, visitReason: 'Check-up' }, frontDesk);
    const edited = await commands.run('appointment/edit', { appointmentId: appointment.id, notes: 'Bring last year’s X-rays' }, frontDesk);
    expect(edited).toMatchObject({ ok: true, value: { visitReason: 'Check-up', notes: 'Bring last year’s X-rays', version: 1, start: appointment.start } });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'APPOINTMENT_EDITED', patientId: 'p1', changes: { notes: { before: null, after: 'Bring last year’s X-rays' } } });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'appointment/edit', baseVersion: 0 });

    await must('appointment/edit', { appointmentId: appointment.id, visitReason: null }, frontDesk);
    const stored = await db.appointments.get(appointment.id);
    expect(stored).not.toHaveProperty('visitReason');
    expect(stored).toMatchObject({ notes: 'Bring last year’s X-rays', version: 2 });
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes).toEqual({ visitReason: { before: 'Check-up', after: null } });
  });

  it('refuses an unknown appointment and too-long notes, naming the field', async () => {
    const { commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', nine, frontDesk);
    expect(await commands.run('appointment/edit', { appointmentId: 'ghost', notes: 'x' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'appointmentId' } });
    expect(await commands.run('appointment/edit', { appointmentId: appointment.id, notes: 'x'.repeat(2001) }, frontDesk)).toMatchObject({ ok: false, error: { code: 'too-long', field: 'notes' } });
  });
});
