import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, appendEntry } from '../audit';
import { extendEveryDatabase } from './database-extensions';
import { countingBytes, freshStorage } from './fake-database.fixture';
import { openTimedeskDb, readDevice } from './open-database';
import { TimedeskDb } from './timedesk-db';

const now = Date.UTC(2026, 10, 25, 9);

function draft(deviceId: string, id: string) {
  return {
    id,
    deviceId,
    appVersion: '0.1.0',
    at: '2026-11-25T09:00:00.000Z',
    actor: { kind: 'staff', staffId: 'staff-1', displayName: 'Jo Smith', role: 'front_desk' },
    action: 'PATIENT_VIEWED',
    entityType: 'patient',
    entityId: 'p1',
    patientId: 'p1',
    changes: {},
    reason: null,
    outcome: 'success',
    mutationId: null,
  };
}

describe('TimedeskDb', () => {
  it('gives the device a random id on first run and keeps it on every later open', async () => {
    const storage = freshStorage();
    const first = await openTimedeskDb({ ...storage, appVersion: '0.1.0', now, randomBytes: countingBytes(7) });
    expect(first.device.deviceId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.device).toMatchObject({ auditSeq: 0, deviceSeq: 0, auditHead: GENESIS_HASH, firstRunAt: '2026-11-25T09:00:00.000Z' });
    first.db.close();

    const second = await openTimedeskDb({ ...storage, appVersion: '0.2.0', now: now + 1000, randomBytes: countingBytes(99) });
    expect(second.device.deviceId).toBe(first.device.deviceId);
    expect(second.device.firstRunAt).toBe(first.device.firstRunAt);
    expect((await readDevice(second.db)).appVersion).toBe('0.2.0');
    second.db.close();
  });

  it('two databases get different device ids from the platform random source', async () => {
    const a = await openTimedeskDb({ ...freshStorage(), appVersion: '0.1.0', now });
    const b = await openTimedeskDb({ ...freshStorage(), appVersion: '0.1.0', now });
    expect(a.device.deviceId).not.toBe(b.device.deviceId);
  });

  describe('append-only audit table', () => {
    async function withTwoEntries() {
      const { db, device } = await openTimedeskDb({ ...freshStorage(), appVersion: '0.1.0', now, randomBytes: countingBytes() });
      const first = appendEntry(null, draft(device.deviceId, 'e1'));
      const second = appendEntry(first, draft(device.deviceId, 'e2'));
      await db.audit.bulkAdd([first, second]);
      return { db, first, second };
    }

    it('accepts new entries', async () => {
      const { db } = await withTwoEntries();
      expect(await db.audit.count()).toBe(2);
    });

    it('refuses to delete an entry, clear the table or delete by query', async () => {
      const { db, first } = await withTwoEntries();
      await expect(db.audit.delete([first.deviceId, first.seq])).rejects.toThrow(/append-only/);
      await expect(db.audit.clear()).rejects.toThrow(/append-only/);
      await expect(db.audit.where('action').equals('PATIENT_VIEWED').delete()).rejects.toThrow(/append-only/);
      expect(await db.audit.count()).toBe(2);
    });

    it('refuses update, modify and overwriting put', async () => {
      const { db, first } = await withTwoEntries();
      await expect(db.audit.update([first.deviceId, first.seq], { reason: 'rewritten' })).rejects.toThrow(/append-only/);
      await expect(db.audit.toCollection().modify({ reason: 'rewritten' })).rejects.toThrow(/append-only/);
      await expect(db.audit.put({ ...first, reason: 'rewritten' })).rejects.toThrow(/append-only/);
      expect((await db.audit.get([first.deviceId, first.seq]))?.reason).toBeNull();
    });

    it('rolls back the whole transaction that tried to tamper', async () => {
      const { db, first } = await withTwoEntries();
      await expect(
        db.transaction('rw', db.audit, db.patients, async () => {
          await db.patients.add({ id: 'p9', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
          await db.audit.delete([first.deviceId, first.seq]);
        }),
      ).rejects.toThrow(/append-only/);
      expect(await db.patients.get('p9')).toBeUndefined();
    });

    it('refuses adding a second entry under an existing seq', async () => {
      const { db, first } = await withTwoEntries();
      await expect(db.audit.add({ ...first, id: 'other' })).rejects.toThrow(Dexie.ConstraintError);
    });
  });

  it('declares indexes the queries use', () => {
    const db = new TimedeskDb(freshStorage());
    const indexNames = (table: string) => db.table(table).schema.indexes.map((index) => index.name);
    expect(indexNames('bookings')).toContain('[resourceId+start]');
    expect(indexNames('appointments')).toEqual(expect.arrayContaining(['patientId', 'day', 'seriesId']));
    expect(indexNames('audit')).toEqual(expect.arrayContaining(['at', 'actor.staffId', 'action', 'patientId']));
  });

  it('installs the middleware registered by the layers above (core/sync registers on the database, the database imports no sync)', async () => {
    const writes: string[] = [];
    const unregister = extendEveryDatabase('test-write-log', () => ({
      stack: 'dbcore',
      name: 'test-write-log',
      create: (down) => ({ ...down, table: (name) => ({ ...down.table(name), mutate: (request) => (writes.push(`${name}:${request.type}`), down.table(name).mutate(request)) }) }),
    }));
    const { db } = await openTimedeskDb({ ...freshStorage(), appVersion: '0.1.0', now, randomBytes: countingBytes() });
    await db.patients.put({ id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
    expect(writes).toContain('patients:put');
    unregister();
    db.close();
  });
});
