import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshStorage } from './fake-database.fixture';
import { openTimedeskDb } from './open-database';
import { currentSchemaVersion, v2Stores } from './schema';

describe('upgrade v2 → v3', () => {
  it('keeps queued outbox mutations (now with an empty effects list) and adds the sync tables empty', async () => {
    const storage = freshStorage();
    const v2 = new Dexie(storage.name, { indexedDB: storage.indexedDB, IDBKeyRange: storage.IDBKeyRange });
    v2.version(2).stores(v2Stores);
    await v2.open();
    const queued = { mutationId: 'm1', deviceId: 'desk-1', deviceSeq: 1, hlc: '000001764061200000:0000:desk-1', name: 'patient/register', args: { id: 'p1' }, baseVersion: null, schemaVersion: 2 };
    await v2.table('outbox').add(queued);
    await v2.table('meta').add({ key: 'device', deviceId: 'desk-1', appVersion: '0.0.9', firstRunAt: '2026-01-01T00:00:00.000Z', auditSeq: 0, auditHead: '0'.repeat(64), deviceSeq: 1, hlc: { millis: 0, counter: 0 } });
    v2.close();

    const { db, device } = await openTimedeskDb({ ...storage, appVersion: '0.1.0', now: Date.UTC(2026, 10, 25) });
    expect(db.verno).toBe(currentSchemaVersion);
    // … and v4 stamps queued rows with its schema (their effects name no weekday rule to rewrite).
    expect(await db.outbox.toArray()).toEqual([{ ...queued, effects: [], schemaVersion: 4 }]);
    expect(device).toMatchObject({ deviceId: 'desk-1', deviceSeq: 1, appVersion: '0.1.0' });
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.syncRejections.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
  });
});
