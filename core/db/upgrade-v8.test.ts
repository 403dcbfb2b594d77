import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshStorage } from './fake-database.fixture';
import { openTimedeskDb } from './open-database';
import { currentSchemaVersion, v4Stores } from './schema';

describe('upgrade v4 → v8 (confirmations and reminders)', () => {
  it('keeps every v4 row and adds the confirmation and reminder tables empty and usable', async () => {
    const storage = freshStorage();
    const v4 = new Dexie(storage.name, { indexedDB: storage.indexedDB, IDBKeyRange: storage.IDBKeyRange });
    v4.version(4).stores(v4Stores);
    await v4.open();
    const appointment = { id: 'a1', patientId: 'p1', start: '2026-03-02T14:00:00.000Z', day: '2026-03-02', resourceIds: ['dr-lee'], seriesId: undefined };
    await v4.table('appointments').add(appointment);
    await v4.table('patients').add({ id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
    await v4.table('meta').add({ key: 'device', deviceId: 'desk-1', appVersion: '0.0.9', firstRunAt: '2026-01-01T00:00:00.000Z', auditSeq: 0, auditHead: '0'.repeat(64), deviceSeq: 0, hlc: { millis: 0, counter: 0 } });
    v4.close();

    const { db } = await openTimedeskDb({ ...storage, appVersion: '0.1.0', now: Date.UTC(2026, 2, 1) });
    expect(db.verno).toBe(currentSchemaVersion);
    expect(currentSchemaVersion).toBeGreaterThanOrEqual(8);
    expect(await db.appointments.get('a1')).toMatchObject({ id: 'a1', day: '2026-03-02' });
    expect(await db.patients.count()).toBe(1);
    for (const table of ['visitConfirmations', 'contactConsents', 'reminderRules', 'reminders']) expect(await db.table(table).count(), table).toBe(0);
    await db.table('reminders').add({ id: 'r1', visitKey: 'a1', patientId: 'p1', state: 'pending', dueAt: '2026-02-28T15:00:00.000Z' });
    expect(await db.table('reminders').where('[state+dueAt]').between(['pending', ''], ['pending', '\uffff']).count()).toBe(1);
  });
});
