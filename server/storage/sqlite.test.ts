import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { enrollDevice } from '../accounts/enroll-device';
import { runJoinClinicContract } from './join-clinic.contract';
import { openSqliteStorage } from './sqlite-storage';
import { runStorageContract } from './storage.contract';
import { runSyncGapsContract } from './sync-gaps.contract';

// A real file (not :memory:) so WAL mode is what is tested.
async function openSubject() {
  const folder = mkdtempSync(join(tmpdir(), 'timedesk-sqlite-'));
  return {
    storage: await openSqliteStorage({ path: join(folder, 'contract.sqlite') }),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

runStorageContract('sqlite', openSubject);
runJoinClinicContract('sqlite', openSubject);
runSyncGapsContract('sqlite', openSubject);

describe('sqlite: a database created before clinics.set_up_by', () => {
  it('gains the column on open, keeps its clinics, and claims a set-up desk from then on', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'timedesk-sqlite-old-'));
    const path = join(folder, 'old.sqlite');
    const old = new Database(path);
    old.exec('CREATE TABLE clinics (id TEXT PRIMARY KEY, name TEXT NOT NULL, time_zone TEXT NOT NULL, created_at TEXT NOT NULL, last_change INTEGER NOT NULL DEFAULT 0)');
    old.prepare('INSERT INTO clinics (id, name, time_zone, created_at) VALUES (?, ?, ?, ?)').run('c_old', 'Old Street', 'Europe/London', '2026-01-01T00:00:00.000Z');
    old.close();
    const clock = () => Date.parse('2026-03-01T08:00:00.000Z');
    const storage = await openSqliteStorage({ path });
    try {
      expect(await storage.getClinic('c_old')).toMatchObject({ name: 'Old Street', lastChange: 0 });
      const fresh = await createClinic(storage, { name: 'New Street', zone: 'Europe/London' }, clock);
      const a = await issueEnrollmentCode(storage, { clinicId: fresh.id }, clock);
      const b = await issueEnrollmentCode(storage, { clinicId: fresh.id }, clock);
      await enrollDevice(storage, { code: a.code, deviceId: 'old-db-a', deviceName: 'A', deskSetUp: true }, clock);
      await expect(enrollDevice(storage, { code: b.code, deviceId: 'old-db-b', deviceName: 'B', deskSetUp: true }, clock)).rejects.toMatchObject({ code: 'clinic-already-set-up' });
    } finally {
      await storage.close();
    }
    // Opening again finds the column already there.
    await (await openSqliteStorage({ path })).close();
    rmSync(folder, { recursive: true, force: true });
  });
});
