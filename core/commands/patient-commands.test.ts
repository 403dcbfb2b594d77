import { describe, expect, it } from 'vitest';
import { clinicFixture, dumpStoredState, frontDesk, refusedEntries } from './commands.fixture';

describe('patient commands', () => {
  it('registers a patient with a new id and audits the fields', async () => {
    const { db, commands } = await clinicFixture();
    const result = await commands.run('patient/register', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' }, frontDesk);
    expect(result).toMatchObject({ ok: true, value: { givenName: 'Grace' } });
    if (!result.ok) return;
    expect(await db.patients.get(result.value.id)).toMatchObject({ familyName: 'Hopper' });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'PATIENT_REGISTERED', patientId: result.value.id, changes: { familyName: { before: null, after: 'Hopper' } } });
  });

  it('refuses a bad date of birth and a duplicate id', async () => {
    const { commands } = await clinicFixture();
    expect(await commands.run('patient/register', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-02-30' }, frontDesk)).toMatchObject({ ok: false, error: { field: 'dateOfBirth' } });
    expect(await commands.run('patient/register', { id: 'p1', givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'duplicate-id', field: 'id' } });
  });

  it('refuses a date of birth after today on the clinic’s clock, on registering and on updating, and stores nothing', async () => {
    // The fixture's now is 2 January 2026, 12:00 UTC: 07:00 that day in New York.
    const { db, commands } = await clinicFixture();
    const before = await dumpStoredState(db);
    expect(await commands.run('patient/register', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '2026-01-03' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'date-in-future', field: 'dateOfBirth' } });
    expect(await commands.run('patient/update', { patientId: 'p1', changes: { dateOfBirth: '2030-05-01' } }, frontDesk)).toMatchObject({ ok: false, error: { code: 'date-in-future', field: 'changes.dateOfBirth' } });
    expect(await dumpStoredState(db)).toEqual(before);
    // Born today is fine, and so is a very old date (the form warns about it; the engine does not refuse it).
    expect((await commands.run('patient/register', { givenName: 'Baby', familyName: 'Hopper', dateOfBirth: '2026-01-02' }, frontDesk)).ok).toBe(true);
    expect((await commands.run('patient/register', { givenName: 'Old', familyName: 'Record', dateOfBirth: '1890-01-01' }, frontDesk)).ok).toBe(true);
  });

  it('updates fields with a field-level before/after in the audit entry', async () => {
    const { db, commands } = await clinicFixture();
    const result = await commands.run('patient/update', { patientId: 'p2', changes: { phone: '555 0199', email: 'alan@example.org' } }, frontDesk);
    expect(result).toMatchObject({ ok: true, value: { phone: '555 0199', email: 'alan@example.org' } });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({
      action: 'PATIENT_UPDATED',
      entityId: 'p2',
      changes: { phone: { before: '555 0101', after: '555 0199' }, email: { before: null, after: 'alan@example.org' } },
    });
    // Clearing a field records the value that went away.
    await commands.run('patient/update', { patientId: 'p2', changes: { phone: null } }, frontDesk);
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes).toEqual({ phone: { before: '555 0199', after: null } });
    expect(await db.patients.get('p2')).not.toHaveProperty('phone');
  });

  it('writes nothing at all, not even an outbox mutation, when an update changes no field', async () => {
    const { db, commands } = await clinicFixture();
    const before = await dumpStoredState(db);
    expect(await commands.run('patient/update', { patientId: 'p2', changes: { phone: '555 0101' } }, frontDesk)).toMatchObject({ ok: true, value: { phone: '555 0101' } });
    expect(await dumpStoredState(db)).toEqual(before);
  });

  it('refuses an invalid change naming the field inside changes, and an unknown patient', async () => {
    const { db, commands } = await clinicFixture();
    const before = await dumpStoredState(db);
    expect(await commands.run('patient/update', { patientId: 'p2', changes: { email: 'not-an-email' } }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-format', field: 'changes.email' } });
    expect(await commands.run('patient/update', { patientId: 'ghost', changes: { phone: '555 0100' } }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'patientId' } });
    expect(await dumpStoredState(db)).toEqual(before);
    // The attempts are in the audit, without the typed value.
    const attempts = await refusedEntries(db);
    expect(attempts.map((entry) => [entry.action, entry.patientId, entry.reason])).toEqual([
      ['PATIENT_UPDATED', 'p2', 'invalid-format (changes.email)'],
      ['PATIENT_UPDATED', 'ghost', 'unknown-entity (patientId)'],
    ]);
    expect(JSON.stringify(attempts)).not.toContain('not-an-email');
  });

  it('records a view in the audit log without queueing a sync mutation', async () => {
    const { db, commands } = await clinicFixture();
    const outbox = await db.outbox.count();
    const result = await commands.run('patient/view', { patientId: 'p1' }, frontDesk);
    expect(result).toMatchObject({ ok: true, value: { id: 'p1', familyName: 'Lovelace' } });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'PATIENT_VIEWED', patientId: 'p1', actor: { staffId: 'staff-desk' }, mutationId: null });
    expect(await db.outbox.count()).toBe(outbox);
    expect(await commands.run('patient/view', { patientId: 'ghost' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity' } });
  });
});
