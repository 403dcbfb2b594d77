import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSchemaVersion } from '../core/db/schema';
import { createClinic, issueEnrollmentCode } from './accounts/clinic-admin';
import { killServer, rawPost, spawnServer } from './server-process.fixture';
import type { RunningServer } from './server-process.fixture';
import { openPostgresStorage } from './storage/postgres-storage';
import { appliedMigrationCounts, testPostgresUrl } from './storage/postgres-test-database';
import { migrations } from './storage/schema-migrations';
import { bookedAppointment, bookingMutation, patientMutation } from './sync/push-fixtures';
import type { Mutation } from './sync/wire-schemas';

// Three real server processes on ONE PostgreSQL database (a fresh schema),
// started together, behind no load balancer: every desk sends each request to
// the next instance in turn, so nothing may rest on an instance's memory.

const url = testPostgresUrl();
const instanceCount = 3;
const enrollLimit = 12;
const pushingDesks = 6;
const pushesPerDesk = 6;
const perPush = 10;

interface Desk {
  deviceId: string;
  token: string;
}

/** Mutation `seq` of a desk: patients, with every third a booking of the desk's own provider. */
function deskMutation(deviceId: string, seq: number): Mutation {
  if (seq % 3 !== 0) return patientMutation(deviceId, seq);
  const hour = 8 + ((seq / 3) % 9);
  return bookingMutation(deviceId, seq, bookedAppointment({ id: `${deviceId}-a${seq}`, resourceId: `dr-${deviceId}`, patientId: `${deviceId}-p${seq}`, wallStart: `2026-05-0${1 + Math.floor(seq / 27)}T${String(hour).padStart(2, '0')}:00` }));
}

describe.skipIf(url === undefined)('several server instances on one PostgreSQL database', () => {
  const schema = `timedesk_test_${randomBytes(6).toString('hex')}`;
  let instances: RunningServer[] = [];
  let clinicId = '';
  let codes: string[] = [];
  let turn = 0;
  const next = () => instances[turn++ % instances.length]!;

  beforeAll(async () => {
    // The schema exists but is empty: the instances migrate it, all starting at once.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    instances = await Promise.all(
      Array.from({ length: instanceCount }, () => spawnServer({ postgresUrl: url!, schema }, { TIMEDESK_PG_POOL_SIZE: '4', TIMEDESK_ENROLL_RATE_LIMIT: String(enrollLimit), TIMEDESK_RATE_WINDOW_MS: '600000' })),
    );
    const storage = await openPostgresStorage({ connectionString: url!, schema, maxConnections: 1 });
    try {
      clinicId = (await createClinic(storage, { name: 'Many instances', zone: 'Europe/London' }, Date.now)).id;
      codes = [];
      for (let index = 0; index < pushingDesks + 3; index += 1) codes.push((await issueEnrollmentCode(storage, { clinicId }, Date.now)).code);
    } finally {
      await storage.close();
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => killServer(instance)));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  async function enroll(instance: RunningServer, code: string, deviceId: string): Promise<{ status: number; token?: string }> {
    const response = await rawPost(`${instance.base}/v1/enroll`, undefined, { code, deviceId, deviceName: deviceId });
    return { status: response.status, ...(response.status === 200 ? { token: (JSON.parse(response.body) as { token: string }).token } : {}) };
  }

  it('ran each migration once although all instances started together', async () => {
    expect(await appliedMigrationCounts(url!, schema)).toEqual(migrations.map((migration) => [migration.version, 1]));
  });

  let desks: Desk[] = [];
  let readers: Desk[] = [];

  it('lets an enrollment code be used once, even when every instance redeems it at the same moment', async () => {
    const contested = codes[0]!;
    const answers = await Promise.all(instances.map((instance, index) => enroll(instance, contested, `racer-${index}`)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array<number>(instanceCount - 1).fill(401)]);
    const winner = answers.findIndex((answer) => answer.status === 200);
    readers = [{ deviceId: `racer-${winner}`, token: answers[winner]!.token! }];
    // Each further desk enrolls through the next instance.
    desks = [];
    for (let index = 0; index < pushingDesks; index += 1) {
      const deviceId = `desk-${index}`;
      const enrolled = await enroll(next(), codes[index + 1]!, deviceId);
      expect(enrolled.status).toBe(200);
      desks.push({ deviceId, token: enrolled.token! });
    }
    const reader = await enroll(next(), codes[pushingDesks + 1]!, 'reader-2');
    readers.push({ deviceId: 'reader-2', token: reader.token! });
  }, 60_000);

  it('gives every puller every change exactly once and in order while desks push concurrently, each request to the next instance', async () => {
    let pushing = true;
    const pullers = readers.map(async (reader) => {
      const seen: number[] = [];
      let after = 0;
      const pullOnce = async () => {
        const instance = next();
        const response = await fetch(`${instance.base}/v1/sync/pull?after=${after}&limit=37&schema=${currentSchemaVersion}`, { headers: { authorization: `Bearer ${reader.token}` } });
        expect(response.status).toBe(200);
        const page = (await response.json()) as { changes: { change: number }[]; nextCursor: string; hasMore: boolean };
        seen.push(...page.changes.map((change) => change.change));
        after = Number(page.nextCursor);
        return page.hasMore;
      };
      while (pushing) await pullOnce();
      while (await pullOnce());
      return seen;
    });
    await Promise.all(
      desks.map(async (desk) => {
        for (let push = 0; push < pushesPerDesk; push += 1) {
          const mutations = Array.from({ length: perPush }, (_, index) => deskMutation(desk.deviceId, push * perPush + index + 1));
          const response = await rawPost(`${next().base}/v1/sync/push`, desk.token, { deviceId: desk.deviceId, mutations, audit: [] });
          expect(response.status).toBe(200);
          expect((JSON.parse(response.body) as { results: { status: string }[] }).results.every((result) => result.status === 'applied')).toBe(true);
        }
      }),
    );
    pushing = false;
    const total = pushingDesks * pushesPerDesk * perPush;
    for (const seen of await Promise.all(pullers)) {
      // Exactly once and in commit order: the cursor never skipped a change that committed late.
      expect(seen).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    }
  }, 120_000);

  it('answers a resend through another instance with the stored results, writing nothing twice', async () => {
    const desk = desks[0]!;
    const mutations = Array.from({ length: perPush }, (_, index) => deskMutation(desk.deviceId, index + 1));
    const response = await rawPost(`${next().base}/v1/sync/push`, desk.token, { deviceId: desk.deviceId, mutations, audit: [] });
    expect(response.status).toBe(200);
    expect((JSON.parse(response.body) as { results: { status: string }[] }).results.map((result) => result.status)).toEqual(Array<string>(perPush).fill('duplicate'));
    const last = await fetch(`${next().base}/v1/sync/pull?after=0&limit=1&schema=${currentSchemaVersion}`, { headers: { authorization: `Bearer ${desk.token}` } });
    expect(((await last.json()) as { lastChange: number }).lastChange).toBe(pushingDesks * pushesPerDesk * perPush);
  });

  it('holds the enrollment rate limit across instances: one count in the database, not one per instance', async () => {
    // Attempts so far from 127.0.0.1: one per instance for the contested code, one per desk, one reader.
    let attempts = instanceCount + pushingDesks + 1;
    const statuses: number[] = [];
    while (attempts < enrollLimit + instanceCount) {
      statuses.push((await enroll(next(), 'WRONG-CODE-00000', `guesser-${attempts}`)).status);
      attempts += 1;
    }
    // Each instance counting alone would allow enrollLimit per instance; together they allow enrollLimit.
    const allowed = instanceCount + pushingDesks + 1 + statuses.filter((status) => status !== 429).length;
    expect(allowed).toBe(enrollLimit);
    expect(statuses.slice(-instanceCount)).toEqual(Array<number>(instanceCount).fill(429));
  });

  it('reports every instance healthy with its database', async () => {
    for (const instance of instances) {
      const response = await fetch(`${instance.base}/v1/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true, storage: 'postgres', database: 'up' });
    }
  });
});
