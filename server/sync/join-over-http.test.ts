import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { setPassphrase, setUpFirstRun, signIn } from '../../core/auth';
import type { AuthEnvironment } from '../../core/auth';
import { createHttpTransport, createSyncClient, joinClinic, readDeskNames } from '../../core/sync';
import { joinedAs, openDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import type { Desk } from '../../core/sync/sync-desk.fixture';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { buildServer } from '../app';
import { openSqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';

/**
 * A second desk joins over real HTTP (Fastify on loopback, Node's fetch,
 * core/sync's HTTP transport): desk A runs first run, adds a receptionist
 * and connects as a set-up desk; a fresh desk B enrolls as a joining desk and
 * copies the clinic; the receptionist signs in on B; a third desk that ran
 * its own first run is refused; pull pages carry the desks' names.
 */

const now = Date.UTC(2026, 0, 2, 12);
let storage: Storage | undefined;
let app: FastifyInstance | undefined;
const opened: Desk[] = [];

afterEach(async () => {
  for (const desk of opened.splice(0)) desk.db.close();
  await app?.close();
  await storage?.close();
});

async function serve(): Promise<{ baseUrl: string; clinicId: string }> {
  storage = await openSqliteStorage({ path: ':memory:' });
  app = buildServer({ storage, logger: false, clock: () => now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const clinic = await createClinic(storage, { name: 'North Street', zone: 'America/New_York' }, () => now);
  return { baseUrl: `http://127.0.0.1:${port}`, clinicId: clinic.id };
}

const authEnv = (desk: Desk): AuthEnvironment => ({
  db: desk.db,
  clock: () => desk.clock.now,
  newId: () => `${desk.name}-auth-${++desk.ids.counter}`,
  randomBytes: (count) => Uint8Array.from({ length: count }, (_, index) => (index + desk.ids.counter) & 0xff),
  iterations: 1_000,
});

async function enroll(server: { baseUrl: string; clinicId: string }, desk: Desk, deviceName: string, deskSetUp: boolean): Promise<Response> {
  const { deviceId } = (await desk.db.meta.get('device')) as { deviceId: string };
  const { code } = await issueEnrollmentCode(storage!, { clinicId: server.clinicId }, () => now);
  return fetch(`${server.baseUrl}/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId, deviceName, deskSetUp }) });
}

describe('joining a clinic over HTTP', () => {
  it('a fresh desk copies the clinic and its staff sign in there; a desk with its own clinic is refused', async () => {
    const server = await serve();
    const deskA = await openDesk('desk-a', 31, now);
    opened.push(deskA);
    const first = await setUpFirstRun(authEnv(deskA), {
      clinic: { name: 'North Street', timeZone: 'America/New_York', locale: 'en-US' },
      admin: { id: 'admin-a', displayName: 'Alex Admin', username: 'alex.admin' },
      passphrase: 'alex passphrase one',
    });
    expect(first.ok).toBe(true);
    const admin = { staffId: 'admin-a', displayName: 'Alex Admin', role: 'admin' as const };
    await setUpClinic(deskA);
    await deskA.must('staff/save', { id: 'rita', displayName: 'Rita Reception', username: 'rita', role: 'front_desk' }, admin);
    expect((await setPassphrase(authEnv(deskA), admin, 'rita', 'rita passphrase one')).ok).toBe(true);
    const enrolledA = await enroll(server, deskA, 'Front desk 1', true);
    expect(enrolledA.status).toBe(200);
    const { token: tokenA } = (await enrolledA.json()) as { token: string };
    const syncA = createSyncClient({ db: deskA.db, transport: createHttpTransport({ baseUrl: server.baseUrl, token: tokenA, fetch }), clock: () => now, random: () => 0.5, pollIntervalMs: 0, timers: { set: () => 0, clear: () => undefined } });
    expect(await syncA.syncNow()).toBe(true);

    const deskB = await openDesk('desk-b', 32, now);
    opened.push(deskB);
    const enrolledB = await enroll(server, deskB, 'Front desk 2', false);
    expect(enrolledB.status).toBe(200);
    const { token: tokenB } = (await enrolledB.json()) as { token: string };
    const totals: (number | null)[] = [];
    await joinClinic({ ...joinedAs(deskB, server.baseUrl), db: deskB.db, transport: createHttpTransport({ baseUrl: server.baseUrl, token: tokenB, fetch }), pageSize: 7, onProgress: (step) => totals.push(step.total) });
    expect(totals.at(-1)).toBeGreaterThan(7);
    expect(await signIn(authEnv(deskB), 'rita', 'rita passphrase one')).toMatchObject({ ok: true, session: { staffId: 'rita', role: 'front_desk' } });
    expect(await deskB.db.meta.get('clinic')).toMatchObject({ name: 'North Street', timeZone: 'America/New_York' });
    expect(await deskB.db.patients.count()).toBe(2);
    expect(Object.values(await readDeskNames(deskB.db)).sort()).toEqual(['Front desk 1', 'Front desk 2']);

    const deskC = await openDesk('desk-c', 33, now);
    opened.push(deskC);
    expect((await setUpFirstRun(authEnv(deskC), { clinic: { name: 'Elsewhere', timeZone: 'UTC', locale: 'en-GB' }, admin: { displayName: 'Cam', username: 'alex.admin' }, passphrase: 'cam passphrase one' })).ok).toBe(true);
    const refused = await enroll(server, deskC, 'Desk C', true);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'clinic-already-set-up', field: 'code' } });
    syncA.stop();
  });
});
