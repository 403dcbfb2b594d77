import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { buildServer } from '../app';
import { patientMutation } from '../sync/push-fixtures';
import { openPostgresStorage } from './postgres-storage';
import type { PostgresStorageOptions } from './postgres-storage';
import { testPostgresUrl } from './postgres-test-database';
import type { Storage, StorageTestHooks } from './storage';

// What a desk sees when PostgreSQL misbehaves: a clear 503 with Retry-After,
// never a hang, and nothing of the push stored; the resend applies it once.

const url = testPostgresUrl();

describe.skipIf(url === undefined)('postgres faults', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function adminClient(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => client.end());
    return client;
  }

  /** A server on a fresh schema with these pool settings, one enrolled desk, and its token. */
  async function serverWith(options: Partial<PostgresStorageOptions>, testHooks?: StorageTestHooks): Promise<{ app: FastifyInstance; storage: Storage; token: string; clinicId: string; schema: string; applicationName: string }> {
    const schema = `timedesk_test_${randomBytes(6).toString('hex')}`;
    const applicationName = `timedesk-faults-${randomBytes(4).toString('hex')}`;
    const storage = await openPostgresStorage({ connectionString: url!, schema, applicationName, ...options, ...(testHooks === undefined ? {} : { testHooks }) });
    const app = buildServer({ storage, logger: false });
    cleanups.push(async () => {
      await app.close();
      await storage.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });
    const clinic = await createClinic(storage, { name: 'Faults', zone: 'Europe/London' }, Date.now);
    const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, Date.now);
    const enrolled = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceId: `desk-${schema}`, deviceName: 'Desk' } });
    return { app, storage, token: (enrolled.json() as { token: string }).token, clinicId: clinic.id, schema, applicationName };
  }

  const pushBody = (deviceId: string, from: number, count: number) => ({ deviceId, mutations: Array.from({ length: count }, (_, index) => patientMutation(deviceId, from + index)), audit: [] });
  const push = (app: FastifyInstance, token: string, body: unknown) => app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${token}` }, payload: body as object });
  const changesOf = async (storage: Storage, clinicId: string) => (await storage.readChanges(clinicId, 0, 1000)).length;

  it('answers 503 with Retry-After at once when every pooled connection is busy, instead of hanging; the push goes through afterwards', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const subject = await serverWith({ maxConnections: 1, connectTimeoutMs: 300 }, {
      beforeCommit: async () => {
        holding = true;
        await held;
      },
    });
    const deviceId = `desk-${subject.schema}`;
    // The first push takes the only connection and holds it, just before COMMIT.
    const first = push(subject.app, subject.token, pushBody(deviceId, 1, 5));
    while (!holding) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    const refused = await push(subject.app, subject.token, pushBody(deviceId, 6, 5));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ error: { code: 'unavailable', details: { reason: 'busy', retryAfterSeconds: 1 } } });
    release();
    expect((await first).statusCode).toBe(200);
    const retried = await push(subject.app, subject.token, pushBody(deviceId, 6, 5));
    expect(retried.statusCode).toBe(200);
    expect(await changesOf(subject.storage, subject.clinicId)).toBe(10);
  });

  it('cancels a push that runs past the statement timeout (here: waiting on a clinic another session holds) with 503, storing nothing of it', async () => {
    const subject = await serverWith({ statementTimeoutMs: 400 });
    const deviceId = `desk-${subject.schema}`;
    const blocker = await adminClient();
    await blocker.query(`SET search_path = ${subject.schema}`);
    await blocker.query('BEGIN');
    await blocker.query('SELECT last_change FROM clinics WHERE id = $1 FOR UPDATE', [subject.clinicId]);
    const timedOut = await push(subject.app, subject.token, pushBody(deviceId, 1, 5));
    expect(timedOut.statusCode).toBe(503);
    expect(timedOut.headers['retry-after']).toBe('2');
    expect(timedOut.json()).toMatchObject({ error: { code: 'unavailable', details: { reason: 'timeout' } } });
    await blocker.query('ROLLBACK');
    expect(await changesOf(subject.storage, subject.clinicId)).toBe(0);
    expect((await subject.storage.getDevice(deviceId))?.lastDeviceSeq).toBe(0);
    const resent = await push(subject.app, subject.token, pushBody(deviceId, 1, 5));
    expect(resent.statusCode).toBe(200);
    expect((resent.json() as { results: { status: string }[] }).results.map((result) => result.status)).toEqual(Array<string>(5).fill('applied'));
  });

  it('fails a push whole when its connection to PostgreSQL is lost mid-push (writes sent, not committed): 503, nothing stored, the resend applies once', async () => {
    let applicationName = '';
    let cutOnce = true;
    const admin = await adminClient();
    const subject = await serverWith(
      {},
      {
        // The push's writes are in the database, uncommitted: kill its backend now.
        beforeCommit: async () => {
          if (!cutOnce) return;
          cutOnce = false;
          await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction'", [applicationName]);
        },
      },
    );
    applicationName = subject.applicationName;
    const deviceId = `desk-${subject.schema}`;
    const lost = await push(subject.app, subject.token, pushBody(deviceId, 1, 20));
    expect(lost.statusCode).toBe(503);
    expect(lost.json()).toMatchObject({ error: { code: 'unavailable', details: { reason: 'connection-lost' } } });
    expect(lost.headers['retry-after']).toBeDefined();
    expect(await changesOf(subject.storage, subject.clinicId)).toBe(0);
    const resent = await push(subject.app, subject.token, pushBody(deviceId, 1, 20));
    expect(resent.statusCode).toBe(200);
    expect((resent.json() as { results: { status: string }[] }).results.every((result) => result.status === 'applied')).toBe(true);
    expect(await changesOf(subject.storage, subject.clinicId)).toBe(20);
    const again = await push(subject.app, subject.token, pushBody(deviceId, 1, 20));
    expect((again.json() as { results: { status: string }[] }).results.every((result) => result.status === 'duplicate')).toBe(true);
    expect(await changesOf(subject.storage, subject.clinicId)).toBe(20);
  });

  it('says the database is down on /v1/health (503) when it cannot be reached', async () => {
    const storage = await openPostgresStorage({ connectionString: url!, schema: `timedesk_test_${randomBytes(6).toString('hex')}`, connectTimeoutMs: 300 });
    const app = buildServer({ storage, logger: false });
    // Close the pool under the app: every query now fails, as with a database gone away.
    await storage.close();
    const response = await app.inject({ method: 'GET', url: '/v1/health' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ ok: false, storage: 'postgres', database: 'down' });
    await app.close();
  });
});
