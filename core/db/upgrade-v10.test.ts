import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { sampleAuditChain } from '../audit/sample-chain';
import { freshStorage } from './fake-database.fixture';
import { openTimedeskDb } from './open-database';
import { currentSchemaVersion, v9Stores } from './schema';

describe('upgrade v9 → v10 (the audit screen’s verified head)', () => {
  it('keeps every v9 row, the audit chain untouched, and adds the verified-head table empty and usable', async () => {
    const storage = freshStorage();
    const v9 = new Dexie(storage.name, { indexedDB: storage.indexedDB, IDBKeyRange: storage.IDBKeyRange });
    v9.version(9).stores(v9Stores);
    await v9.open();
    const chain = [...sampleAuditChain(3)];
    const head = chain[2]!;
    await v9.table('audit').bulkAdd(chain);
    await v9.table('waitlist').add({ id: 'w1', patientId: 'p1' });
    await v9.table('meta').add({ key: 'device', deviceId: 'desk-1', appVersion: '0.0.9', firstRunAt: '2026-01-01T00:00:00.000Z', auditSeq: 3, auditHead: head.hash, deviceSeq: 0, hlc: { millis: 0, counter: 0 } });
    v9.close();

    const { db, device } = await openTimedeskDb({ ...storage, appVersion: '0.1.0', now: Date.UTC(2026, 11, 7) });
    expect(db.verno).toBe(currentSchemaVersion);
    expect(currentSchemaVersion).toBeGreaterThanOrEqual(10);
    expect(device).toMatchObject({ deviceId: 'desk-1', auditSeq: 3, auditHead: head.hash });
    expect(await db.audit.orderBy('[deviceId+seq]').toArray()).toEqual(chain);
    expect(verifyAuditChain(await db.audit.orderBy('[deviceId+seq]').toArray())).toMatchObject({ ok: true, count: 3 });
    expect(await db.waitlist.count()).toBe(1);
    // Nothing verified yet: the first check after the upgrade verifies the whole chain.
    expect(await db.auditVerification.count()).toBe(0);
    const verified = { deviceId: 'desk-1', seq: 3, hash: head.hash, verifiedAt: '2026-12-07T09:00:00.000Z', fullVerifiedAt: '2026-12-07T09:00:00.000Z' };
    await db.auditVerification.put(verified);
    expect(await db.auditVerification.get('desk-1')).toEqual(verified);
  });
});
