import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinic, issueEnrollmentCode } from './accounts/clinic-admin';
import { heavyBatch, killServer, pullEverything, rawPost, spawnServer, waitForOutput } from './server-process.fixture';
import type { RunningServer, ServerStore } from './server-process.fixture';
import { openPostgresStorage } from './storage/postgres-storage';
import { appliedMigrationCounts, testPostgresUrl } from './storage/postgres-test-database';
import { migrations } from './storage/schema-migrations';
import { openSqliteStorage } from './storage/sqlite-storage';
import type { Storage } from './storage/storage';

// The real thing: `node --import tsx server/main.ts` on a free port, on SQLite
// and on PostgreSQL, killed with SIGKILL while a push's transaction is open,
// stopped with SIGTERM while a push is in flight.

interface Backend {
  name: string;
  store: ServerStore;
  open(): Promise<Storage>;
  dispose(): Promise<void>;
}

const folder = mkdtempSync(join(tmpdir(), 'timedesk-process-'));
const backends: Backend[] = [
  {
    name: 'sqlite',
    store: { sqlitePath: join(folder, 'server.sqlite') },
    open: () => openSqliteStorage({ path: join(folder, 'server.sqlite') }),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  },
];
const url = testPostgresUrl();
if (url !== undefined) {
  const schema = `timedesk_test_${randomBytes(6).toString('hex')}`;
  backends.push({
    name: 'postgres',
    store: { postgresUrl: url, schema },
    open: () => openPostgresStorage({ connectionString: url, schema }),
    dispose: () => dropSchema(url, schema),
  });
} else {
  console.warn('main-process: the PostgreSQL server process tests skipped; set TIMEDESK_TEST_PG_URL.');
}

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

async function enroll(base: string, code: string, deviceId: string): Promise<string> {
  const response = await fetch(`${base}/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId, deviceName: 'Desk' }) });
  if (response.status !== 200) throw new Error(`enroll answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

for (const backend of backends) {
  describe(`a real server process: ${backend.name}`, () => {
    let server: RunningServer | undefined;
    let token = '';

    beforeAll(async () => {
      const storage = await backend.open();
      const clinic = await createClinic(storage, { name: 'Process', zone: 'Europe/London' }, Date.now);
      const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, Date.now);
      await storage.close();
      server = await spawnServer(backend.store);
      token = await enroll(server.base, code, 'desk-1');
    }, 60_000);

    afterAll(async () => {
      await killServer(server);
      await backend.dispose();
    });

    it('keeps nothing of a push killed with SIGKILL inside its transaction, and applies all of it when resent after a restart', async () => {
      const warm = await rawPost(`${server!.base}/v1/sync/push`, token, { deviceId: 'desk-1', mutations: heavyBatch('desk-1', 1, 100), audit: [] });
      expect(warm.status).toBe(200);
      server!.child.kill('SIGTERM');
      await server!.exited;

      // Test-only hook (config.ts, NODE_ENV=test only): the server holds each push's
      // transaction open with all its writes sent, just before COMMIT, and logs that it
      // did; the kill lands then, so a half-written push would show below.
      server = await spawnServer(backend.store, { NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '60000' });
      const paused = server;
      const batch = { deviceId: 'desk-1', mutations: heavyBatch('desk-1', 101, 100), audit: [] };
      const answered = rawPost(`${paused.base}/v1/sync/push`, token, batch).then(
        () => true,
        () => false,
      );
      await waitForOutput(paused, 'test-only push pause');
      expect(paused.output()).toContain('"deviceId":"desk-1"');
      paused.child.kill('SIGKILL');
      expect(await answered).toBe(false);
      await paused.exited;

      server = await spawnServer(backend.store);
      // Nothing of the killed push is stored: the first push's 1,000 changes, none after.
      const survivors = await pullEverything(server.base, token);
      expect(survivors.map((c) => c.change)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect(survivors.some((c) => c.id.startsWith('desk-1-s101-'))).toBe(false);

      const again = await rawPost(`${server.base}/v1/sync/push`, token, batch);
      expect(again.status).toBe(200);
      const statuses = (JSON.parse(again.body) as { results: { status: string }[] }).results.map((r) => r.status);
      expect(statuses).toEqual(Array<string>(100).fill('applied'));

      const changes = await pullEverything(server.base, token);
      expect(changes.map((c) => c.change)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
      expect(new Set(changes.map((c) => c.id)).size).toBe(2000);
    }, 120_000);

    it('answers a resend after a dropped ack with duplicates and writes nothing twice', async () => {
      const running = server!;
      const before = (await pullEverything(running.base, token)).length;
      const batch = { deviceId: 'desk-1', mutations: heavyBatch('desk-1', 201, 20), audit: [] };
      const payload = JSON.stringify(batch);
      // The ack reaches the desk's socket, but the desk dies before reading it.
      await new Promise<void>((resolve, reject) => {
        const outgoing = request(`${running.base}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (response) => {
          response.destroy();
          resolve();
        });
        outgoing.on('error', reject);
        outgoing.end(payload);
      });
      const resend = await fetch(`${running.base}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: payload });
      const results = ((await resend.json()) as { results: { status: string; original: string }[] }).results;
      expect(results.map((r) => r.status)).toEqual(Array<string>(20).fill('duplicate'));
      expect(results.every((r) => r.original === 'applied')).toBe(true);
      expect((await pullEverything(running.base, token)).length).toBe(before + 200);
    }, 60_000);

    it('finishes a push in flight when stopped with SIGTERM (it commits and answers), exits 0, and never logs the token', async () => {
      server!.child.kill('SIGTERM');
      await server!.exited;
      server = await spawnServer(backend.store, { NODE_ENV: 'test', TIMEDESK_TEST_PUSH_PAUSE_MS: '1500' });
      const running = server;
      const before = (await pullEverything(running.base, token)).length;
      const answered = rawPost(`${running.base}/v1/sync/push`, token, { deviceId: 'desk-1', mutations: heavyBatch('desk-1', 221, 10), audit: [] });
      await waitForOutput(running, 'test-only push pause');
      running.child.kill('SIGTERM');
      const response = await answered;
      expect(response.status).toBe(200);
      expect((JSON.parse(response.body) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(Array<string>(10).fill('applied'));
      expect(await running.exited).toBe(0);
      expect(running.output()).toContain('"signal":"SIGTERM"');
      expect(running.output()).not.toContain(token);

      server = await spawnServer(backend.store);
      expect((await pullEverything(server.base, token)).length).toBe(before + 100);
    }, 60_000);
  });
}

describe('a real server process: configuration', () => {
  it('refuses to start with a test-only pause outside NODE_ENV=test', async () => {
    const store = { sqlitePath: join(mkdtempSync(join(tmpdir(), 'timedesk-refuse-')), 'x.sqlite') };
    for (const variable of ['TIMEDESK_TEST_PUSH_PAUSE_MS', 'TIMEDESK_TEST_MIGRATION_PAUSE_MS']) {
      const refused = await spawnServer(store, { NODE_ENV: 'production', [variable]: '60000' }).then(
        () => 'started',
        (error: unknown) => String(error),
      );
      expect(refused).toContain(`${variable} is test-only`);
    }
  }, 60_000);
});

describe.skipIf(url === undefined)('a real server process: killed inside a migration (postgres)', () => {
  it('leaves the migration unapplied and its lock free; an instance waiting on the lock then applies it once and starts', async () => {
    const schema = `timedesk_test_${randomBytes(6).toString('hex')}`;
    const store = { postgresUrl: url!, schema };
    let first: RunningServer | undefined;
    let second: RunningServer | undefined;
    try {
      first = await spawnServer(store, { NODE_ENV: 'test', TIMEDESK_TEST_MIGRATION_PAUSE_MS: '60000' }, /test-only migration pause/);
      // A second instance starting meanwhile waits on the migration lock: it is not ready while the first holds it.
      const starting = spawnServer(store);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      first.child.kill('SIGKILL');
      await first.exited;
      second = await starting;
      expect(await appliedMigrationCounts(url!, schema)).toEqual(migrations.map((migration) => [migration.version, 1]));
      const health = await fetch(`${second.base}/v1/health`);
      expect(await health.json()).toMatchObject({ ok: true, storage: 'postgres', database: 'up' });
      expect(second.output()).not.toContain('test-only migration pause');
    } finally {
      await killServer(first);
      await killServer(second);
      await dropSchema(url!, schema);
    }
  }, 90_000);
});
