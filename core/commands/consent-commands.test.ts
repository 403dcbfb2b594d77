import { describe, expect, it } from 'vitest';
import { clinicFixture, frontDesk, manager } from './commands.fixture';

const textsOnly = { patientId: 'p1', emailAllowed: false, smsAllowed: true, preferredChannel: 'sms', optedOut: false } as const;

describe('patient/set-consent', () => {
  it('records the answer under who asked and when: audited field by field, queued as a contactConsent record', async () => {
    const { db, commands, clock } = await clinicFixture();
    const result = await commands.run('patient/set-consent', textsOnly, frontDesk);
    const at = new Date(clock.now).toISOString();
    expect(result).toEqual({
      ok: true,
      value: { id: 'p1', patientId: 'p1', emailAllowed: false, smsAllowed: true, preferredChannel: 'sms', optedOut: false, recordedBy: frontDesk.staffId, recordedAt: at, version: 1, createdAt: at, updatedAt: at },
    });
    expect(await db.contactConsents.get('p1')).toMatchObject({ smsAllowed: true, recordedBy: frontDesk.staffId });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({
      action: 'CONTACT_CONSENT_SET',
      entityType: 'contact-consent',
      entityId: 'p1',
      patientId: 'p1',
      actor: { staffId: frontDesk.staffId },
      changes: {
        emailAllowed: { before: null, after: false },
        smsAllowed: { before: null, after: true },
        preferredChannel: { before: null, after: 'sms' },
        optedOut: { before: null, after: false },
        recordedBy: { before: null, after: frontDesk.staffId },
        recordedAt: { before: null, after: at },
      },
    });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({
      name: 'patient/set-consent',
      baseVersion: null,
      args: textsOnly,
      effects: [{ entity: 'contactConsent', id: 'p1', op: 'put' }],
    });
  });

  it('an opt-out keeps the flags as they were, says why, and is audited with before and after by whoever recorded it', async () => {
    const { db, must, clock } = await clinicFixture();
    await must('patient/set-consent', textsOnly, frontDesk);
    clock.now += 86_400_000;
    const opted = await must('patient/set-consent', { ...textsOnly, optedOut: true, optOutReason: 'Asked for no reminders' }, manager);
    expect(opted).toMatchObject({ optedOut: true, smsAllowed: true, preferredChannel: 'sms', optOutReason: 'Asked for no reminders', recordedBy: manager.staffId, version: 2 });
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({
      action: 'CONTACT_CONSENT_SET',
      reason: 'Asked for no reminders',
      changes: {
        optedOut: { before: false, after: true },
        optOutReason: { before: null, after: 'Asked for no reminders' },
        recordedBy: { before: frontDesk.staffId, after: manager.staffId },
        recordedAt: { before: '2026-01-02T12:00:00.000Z', after: '2026-01-03T12:00:00.000Z' },
      },
    });
    expect(Object.keys((await db.audit.orderBy('[deviceId+seq]').last())?.changes ?? {})).not.toContain('smsAllowed');
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'patient/set-consent', baseVersion: 1 });
  });

  it('refuses a bad answer or an unknown patient, naming the field, and stores nothing but the refused attempt', async () => {
    const { db, commands } = await clinicFixture();
    const queued = await db.outbox.count();
    expect(await commands.run('patient/set-consent', { ...textsOnly, patientId: 'ghost' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'patientId' } });
    expect(await commands.run('patient/set-consent', { ...textsOnly, smsAllowed: false }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-format', field: 'preferredChannel' } });
    expect(await commands.run('patient/set-consent', { ...textsOnly, optedOut: true }, frontDesk)).toMatchObject({ ok: false, error: { code: 'reason-required', field: 'optOutReason' } });
    expect(await commands.run('patient/set-consent', { ...textsOnly, optOutReason: 'Moved' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'invalid-format', field: 'optOutReason' } });
    expect(await commands.run('patient/set-consent', { ...textsOnly, preferredChannel: 'fax' as never }, frontDesk)).toMatchObject({ ok: false, error: { field: 'preferredChannel' } });
    expect(await db.contactConsents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(queued);
    // Each attempt is kept as refused (who tried, for which patient, why not), none as done.
    expect((await db.audit.where('action').equals('CONTACT_CONSENT_SET').toArray()).map((entry) => entry.outcome)).toEqual(Array(5).fill('refused'));
  });
});
