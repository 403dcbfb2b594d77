import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { enrollDevice } from '../accounts/enroll-device';
import { openPostgresStorage } from './postgres-storage';
import { openThrowawayPostgres, testPostgresUrl } from './postgres-test-database';
import { runJoinClinicContract } from './join-clinic.contract';
import { runStorageContract } from './storage.contract';
import { runSyncGapsContract } from './sync-gaps.contract';

const url = testPostgresUrl();

if (url === undefined) {
  const reason = 'PostgreSQL contract tests skipped: set TIMEDESK_TEST_PG_URL (or DATABASE_URL) to a postgres:// URL (.ci/run does).';
  console.warn(reason);
  describe('storage contract: postgres', () => {
    it.skip(reason, () => undefined);
  });
} else {
  runStorageContract('postgres', () => openThrowawayPostgres(url));
  runJoinClinicContract('postgres', () => openThrowawayPostgres(url));
  runSyncGapsContract('postgres', () => openThrowawayPostgres(url));

  describe('postgres: a database created before clinics.set_up_by', () => {
    it('gains the column on open, keeps its clinics, and claims a set-up desk from then on', async () => {
      const schema = `timedesk_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.query(`CREATE TABLE ${schema}.clinics (id TEXT PRIMARY KEY, name TEXT NOT NULL, time_zone TEXT NOT NULL, created_at TEXT NOT NULL, last_change BIGINT NOT NULL DEFAULT 0)`);
        await admin.query(`INSERT INTO ${schema}.clinics (id, name, time_zone, created_at) VALUES ('c_old', 'Old Street', 'Europe/London', '2026-01-01T00:00:00.000Z')`);
        const clock = () => Date.parse('2026-03-01T08:00:00.000Z');
        const storage = await openPostgresStorage({ connectionString: url, schema });
        try {
          expect(await storage.getClinic('c_old')).toMatchObject({ name: 'Old Street', lastChange: 0 });
          const fresh = await createClinic(storage, { name: 'New Street', zone: 'Europe/London' }, clock);
          const a = await issueEnrollmentCode(storage, { clinicId: fresh.id }, clock);
          const b = await issueEnrollmentCode(storage, { clinicId: fresh.id }, clock);
          await enrollDevice(storage, { code: a.code, deviceId: `${schema}-a`, deviceName: 'A', deskSetUp: true }, clock);
          await expect(enrollDevice(storage, { code: b.code, deviceId: `${schema}-b`, deviceName: 'B', deskSetUp: true }, clock)).rejects.toMatchObject({ code: 'clinic-already-set-up' });
        } finally {
          await storage.close();
        }
        // Opening again finds the column already there.
        await (await openPostgresStorage({ connectionString: url, schema })).close();
      } finally {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      }
    });
  });
}
