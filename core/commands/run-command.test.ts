import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { readDevice } from '../db';
import { hlcParse } from '../sync';
import { clinicFixture, dumpStoredState, failOnWrite, frontDesk, manager, refusedEntries } from './commands.fixture';

const booking = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 };

async function snapshot(db: Awaited<ReturnType<typeof clinicFixture>>['db']) {
  return {
    appointments: await db.appointments.count(),
    bookings: await db.bookings.count(),
    audit: await db.audit.count(),
    outbox: await db.outbox.count(),
    device: await readDevice(db),
  };
}

describe('the write wrapper: change + audit + outbox in one transaction', () => {
  it('writes the appointment, its audit entry and its outbox mutation together', async () => {
    const { db, commands } = await clinicFixture();
    const before = await snapshot(db);
    const result = await commands.run('appointment/book', booking, frontDesk);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { appointment } = result.value;

    expect(await db.appointments.get(appointment.id)).toMatchObject({ start: '2026-01-05T14:00:00.000Z', day: '2026-01-05' });
    const entry = await db.audit.orderBy('[deviceId+seq]').last();
    expect(entry).toMatchObject({
      action: 'APPOINTMENT_BOOKED',
      entityId: appointment.id,
      patientId: 'p1',
      actor: { kind: 'staff', staffId: 'staff-desk', displayName: 'Dana Desk', role: 'front_desk' },
      deviceId: before.device.deviceId,
      appVersion: '0.1.0-test',
      at: '2026-01-02T12:00:00.000Z',
      seq: before.device.auditSeq + 1,
      prevHash: before.device.auditHead,
    });
    const mutation = await db.outbox.get(before.device.deviceSeq + 1);
    expect(mutation).toMatchObject({ name: 'appointment/book', deviceId: before.device.deviceId, mutationId: entry?.mutationId, baseVersion: null });
    expect(mutation?.args).toMatchObject({ ...booking, wallStart: '2026-01-05T09:00:00', appointmentId: appointment.id });
    expect(hlcParse(mutation?.hlc ?? '')).toMatchObject({ millis: Date.UTC(2026, 0, 2, 12), deviceId: before.device.deviceId });

    const after = await readDevice(db);
    expect(after).toMatchObject({ auditSeq: before.device.auditSeq + 1, auditHead: entry?.hash, deviceSeq: before.device.deviceSeq + 1 });
  });

  for (const [table, nth, stage] of [
    ['bookings', 1, 'after the appointment row is written'],
    ['audit', 1, 'after the change, on the audit entry'],
    ['outbox', 1, 'after the change and audit entry, on the outbox entry'],
    ['meta', 1, 'on the very last write (the counters)'],
  ] as const) {
    it(`leaves nothing behind when the transaction fails ${stage}`, async () => {
      const { db, commands } = await clinicFixture();
      const failure = failOnWrite(table, nth);
      db.close();
      db.use(failure);
      await db.open();
      const before = await snapshot(db);
      failure.armed = true;
      await expect(commands.run('appointment/book', booking, frontDesk)).rejects.toThrow(/Injected failure/);
      expect(await snapshot(db)).toEqual(before);
      expect(await db.appointments.where('patientId').equals('p1').count()).toBe(0);

      // The same command succeeds afterwards with gapless counters.
      failure.armed = false;
      const retry = await commands.run('appointment/book', booking, frontDesk);
      expect(retry.ok).toBe(true);
      const device = await readDevice(db);
      expect(device.deviceSeq).toBe(before.device.deviceSeq + 1);
      expect(device.auditSeq).toBe(before.device.auditSeq + 1);
      expect((await db.outbox.orderBy('deviceSeq').keys()).every((seq, index) => seq === index + 1)).toBe(true);
    });
  }

  it('stores nothing of a refused command (bad input, conflict) but its refused attempt in the audit, with who, whom, where and why', async () => {
    const { db, commands } = await clinicFixture();
    const { value } = (await commands.run('appointment/book', booking, frontDesk)) as { ok: true; value: { appointment: { id: string } } };
    const before = await snapshot(db);
    const stored = await dumpStoredState(db);
    const invalid = await commands.run('appointment/book', { ...booking, durationMinutes: 2, notes: 'Private: knee pain' }, frontDesk);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-duration', field: 'durationMinutes' } });
    const conflict = await commands.run('appointment/book', { ...booking, patientId: 'p2' }, frontDesk);
    expect(conflict).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });

    expect(await dumpStoredState(db)).toEqual(stored);
    const after = await snapshot(db);
    expect(after).toMatchObject({ appointments: before.appointments, bookings: before.bookings, outbox: before.outbox, audit: before.audit + 2 });
    expect(after.device).toMatchObject({ deviceSeq: before.device.deviceSeq, auditSeq: before.device.auditSeq + 2 });
    const [badField, doubleBooked] = await refusedEntries(db);
    expect(badField).toMatchObject({
      action: 'APPOINTMENT_BOOKED',
      outcome: 'refused',
      actor: { kind: 'staff', staffId: frontDesk.staffId, role: 'front_desk' },
      patientId: 'p1',
      reason: 'invalid-duration (durationMinutes)',
      mutationId: null,
      changes: { resourceIds: { before: null, after: ['dr-lee'] }, wallStart: { before: null, after: '2026-01-05T09:00' }, durationMinutes: { before: null, after: 2 } },
    });
    // Free text is never kept: the refused command stored none either.
    expect(JSON.stringify(badField)).not.toContain('knee');
    expect(doubleBooked).toMatchObject({ action: 'APPOINTMENT_BOOKED', outcome: 'refused', patientId: 'p2', reason: 'booking-conflict: resource-double-booked (dr-lee)' });
    expect(value.appointment.id).toBeTruthy();
    expect(verifyAuditChain(await db.audit.orderBy('[deviceId+seq]').toArray()).ok).toBe(true);
  });

  it('refuses to write on top of an audit chain whose head disagrees with the device row', async () => {
    const { db, commands } = await clinicFixture();
    const device = await readDevice(db);
    await db.meta.put({ ...device, auditSeq: device.auditSeq + 5 });
    await expect(commands.run('appointment/book', booking, frontDesk)).rejects.toThrow(/does not match/);
  });

  it('keeps deviceSeq gapless and HLC stamps increasing across commands, even when the clock steps back', async () => {
    const { db, commands, clock } = await clinicFixture();
    await commands.run('appointment/book', booking, frontDesk);
    clock.now -= 60_000;
    await commands.run('appointment/book', { ...booking, wallStart: '2026-01-05T10:00' }, frontDesk);
    await commands.run('patient/update', { patientId: 'p2', changes: { phone: '555 0199' } }, manager);
    const outbox = await db.outbox.orderBy('deviceSeq').toArray();
    expect(outbox.map((mutation) => mutation.deviceSeq)).toEqual(outbox.map((_, index) => index + 1));
    const stamps = outbox.map((mutation) => mutation.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('leaves a hash chain that verifies after a run of different commands', async () => {
    const { db, commands, must } = await clinicFixture();
    const { appointment } = await must('appointment/book', booking, frontDesk);
    await must('appointment/change-status', { appointmentId: appointment.id, to: 'arrived' }, frontDesk);
    await must('appointment/undo-status', { appointmentId: appointment.id }, frontDesk);
    await must('appointment/move', { appointmentId: appointment.id, wallStart: '2026-01-05T11:00' }, frontDesk);
    await must('patient/view', { patientId: 'p1' }, frontDesk);
    await must('patient/update', { patientId: 'p1', changes: { phone: '555 0100' } }, frontDesk);
    await must('series/create', { resourceIds: ['room-1'], patientId: 'p2', dtstart: '2026-01-06T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=4' }, frontDesk);
    await must('appointment/cancel', { appointmentId: appointment.id, reason: 'Patient called' }, frontDesk);
    expect((await commands.run('appointment/book', { ...booking, durationMinutes: 1 }, frontDesk)).ok).toBe(false);

    const entries = await db.audit.orderBy('[deviceId+seq]').toArray();
    const report = verifyAuditChain(entries);
    expect(report.ok).toBe(true);
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, index) => index + 1));
    expect(entries.slice(-9).map((entry) => `${entry.action} ${entry.outcome}`)).toEqual([
      'APPOINTMENT_BOOKED success',
      'STATUS_CHANGED success',
      'STATUS_UNDONE success',
      'APPOINTMENT_MOVED success',
      'PATIENT_VIEWED success',
      'PATIENT_UPDATED success',
      'SERIES_CREATED success',
      'APPOINTMENT_CANCELLED success',
      'APPOINTMENT_BOOKED refused',
    ]);
  });

  it('refuses a session whose staff member was deactivated or given another role since signing in', async () => {
    const { db, commands, must } = await clinicFixture();
    await must('staff/save', { id: frontDesk.staffId, displayName: frontDesk.displayName, username: 'dana', role: 'front_desk' });
    expect((await commands.run('patient/view', { patientId: 'p1' }, frontDesk)).ok).toBe(true);

    await must('staff/save', { id: frontDesk.staffId, displayName: frontDesk.displayName, username: 'dana', role: 'manager' });
    const before = await snapshot(db);
    expect(await commands.run('patient/view', { patientId: 'p1' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'session' } });
    expect(await commands.run('patient/view', { patientId: 'p1' }, { ...frontDesk, role: 'manager' })).toMatchObject({ ok: true });

    await must('staff/save', { id: frontDesk.staffId, displayName: frontDesk.displayName, username: 'dana', role: 'manager', active: false });
    expect(await commands.run('patient/view', { patientId: 'p1' }, { ...frontDesk, role: 'manager' })).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'session' } });
    expect((await snapshot(db)).audit).toBe(before.audit + 2); // the manager's view and the deactivation; nothing for the refusals
  });
});
