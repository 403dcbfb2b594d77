import { describe, expect, it } from 'vitest';
import { clinicFixture, dumpDatabase, frontDesk, refusedEntries } from './commands.fixture';

// The fixture's clock: Friday 2 January 2026, 12:00 UTC. Dr Lee works Mon–Fri 08:00–18:00 New York time.
const request = { patientId: 'p2', providers: ['dr-lee'], durationMinutes: 30, reason: 'Knee pain, wants sooner', priority: 'soon' as const };
const booking = { resourceIds: ['dr-lee'], wallStart: '2026-01-05T10:30', timeZone: 'America/New_York', durationMinutes: 30 };

describe('waitlist commands', () => {
  it('adds an entry as a command: waiting, who added it, audited with before/after, queued as a waitlistEntry record', async () => {
    const { db, commands } = await clinicFixture();
    const added = await commands.run('waitlist/add', { request }, frontDesk);
    expect(added).toMatchObject({ ok: true, value: { patientId: 'p2', state: { kind: 'waiting' }, addedBy: 'staff-desk', version: 0, createdAt: '2026-01-02T12:00:00.000Z' } });
    if (!added.ok) return;
    const id = added.value.id;
    expect(await db.waitlist.get(id)).toEqual(added.value);
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({
      action: 'WAITLIST_ADDED',
      entityType: 'waitlist-entry',
      entityId: id,
      patientId: 'p2',
      changes: { durationMinutes: { before: null, after: 30 }, priority: { before: null, after: 'soon' } },
    });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'waitlist/add', baseVersion: null, effects: [{ entity: 'waitlistEntry', id, op: 'put' }] });
  });

  it('updates what the patient wants (a left-out preference is cleared) with the base version for the server', async () => {
    const { db, commands, must } = await clinicFixture();
    const entry = await must('waitlist/add', { request: { ...request, weekdays: [1, 2], note: 'Mornings are best' } }, frontDesk);
    const updated = await commands.run('waitlist/update', { id: entry.id, request: { ...request, priority: 'urgent' } }, frontDesk);
    expect(updated).toMatchObject({ ok: true, value: { priority: 'urgent', version: 1, state: { kind: 'waiting' } } });
    expect(await db.waitlist.get(entry.id)).not.toHaveProperty('weekdays');
    expect(await db.waitlist.get(entry.id)).not.toHaveProperty('note');
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'waitlist/update', baseVersion: 0 });
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes).toMatchObject({ priority: { before: 'soon', after: 'urgent' }, weekdays: { before: [1, 2], after: null } });
  });

  it('offers, declines, and removes with the reason in the audit', async () => {
    const { db, commands, must } = await clinicFixture();
    const entry = await must('waitlist/add', { request }, frontDesk);
    const slot = { start: '2026-01-05T15:30:00.000Z', end: '2026-01-05T16:00:00.000Z', providerId: 'dr-lee' };
    expect(await commands.run('waitlist/offer', { id: entry.id, slot }, frontDesk)).toMatchObject({ ok: true, value: { state: { kind: 'offered', slot, by: 'staff-desk' }, version: 1 } });
    expect(await commands.run('waitlist/decline', { id: entry.id, reason: 'Cannot make Mondays' }, frontDesk)).toMatchObject({ ok: true, value: { state: { kind: 'waiting' }, version: 2 } });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'WAITLIST_DECLINED', reason: 'Cannot make Mondays' });
    expect(await commands.run('waitlist/remove', { id: entry.id, reason: 'Found another clinic' }, frontDesk)).toMatchObject({
      ok: true,
      value: { state: { kind: 'removed', reason: 'Found another clinic' }, version: 3 },
    });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'WAITLIST_REMOVED', reason: 'Found another clinic', changes: { state: { before: { kind: 'waiting' } } } });
    // Removed is final.
    expect(await commands.run('waitlist/book', { id: entry.id, booking }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'state' } });
    expect(await commands.run('waitlist/update', { id: entry.id, request }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-status-transition', field: 'state' } });
  });

  it('refuses to offer a time the booking check would refuse: the provider taken, the patient booked elsewhere', async () => {
    const { db, commands, must } = await clinicFixture();
    const entry = await must('waitlist/add', { request }, frontDesk);
    // Ada holds Dr Lee at 10:30 New York time (15:30 UTC) on Monday 5 January.
    await must('appointment/book', { ...booking, patientId: 'p1' }, frontDesk);
    const taken = { start: '2026-01-05T15:30:00.000Z', end: '2026-01-05T16:00:00.000Z', providerId: 'dr-lee' };
    expect(await commands.run('waitlist/offer', { id: entry.id, slot: taken }, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [{ kind: 'resource-double-booked' }] } });
    // The waiting patient herself is in Room 1 at 11:00.
    await must('appointment/book', { ...booking, resourceIds: ['room-1'], wallStart: '2026-01-05T11:00', patientId: 'p2' }, frontDesk);
    const busyPatient = { start: '2026-01-05T16:00:00.000Z', end: '2026-01-05T16:30:00.000Z', providerId: 'dr-lee' };
    expect(await commands.run('waitlist/offer', { id: entry.id, slot: busyPatient }, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict', hard: [{ kind: 'patient-double-booked' }] } });
    expect((await db.waitlist.get(entry.id))?.state).toEqual({ kind: 'waiting' });
    expect(await refusedEntries(db)).toHaveLength(2);
  });

  it('books the waiting patient through the normal booking and marks the entry booked with the visit, in one command', async () => {
    const { db, commands, must } = await clinicFixture();
    const entry = await must('waitlist/add', { request }, frontDesk);
    const booked = await commands.run('waitlist/book', { id: entry.id, booking }, frontDesk);
    expect(booked).toMatchObject({ ok: true, value: { entry: { state: { kind: 'booked' }, version: 1 }, booked: { appointment: { patientId: 'p2' } } } });
    if (!booked.ok) return;
    const appointmentId = booked.value.booked.appointment.id;
    expect((await db.waitlist.get(entry.id))?.state).toEqual({ kind: 'booked', appointmentId, at: '2026-01-02T12:00:00.000Z', by: 'staff-desk' });
    expect(await db.appointments.get(appointmentId)).toMatchObject({ patientId: 'p2', status: 'booked' });
    const actions = (await db.audit.orderBy('[deviceId+seq]').toArray()).slice(-2).map((row) => row.action);
    expect(actions).toEqual(['APPOINTMENT_BOOKED', 'WAITLIST_BOOKED']);
    const mutation = await db.outbox.orderBy('deviceSeq').last();
    expect(mutation).toMatchObject({ name: 'waitlist/book', baseVersion: 0 });
    expect(mutation?.effects.map((effect) => effect.entity).sort()).toEqual(['appointment', 'waitlistEntry']);
  });

  it('refuses a booking the normal check refuses, and leaves the entry waiting', async () => {
    const { db, commands, must } = await clinicFixture();
    await must('appointment/book', { ...booking, patientId: 'p1' }, frontDesk);
    const entry = await must('waitlist/add', { request }, frontDesk);
    const before = await dumpDatabase(db);
    const refused = await commands.run('waitlist/book', { id: entry.id, booking }, frontDesk);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('booking-conflict');
    const after = await dumpDatabase(db);
    expect(after.waitlist).toEqual(before.waitlist);
    expect(after.appointments).toEqual(before.appointments);
    expect(after.outbox).toEqual(before.outbox);
    expect(await commands.run('waitlist/book', { id: entry.id, booking: { ...booking, resourceIds: ['ghost'] } }, frontDesk)).toMatchObject({ ok: false, error: { field: 'booking.resourceIds.0' } });
    expect((await db.waitlist.get(entry.id))?.state).toEqual({ kind: 'waiting' });
  });

  it('refuses bad input naming the field, and saves nothing', async () => {
    const { db, commands } = await clinicFixture();
    const run = (changes: Record<string, unknown>) => commands.run('waitlist/add', { request: { ...request, ...changes } as never }, frontDesk);
    expect(await run({ patientId: undefined })).toMatchObject({ ok: false, error: { field: 'request.patientId' } });
    expect(await run({ patientId: 'ghost' })).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'request.patientId' } });
    expect(await run({ providers: ['dr-lee', 'room-1'] })).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'request.providers.1' } });
    expect(await run({ durationMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-duration', field: 'request.durationMinutes' } });
    expect(await run({ durationMinutes: 1441 })).toMatchObject({ ok: false, error: { code: 'invalid-duration', field: 'request.durationMinutes' } });
    expect(await run({ earliestDate: '2026-02-10', latestDate: '2026-02-01' })).toMatchObject({ ok: false, error: { code: 'end-not-after-start', field: 'request.latestDate' } });
    expect(await run({ reason: '  ' })).toMatchObject({ ok: false, error: { field: 'request.reason' } });
    expect(await commands.run('waitlist/remove', { id: 'nothing', reason: 'x' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'id' } });
    expect(await db.waitlist.count()).toBe(0);
    // Each refusal is in the audit as the attempt (whom, which providers, how long), never its free text.
    const refused = await refusedEntries(db);
    expect(refused).toHaveLength(8);
    expect(refused[1]).toMatchObject({ action: 'WAITLIST_ADDED', entityType: 'waitlist-entry', reason: 'unknown-entity (request.patientId)', changes: { 'request.patientId': { before: null, after: 'ghost' }, 'request.durationMinutes': { before: null, after: 30 } } });
    expect(JSON.stringify(refused)).not.toContain('Knee pain');
  });

  it('a removal needs a reason', async () => {
    const { db, commands, must } = await clinicFixture();
    const entry = await must('waitlist/add', { request }, frontDesk);
    expect(await commands.run('waitlist/remove', { id: entry.id, reason: '   ' }, frontDesk)).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect((await db.waitlist.get(entry.id))?.state).toEqual({ kind: 'waiting' });
  });
});
