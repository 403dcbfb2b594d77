import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../core/sync';
import { readSyncState } from '../../core/sync';
import { setUpClinic } from '../data/first-run-setup';
import { firstRunForm, openTestAppData } from '../data/test-app-data.fixture';
import { EnrollError, enrollDesk, forgetEnrollment, readEnrollment, requestEnrollment, serverBaseUrl } from './enrollment';

type Call = { url: string; init: Parameters<FetchLike>[1] };

function answering(status: number, body: unknown, calls: Call[] = []): FetchLike {
  return async (url, init) => {
    calls.push({ url, init });
    return { status, headers: { get: () => null }, text: async () => JSON.stringify(body) };
  };
}

const enrolled = { token: 'tok-123', clinicId: 'c_1', clinicName: 'North Street', deviceId: 'dev' };

describe('serverBaseUrl', () => {
  it('adds http:// to a bare host and drops trailing slashes', () => {
    expect(serverBaseUrl(' 127.0.0.1:8787/ ')).toBe('http://127.0.0.1:8787');
    expect(serverBaseUrl('https://sync.example.org/timedesk/')).toBe('https://sync.example.org/timedesk');
  });

  it('refuses what is not an http(s) address, naming the field', () => {
    for (const typed of ['', 'ftp://files.example.org', 'http://']) {
      expect(() => serverBaseUrl(typed)).toThrow(expect.objectContaining({ code: 'invalid-server-url', field: 'serverUrl' }) as Error);
    }
  });
});

describe('enrollDesk', () => {
  it("posts the code with the database's device id and stores the token beside core/sync's own row", async () => {
    const data = await openTestAppData();
    const calls: Call[] = [];
    const enrollment = await enrollDesk({ db: data.db, serverUrl: '127.0.0.1:8787', code: ' 7K3QD-M2XWP-0RTVA ', deviceId: data.deviceId, deviceName: 'Front desk A', fetch: answering(200, { ...enrolled, deviceId: data.deviceId }, calls), now: 1000 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://127.0.0.1:8787/v1/enroll');
    expect(calls[0]?.init.headers['content-type']).toBe('application/json');
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ code: '7K3QD-M2XWP-0RTVA', deviceId: data.deviceId, deviceName: 'Front desk A', deskSetUp: true });
    expect(enrollment).toMatchObject({ serverUrl: 'http://127.0.0.1:8787', token: 'tok-123', clinicName: 'North Street', enrolledAt: 1000 });
    expect(await readEnrollment(data.db)).toEqual(enrollment);
    // core/sync still reads its own (default) state: the enrollment row does not disturb it.
    expect((await readSyncState(data.db)).cursor).toBeNull();
    await forgetEnrollment(data.db);
    expect(await readEnrollment(data.db)).toBeNull();
  });

  it('offers the set-up desk\'s settings, staff and passphrase credentials to the clinic once connected', async () => {
    const data = await openTestAppData();
    const done = await setUpClinic(data, firstRunForm);
    expect(done.ok).toBe(true);
    const queued = await data.db.outbox.count();
    await enrollDesk({ db: data.db, serverUrl: '127.0.0.1:8787', code: 'ABC', deviceId: data.deviceId, deviceName: 'Front desk A', fetch: answering(200, { ...enrolled, deviceId: data.deviceId }), now: 1000 });
    const last = await data.db.outbox.orderBy('deviceSeq').last();
    expect(await data.db.outbox.count()).toBe(queued + 1);
    expect(last?.name).toBe('sync/share-clinic');
    expect(last?.effects.filter((effect) => effect.entity === 'staffCredential')).toHaveLength(1);
  });

  it('shares nothing when the desk has synced before (re-enrolling after losing its token): its staff and settings copies may be older than the clinic\'s', async () => {
    const data = await openTestAppData();
    expect((await setUpClinic(data, firstRunForm)).ok).toBe(true);
    // A pull left a cursor: this desk already holds (and gave) the clinic's records.
    await data.db.syncState.put({ ...(await readSyncState(data.db)), cursor: '42' });
    const queued = await data.db.outbox.count();
    await enrollDesk({ db: data.db, serverUrl: '127.0.0.1:8787', code: 'ABC', deviceId: data.deviceId, deviceName: 'Front desk A', fetch: answering(200, { ...enrolled, deviceId: data.deviceId }), now: 1000 });
    expect(await data.db.outbox.count()).toBe(queued);
    expect((await data.db.outbox.toArray()).map((row) => row.name)).not.toContain('sync/share-clinic');
    expect(await readEnrollment(data.db)).toMatchObject({ token: 'tok-123' });
  });

  it("puts the server's refusal of the code on the code field and stores nothing", async () => {
    const data = await openTestAppData();
    const refusal = enrollDesk({ db: data.db, serverUrl: 'http://127.0.0.1:8787', code: 'WRONG', deviceId: data.deviceId, deviceName: 'A', fetch: answering(401, { error: { code: 'invalid-enrollment-code', message: 'Unknown, used or expired code.' } }), now: 1 });
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-enrollment-code', field: 'code' });
    expect(await readEnrollment(data.db)).toBeNull();
  });

  it('says the server is unreachable, and that a stranger is not a sync server', async () => {
    const data = await openTestAppData();
    const down: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(enrollDesk({ db: data.db, serverUrl: 'http://127.0.0.1:1', code: 'X', deviceId: data.deviceId, deviceName: 'A', fetch: down, now: 1 })).rejects.toMatchObject({ code: 'network-unreachable', field: 'serverUrl' });
    await expect(enrollDesk({ db: data.db, serverUrl: 'http://example.org', code: 'X', deviceId: data.deviceId, deviceName: 'A', fetch: answering(200, { hello: 'world' }), now: 1 })).rejects.toBeInstanceOf(EnrollError);
    await expect(enrollDesk({ db: data.db, serverUrl: 'http://example.org', code: '  ', deviceId: data.deviceId, deviceName: 'A', fetch: answering(200, enrolled), now: 1 })).rejects.toMatchObject({ code: 'required', field: 'code' });
  });
});

describe('requestEnrollment (Join your clinic)', () => {
  it('asks for a token as a fresh desk and stores nothing', async () => {
    const data = await openTestAppData();
    const calls: Call[] = [];
    const enrollment = await requestEnrollment({ serverUrl: '127.0.0.1:8787', code: 'ABC', deviceId: data.deviceId, deviceName: ' Front desk 2 ', deskSetUp: false, fetch: answering(200, enrolled, calls), now: 5 });
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ code: 'ABC', deviceId: data.deviceId, deviceName: 'Front desk 2', deskSetUp: false });
    expect(enrollment).toMatchObject({ key: 'enrollment', token: 'tok-123', serverUrl: 'http://127.0.0.1:8787' });
    expect(await readEnrollment(data.db)).toBeNull();
  });

  it('puts "already set up elsewhere" on the code field, and a web page instead of a server on the address', async () => {
    const input = { serverUrl: 'http://127.0.0.1:8787', code: 'ABC', deviceId: 'dev', deviceName: 'A', deskSetUp: true, now: 1 };
    await expect(requestEnrollment({ ...input, fetch: answering(409, { error: { code: 'clinic-already-set-up', message: 'Use Join your clinic.' } }) })).rejects.toMatchObject({ code: 'clinic-already-set-up', field: 'code' });
    const webPage: FetchLike = async () => ({ status: 404, headers: { get: () => null }, text: async () => '<html>Not found</html>' });
    await expect(requestEnrollment({ ...input, fetch: webPage })).rejects.toMatchObject({ code: 'unexpected-response', field: 'serverUrl' });
    await expect(requestEnrollment({ ...input, fetch: answering(404, { message: 'Route not found' }) })).rejects.toMatchObject({ code: 'unexpected-response', field: 'serverUrl' });
  });
});
