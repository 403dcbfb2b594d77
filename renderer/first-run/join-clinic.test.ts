import { describe, expect, it } from 'vitest';
import { signIn } from '../../core/auth';
import { createSyncClient } from '../../core/sync';
import type { FetchLike } from '../../core/sync';
import { MemoryServer } from '../../core/sync/memory-server.fixture';
import { needsFirstRun, setUpClinic } from '../data/first-run-setup';
import { firstRunForm, openTestAppData } from '../data/test-app-data.fixture';
import { readEnrollment } from '../sync/enrollment';
import { JoinError, joinThisDesk } from './join-clinic';

/** Desk A set up (first run: Jo Admin, Dr Adams, Dr Brown, Room 1) and synced to an in-memory server. */
async function clinicOnServer() {
  const deskA = await openTestAppData();
  const done = await setUpClinic(deskA, firstRunForm);
  if (!done.ok) throw new Error(JSON.stringify(done.error));
  const server = new MemoryServer(() => deskA.clock.now);
  server.devices.push({ id: deskA.deviceId, name: 'Front desk 1' });
  const client = createSyncClient({ db: deskA.db, transport: server.transport(), clock: () => deskA.clock.now, random: () => 0.5, pollIntervalMs: 0 });
  expect(await client.syncNow()).toBe(true);
  client.stop();
  return { deskA, server };
}

/** The sync server over a fake fetch: /v1/enroll answers a token (or the refusal given), pulls come from `server`. */
function serverFetch(server: MemoryServer, options: { enroll?: { status: number; body: unknown }; failPullNumber?: number } = {}) {
  const calls: string[] = [];
  let pulls = 0;
  const fetch: FetchLike = async (url, init) => {
    const path = new URL(url).pathname;
    calls.push(`${init.method} ${path}`);
    const answer = (status: number, body: unknown) => ({ status, headers: { get: () => null }, text: async () => JSON.stringify(body) });
    if (path === '/v1/enroll') {
      const request = JSON.parse(init.body ?? '{}') as { deviceId: string };
      return options.enroll ? answer(options.enroll.status, options.enroll.body) : answer(200, { token: 'token-b', clinicId: 'c_1', clinicName: 'Northside Family Clinic', deviceId: request.deviceId });
    }
    pulls += 1;
    if (pulls === options.failPullNumber) throw new TypeError('Failed to fetch');
    const query = new URL(url).searchParams;
    return answer(200, server.pull(query.get('after') ?? '0', Number(query.get('limit'))));
  };
  return { fetch, calls };
}

const form = { serverUrl: '127.0.0.1:8787', code: '7K3QD-M2XWP-0RTVA', deskName: 'Front desk 2' };

describe('joinThisDesk', () => {
  it('enrolls as a fresh desk, copies the clinic and stores the enrollment with it; staff then sign in with their own passphrase', async () => {
    const { server } = await clinicOnServer();
    const deskB = await openTestAppData();
    const { fetch, calls } = serverFetch(server);
    const progress: number[] = [];
    const enrollment = await joinThisDesk(form, { db: deskB.db, deviceId: deskB.deviceId, fetch, now: 7, onProgress: (step) => progress.push(step.changes) });

    expect(calls[0]).toBe('POST /v1/enroll');
    expect(progress.at(-1)).toBe(server.changes.length);
    expect(await readEnrollment(deskB.db)).toEqual(enrollment);
    expect(enrollment).toMatchObject({ serverUrl: 'http://127.0.0.1:8787', token: 'token-b', deviceId: deskB.deviceId });
    expect(await needsFirstRun(deskB)).toBe(false);
    expect((await deskB.db.resources.toArray()).map((resource) => resource.name).sort()).toEqual(['Dr Adams', 'Dr Brown', 'Room 1']);
    expect(await signIn(deskB.auth, 'jo.admin', 'correct horse battery')).toMatchObject({ ok: true, session: { displayName: 'Jo Admin', role: 'admin' } });
  });

  it('a copy cut off half-way leaves the desk fresh and keeps the token, so trying again needs no new code', async () => {
    const { server } = await clinicOnServer();
    const deskB = await openTestAppData();
    const { fetch, calls } = serverFetch(server, { failPullNumber: 1 });
    const failure = await joinThisDesk(form, { db: deskB.db, deviceId: deskB.deviceId, fetch, now: 7 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JoinError);
    expect(failure).toMatchObject({ code: 'join-interrupted', field: 'form' });
    expect(await needsFirstRun(deskB)).toBe(true);
    expect(await readEnrollment(deskB.db)).toBeNull();

    await joinThisDesk(form, { db: deskB.db, deviceId: deskB.deviceId, fetch, now: 8, held: (failure as JoinError).held });
    expect(calls.filter((call) => call === 'POST /v1/enroll')).toHaveLength(1);
    expect(await needsFirstRun(deskB)).toBe(false);
  });

  it('names the field to fix: a used code, no answer, no desk name', async () => {
    const { server } = await clinicOnServer();
    const deskB = await openTestAppData();
    const env = { db: deskB.db, deviceId: deskB.deviceId, now: 1 };
    const refused = serverFetch(server, { enroll: { status: 401, body: { error: { code: 'invalid-enrollment-code', message: 'Unknown code.' } } } });
    await expect(joinThisDesk(form, { ...env, fetch: refused.fetch })).rejects.toMatchObject({ code: 'invalid-enrollment-code', field: 'code', held: null });
    const down: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(joinThisDesk(form, { ...env, fetch: down })).rejects.toMatchObject({ code: 'network-unreachable', field: 'serverUrl' });
    await expect(joinThisDesk({ ...form, deskName: ' ' }, { ...env, fetch: down })).rejects.toMatchObject({ code: 'desk-name-required', field: 'deskName' });
    expect(await needsFirstRun(deskB)).toBe(true);
  });

  it('refuses to mix clinics: a desk that was already set up cannot join', async () => {
    const { deskA, server } = await clinicOnServer();
    const { fetch, calls } = serverFetch(server);
    await expect(joinThisDesk(form, { db: deskA.db, deviceId: deskA.deviceId, fetch, now: 1 })).rejects.toMatchObject({ code: 'desk-already-set-up', field: 'form' });
    // Refused before the code is spent.
    expect(calls).toEqual([]);
  });
});
