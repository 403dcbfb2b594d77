import { describe, expect, it } from 'vitest';
import { admin, clinicFixture, frontDesk, manager } from './commands.fixture';
import type { DeskLanguage } from '../model';

describe('setup commands', () => {
  it('saves a resource, and an edit audits only what changed', async () => {
    const { db, commands } = await clinicFixture();
    const result = await commands.run('resource/save', { id: 'dr-lee', kind: 'provider', name: 'Dr Lee-Smith', timeZone: 'America/New_York' }, manager);
    expect(result).toMatchObject({ ok: true, value: { name: 'Dr Lee-Smith', capacity: 1 } });
    expect((await db.audit.orderBy('[deviceId+seq]').last())?.changes).toEqual({ name: { before: 'Dr Lee', after: 'Dr Lee-Smith' } });
  });

  it('keeps setup to managers and staff accounts to admins', async () => {
    const { commands } = await clinicFixture();
    expect(await commands.run('resource/save', { kind: 'room', name: 'Room 2', timeZone: 'America/New_York' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect(await commands.run('closure/save', { resourceId: null, startDate: '2026-12-25', endDate: '2026-12-25', reason: 'Christmas' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect(await commands.run('staff/save', { displayName: 'New Hire', username: 'new.hire', role: 'front_desk' }, manager)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect((await commands.run('staff/save', { displayName: 'New Hire', username: 'New.Hire', role: 'front_desk' }, admin)).ok).toBe(true);
  });

  it('refuses inverted closures and unknown resources, naming the field', async () => {
    const { commands } = await clinicFixture();
    expect(await commands.run('closure/save', { resourceId: 'ghost', startDate: '2026-12-25', endDate: '2026-12-25', reason: 'Christmas' }, manager)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'resourceId' } });
    expect(await commands.run('closure/save', { resourceId: null, startDate: '2026-12-26', endDate: '2026-12-25', reason: 'Christmas' }, manager)).toMatchObject({ ok: false, error: { code: 'end-not-after-start', field: 'endDate' } });
  });

  it('keeps usernames unique', async () => {
    const { commands, must } = await clinicFixture();
    await must('staff/save', { id: 'jo', displayName: 'Jo Smith', username: 'jo.smith', role: 'front_desk' }, admin);
    expect(await commands.run('staff/save', { displayName: 'Joanne Smith', username: 'JO.SMITH', role: 'manager' }, admin)).toMatchObject({ ok: false, error: { code: 'duplicate-id', field: 'username' } });
    expect((await commands.run('staff/save', { id: 'jo', displayName: 'Jo Smith', username: 'jo.smith', role: 'manager' }, admin)).ok).toBe(true);
  });

  it('removes a closure entered by mistake, so the day books again, and audits what it held', async () => {
    const { db, commands, must } = await clinicFixture();
    const christmas = await must('closure/save', { resourceId: null, startDate: '2026-01-05', endDate: '2026-01-05', reason: 'Typo: meant December' }, manager);
    const booking = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 };
    expect(await commands.run('appointment/book', booking, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });
    expect(await commands.run('closure/remove', { id: christmas.id }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect(await commands.run('closure/remove', { id: christmas.id }, manager)).toMatchObject({ ok: true, value: { reason: 'Typo: meant December' } });
    expect(await db.closures.get(christmas.id)).toBeUndefined();
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'CLOSURE_REMOVED', entityId: christmas.id, changes: { reason: { before: 'Typo: meant December', after: null } } });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'closure/remove', effects: [{ entity: 'closure', id: christmas.id, op: 'delete' }] });
    expect((await commands.run('appointment/book', booking, frontDesk)).ok).toBe(true);
    expect(await commands.run('closure/remove', { id: christmas.id }, manager)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'id' } });
  });

  it('lets each staff member choose their own language, synced and audited with the staff record', async () => {
    const { db, commands, must } = await clinicFixture();
    await must('staff/save', { id: frontDesk.staffId, displayName: 'Dana Desk', username: 'dana', role: 'front_desk' }, admin);
    await must('staff/save', { id: manager.staffId, displayName: 'Morgan Manager', username: 'morgan', role: 'manager' }, admin);
    expect(await commands.run('staff/set-language', { staffId: frontDesk.staffId, language: 'es' }, frontDesk)).toMatchObject({ ok: true, value: { language: 'es' } });
    expect((await db.staff.get(frontDesk.staffId))?.language).toBe('es');
    expect(await db.audit.orderBy('[deviceId+seq]').last()).toMatchObject({ action: 'STAFF_SAVED', actor: { staffId: frontDesk.staffId }, changes: { language: { before: null, after: 'es' } } });
    expect(await db.outbox.orderBy('deviceSeq').last()).toMatchObject({ name: 'staff/set-language', effects: [{ entity: 'staff', id: frontDesk.staffId, op: 'put', data: { language: 'es', username: 'dana' } }] });
    // An admin's edit of the account (a new name) keeps the choice.
    await must('staff/save', { id: frontDesk.staffId, displayName: 'Dana Desk-Ruiz', username: 'dana', role: 'front_desk' }, admin);
    expect(await db.staff.get(frontDesk.staffId)).toMatchObject({ displayName: 'Dana Desk-Ruiz', language: 'es' });
    // Back to the clinic's language: the key goes, it is not stored as null.
    await must('staff/set-language', { staffId: frontDesk.staffId, language: null }, frontDesk);
    expect(await db.staff.get(frontDesk.staffId)).not.toHaveProperty('language');
  });

  it('keeps other people’s language to admins and refuses languages without words', async () => {
    const { commands, must } = await clinicFixture();
    await must('staff/save', { id: manager.staffId, displayName: 'Morgan Manager', username: 'morgan', role: 'manager' }, admin);
    expect(await commands.run('staff/set-language', { staffId: manager.staffId, language: 'fr' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    expect(await commands.run('staff/set-language', { staffId: manager.staffId, language: 'fr' }, admin)).toMatchObject({ ok: true, value: { language: 'fr' } });
    expect(await commands.run('staff/set-language', { staffId: manager.staffId, language: 'de' as DeskLanguage }, manager)).toMatchObject({ ok: false, error: { field: 'language' } });
    expect(await commands.run('staff/set-language', { staffId: 'ghost', language: 'fr' }, admin)).toMatchObject({ ok: false, error: { code: 'unknown-entity', field: 'staffId' } });
  });
});
