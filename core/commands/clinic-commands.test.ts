import { describe, expect, it } from 'vitest';
import { readClinicSettings } from '../db';
import { admin, clinicFixture, dumpStoredState, frontDesk, manager } from './commands.fixture';

const lastEntry = (db: Awaited<ReturnType<typeof clinicFixture>>['db']) => db.audit.orderBy('[deviceId+seq]').last();

describe('clinic/save-settings', () => {
  it('saves name, zone, locale and idle minutes, audited field by field, and queues them for the clinic\'s other desks', async () => {
    const { db, commands } = await clinicFixture();
    const outbox = await db.outbox.count();
    const result = await commands.run('clinic/save-settings', { name: '  Northside Clinic ', timeZone: 'America/Chicago', locale: 'en-GB', idleLockMinutes: 10 }, admin);
    expect(result).toEqual({ ok: true, value: { key: 'clinic', name: 'Northside Clinic', timeZone: 'America/Chicago', locale: 'en-GB', idleLockMinutes: 10 } });
    expect(await readClinicSettings(db)).toEqual(result.ok && result.value);
    expect(await lastEntry(db)).toMatchObject({
      action: 'CLINIC_SETTINGS_SAVED',
      entityType: 'clinic-settings',
      actor: { staffId: admin.staffId, role: 'admin' },
      changes: {
        name: { before: 'Test Clinic', after: 'Northside Clinic' },
        timeZone: { before: 'America/New_York', after: 'America/Chicago' },
        locale: { before: 'en-US', after: 'en-GB' },
        idleLockMinutes: { before: 5, after: 10 },
      },
    });
    // One mutation whose only effect is the settings as the `clinic` record (core/sync/synced-records.ts).
    expect(await db.outbox.count()).toBe(outbox + 1);
    const queued = await db.outbox.orderBy('deviceSeq').last();
    expect(queued?.effects).toEqual([
      { entity: 'clinic', id: 'clinic', op: 'put', data: { id: 'clinic', name: 'Northside Clinic', timeZone: 'America/Chicago', locale: 'en-GB', idleLockMinutes: 10 } },
    ]);
    expect((await lastEntry(db))?.mutationId).toBe(queued?.mutationId);
  });

  it('keeps the fields left out and records only what changed', async () => {
    const { db, must } = await clinicFixture();
    await must('clinic/save-settings', { idleLockMinutes: 15 }, admin);
    expect(await readClinicSettings(db)).toMatchObject({ name: 'Test Clinic', timeZone: 'America/New_York', idleLockMinutes: 15 });
    expect((await lastEntry(db))?.changes).toEqual({ idleLockMinutes: { before: 5, after: 15 } });
  });

  it('writes nothing when nothing changes', async () => {
    const { db, commands } = await clinicFixture();
    const before = await dumpStoredState(db);
    expect(await commands.run('clinic/save-settings', { idleLockMinutes: 5, locale: 'en-US' }, admin)).toMatchObject({ ok: true });
    expect(await dumpStoredState(db)).toEqual(before);
  });

  it('refuses anyone but an admin, and bad values naming the field, writing nothing', async () => {
    const { db, commands } = await clinicFixture();
    const before = await dumpStoredState(db);
    for (const session of [frontDesk, manager]) {
      expect(await commands.run('clinic/save-settings', { idleLockMinutes: 10 }, session)).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'session' } });
    }
    expect(await commands.run('clinic/save-settings', { timeZone: 'Mars/Base' }, admin)).toMatchObject({ ok: false, error: { code: 'unknown-zone', field: 'timeZone' } });
    expect(await commands.run('clinic/save-settings', { locale: 'not a locale!' }, admin)).toMatchObject({ ok: false, error: { code: 'invalid-format', field: 'locale' } });
    expect(await commands.run('clinic/save-settings', { idleLockMinutes: 0 }, admin)).toMatchObject({ ok: false, error: { field: 'idleLockMinutes' } });
    expect(await commands.run('clinic/save-settings', { idleLockMinutes: 2.5 }, admin)).toMatchObject({ ok: false, error: { field: 'idleLockMinutes' } });
    expect(await commands.run('clinic/save-settings', { name: '   ' }, admin)).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(await dumpStoredState(db)).toEqual(before);
  });

  it('the booking check reads closures in the newly saved zone', async () => {
    const { commands, must } = await clinicFixture();
    await must('closure/save', { resourceId: null, startDate: '2026-01-06', endDate: '2026-01-06', reason: 'Staff training' }, manager);
    // A clinic-wide closure is read in the clinic's zone: in New York's calendar 5 Jan 17:30 is still open.
    const late = { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T17:30', timeZone: 'America/New_York', durationMinutes: 30 };
    expect(await commands.run('appointment/book', late, frontDesk)).toMatchObject({ ok: true });
    await must('clinic/save-settings', { timeZone: 'Asia/Tokyo' }, admin);
    // 17:00 New York is 07:00 on 6 Jan in Tokyo: now inside the closed day.
    expect(await commands.run('appointment/book', { ...late, wallStart: '2026-01-05T17:00', patientId: 'p2' }, frontDesk)).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });
  });
});
