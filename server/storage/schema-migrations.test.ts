import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { hashSecret } from '../accounts/secrets';
import { applyPush } from '../sync/apply-push';
import { patientMutation } from '../sync/push-fixtures';
import { openPostgresStorage } from './postgres-storage';
import { testPostgresUrl } from './postgres-test-database';
import { latestSchemaVersion, migrations } from './schema-migrations';
import type { Dialect } from './schema-migrations';
import { openSqliteStorage } from './sqlite-storage';
import type { RawSqlAccess, Storage } from './storage';

// The rows a clinic had under issue 6's schema (version 1): a desk with its
// token, one recorded mutation with its change, and one audit entry.
const issueSixRows = `
INSERT INTO clinics (id, name, time_zone, created_at, last_change) VALUES ('c_old', 'Old Street', 'Europe/London', '2026-01-01T00:00:00.000Z', 1);
INSERT INTO devices (id, clinic_id, name, token_hash, created_at, last_device_seq) VALUES ('old-desk', 'c_old', 'Front desk', '${hashSecret('old-token-0123456789abcdef')}', '2026-01-01T00:00:00.000Z', 1);
INSERT INTO mutations (mutation_id, clinic_id, device_id, device_seq, result) VALUES ('old-desk-m1', 'c_old', 'old-desk', 1, '{"mutationId":"old-desk-m1","status":"applied","change":1}');
INSERT INTO entities (clinic_id, entity, id, version, data, deleted, device_id) VALUES ('c_old', 'patient', 'old-desk-p1', 1, '{"id":"old-desk-p1"}', FALSE, 'old-desk');
INSERT INTO changes (clinic_id, change, entity, id, op, version, data) VALUES ('c_old', 1, 'patient', 'old-desk-p1', 'put', 1, '{"id":"old-desk-p1"}');
INSERT INTO audit_entries (clinic_id, device_id, seq, hash, prev_hash, entry) VALUES ('c_old', 'old-desk', 1, 'h1', 'h0', '{"seq":1}');
`;

function baselineOnly(dialect: Dialect): string {
  const [baseline] = migrations;
  return (baseline?.steps(dialect) ?? []).filter((step): step is string => typeof step === 'string').join('\n');
}

/** What a database created by issue 6's code must still hold and do once migrated. */
async function expectIssueSixClinicKept(storage: Storage & RawSqlAccess): Promise<void> {
  const device = await storage.findDeviceByTokenHash(hashSecret('old-token-0123456789abcdef'));
  expect(device).toMatchObject({ id: 'old-desk', clinicId: 'c_old', name: 'Front desk', lastDeviceSeq: 1, revokedAt: null });
  expect(await storage.readChanges('c_old', 0, 10)).toEqual([{ change: 1, entity: 'patient', id: 'old-desk-p1', op: 'put', version: 1, data: { id: 'old-desk-p1' } }]);
  expect(await storage.readAudit('c_old', 'old-desk', 1, 10)).toEqual([{ seq: 1, hash: 'h1', prevHash: 'h0', entry: { seq: 1 } }]);
  // A resend of the old mutation is still a duplicate, and the next one applies with the next change number.
  const auth = { clinicId: 'c_old', deviceId: 'old-desk' };
  const resend = await applyPush(storage, auth, { deviceId: 'old-desk', mutations: [patientMutation('old-desk', 1)], audit: [] });
  expect(resend.results[0]).toMatchObject({ mutationId: 'old-desk-m1', status: 'duplicate', original: 'applied', change: 1 });
  const next = await applyPush(storage, auth, { deviceId: 'old-desk', mutations: [patientMutation('old-desk', 2)], audit: [] });
  expect(next.results[0]).toMatchObject({ status: 'applied', change: 2 });
  // Still append-only after the rebuild.
  await expect(storage.rawExecute("UPDATE audit_entries SET hash = 'x' WHERE device_id = 'old-desk'")).rejects.toThrow(/append-only/);
}

describe('schema migrations: sqlite', () => {
  it('migrates a database created by issue 6 to the latest version, keeping its desk, token, mutations, changes and audit chain', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'timedesk-migrate-'));
    const path = join(folder, 'old.sqlite');
    try {
      const old = new Database(path);
      old.exec(baselineOnly('sqlite'));
      old.exec(issueSixRows.replaceAll('FALSE', '0'));
      old.close();
      const storage = await openSqliteStorage({ path });
      try {
        await expectIssueSixClinicKept(storage);
      } finally {
        await storage.close();
      }
      const check = new Database(path);
      expect(check.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(migrations.map((migration) => migration.version));
      check.close();
      // Opening again applies nothing.
      await (await openSqliteStorage({ path })).close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('rolls a failing migration back whole and records nothing of it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'timedesk-migrate-fail-'));
    const path = join(folder, 'db.sqlite');
    try {
      const stopAt = latestSchemaVersion;
      await expect(
        openSqliteStorage({
          path,
          testHooks: {
            beforeMigrationCommit: async ({ version }) => {
              if (version === stopAt) throw new Error('killed mid-migration');
            },
          },
        }),
      ).rejects.toThrow('killed mid-migration');
      const check = new Database(path);
      expect(check.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(stopAt - 1);
      check.close();
      const storage = await openSqliteStorage({ path });
      await storage.close();
      const after = new Database(path);
      expect(after.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(migrations.map((migration) => migration.version));
      after.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const url = testPostgresUrl();

describe.skipIf(url === undefined)('schema migrations: postgres', () => {
  async function withSchema(run: (schema: string, admin: pg.Client) => Promise<void>): Promise<void> {
    const schema = `timedesk_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await run(schema, admin);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }

  it('migrates a database created by issue 6 to the latest version, keeping its desk, token, mutations, changes and audit chain', async () => {
    await withSchema(async (schema, admin) => {
      await admin.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}; ${baselineOnly('postgres')} ${issueSixRows} RESET search_path;`);
      const storage = await openPostgresStorage({ connectionString: url!, schema });
      try {
        await expectIssueSixClinicKept(storage);
      } finally {
        await storage.close();
      }
      const { rows } = await admin.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
      expect(rows.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
    });
  });

  it('three instances starting at once on an empty database run each migration exactly once', async () => {
    await withSchema(async (schema, admin) => {
      const opened = await Promise.all([0, 1, 2].map(() => openPostgresStorage({ connectionString: url!, schema, maxConnections: 2 })));
      await Promise.all(opened.map((storage) => storage.close()));
      const { rows } = await admin.query<{ version: number; count: string }>(`SELECT version, count(*) FROM ${schema}.schema_migrations GROUP BY version ORDER BY version`);
      expect(rows.map((row) => [row.version, Number(row.count)])).toEqual(migrations.map((migration) => [migration.version, 1]));
    });
  });

  it('an instance that dies inside a migration leaves it unapplied and unlocked; the next instance applies it', async () => {
    await withSchema(async (schema, admin) => {
      const stopAt = latestSchemaVersion;
      await expect(
        openPostgresStorage({
          connectionString: url!,
          schema,
          testHooks: {
            beforeMigrationCommit: async ({ version }) => {
              if (version === stopAt) throw new Error('killed mid-migration');
            },
          },
        }),
      ).rejects.toThrow('killed mid-migration');
      const { rows } = await admin.query<{ max: number }>(`SELECT max(version) FROM ${schema}.schema_migrations`);
      expect(rows[0]?.max).toBe(stopAt - 1);
      const storage = await openPostgresStorage({ connectionString: url!, schema });
      await storage.close();
      const after = await admin.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
      expect(after.rows.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
    });
  });
});
