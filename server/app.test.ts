import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createClinic, issueEnrollmentCode, revokeDevice } from './accounts/clinic-admin';
import { currentSchemaVersion } from '../core/db/schema';
import { buildServer } from './app';
import { serverLogger } from './http/logging';
import type { ServerLimits } from './app';
import { openSqliteStorage } from './storage/sqlite-storage';
import type { RawSqlAccess, Storage } from './storage/storage';
import { auditChain, bookedAppointment, bookingMutation, patientMutation } from './sync/push-fixtures';

let now = Date.parse('2026-03-01T08:00:00.000Z');
const clock = () => now;

let storage: Storage & RawSqlAccess;
let app: FastifyInstance;

async function start(limits: Partial<ServerLimits> = {}): Promise<void> {
  storage = await openSqliteStorage({ path: ':memory:' });
  app = buildServer({ storage, logger: false, clock, limits, version: '9.9.9' });
}

beforeEach(async () => {
  now = Date.parse('2026-03-01T08:00:00.000Z');
  await start();
});
afterEach(async () => {
  await app.close();
  await storage.close();
});

async function enrolledDesk(clinicId: string, deviceId: string): Promise<string> {
  const { code } = await issueEnrollmentCode(storage, { clinicId }, clock);
  const response = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceId, deviceName: `Desk ${deviceId}` } });
  expect(response.statusCode).toBe(200);
  return (response.json() as { token: string }).token;
}

function push(token: string | undefined, payload: unknown) {
  return app.inject({ method: 'POST', url: '/v1/sync/push', payload: payload as object, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}

function pull(token: string, after = '0') {
  return app.inject({ method: 'GET', url: `/v1/sync/pull?after=${after}&schema=${currentSchemaVersion}`, headers: { authorization: `Bearer ${token}` } });
}

describe('GET /v1/health', () => {
  it('answers ok with the version and storage kind', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, version: '9.9.9', storage: 'sqlite', database: 'up' });
  });

  it('answers unknown routes with the error envelope', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/nothing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not-found', message: 'No route GET /v1/nothing.' } });
  });
});

describe('POST /v1/enroll', () => {
  it('exchanges a code once for a token that works for sync', async () => {
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, clock);
    const response = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceId: 'desk-1', deviceName: 'Front desk' } });
    expect(response.json()).toMatchObject({ clinicId: clinic.id, clinicName: 'North', deviceId: 'desk-1' });
    const again = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceId: 'desk-2', deviceName: 'Other' } });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { code: 'invalid-enrollment-code', field: 'code' } });
    expect((await pull((response.json() as { token: string }).token)).statusCode).toBe(200);
  });

  it('names the bad field of a malformed enrollment', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: 'X', deviceId: 'has spaces', deviceName: 'D' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid-format', field: 'deviceId' } });
  });
});

describe('authentication and clinic scoping', () => {
  it('refuses a missing, wrong or revoked token with 401', async () => {
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const token = await enrolledDesk(clinic.id, 'desk-1');
    const body = { deviceId: 'desk-1', mutations: [], audit: [] };
    expect((await push(undefined, body)).json()).toMatchObject({ error: { code: 'missing-token' } });
    const wrong = await push('A'.repeat(43), body);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid-token' } });
    expect((await push(token, body)).statusCode).toBe(200);
    await revokeDevice(storage, 'desk-1', clock);
    const revoked = await push(token, body);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ error: { code: 'device-revoked' } });
    expect((await pull(token)).statusCode).toBe(401);
  });

  it("refuses a token of another clinic acting for this clinic's device (403) and shows it none of this clinic's data", async () => {
    const north = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const south = await createClinic(storage, { name: 'South', zone: 'Europe/London' }, clock);
    const northToken = await enrolledDesk(north.id, 'north-1');
    const southToken = await enrolledDesk(south.id, 'south-1');
    expect((await push(northToken, { deviceId: 'north-1', mutations: [patientMutation('north-1', 1)], audit: [] })).statusCode).toBe(200);
    const foreign = await push(southToken, { deviceId: 'north-1', mutations: [patientMutation('north-1', 2)], audit: [] });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: { code: 'device-mismatch', field: 'deviceId' } });
    const smuggled = await push(southToken, { deviceId: 'south-1', mutations: [patientMutation('north-1', 2)], audit: [] });
    expect(smuggled.statusCode).toBe(403);
    expect(smuggled.json()).toMatchObject({ error: { field: 'mutations.0.deviceId' } });
    expect((await pull(southToken)).json()).toMatchObject({ changes: [], nextCursor: '0' });
    expect((await pull(northToken)).json()).toMatchObject({ changes: [{ change: 1, id: 'north-1-p1' }] });
  });
});

describe('request validation and limits', () => {
  it('answers a malformed push with 400 naming the field, and bad JSON with 400 invalid-json', async () => {
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const token = await enrolledDesk(clinic.id, 'desk-1');
    const bad = await push(token, { deviceId: 'desk-1', mutations: [patientMutation('desk-1', 1), { ...patientMutation('desk-1', 2), deviceSeq: 'two' }], audit: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid-format', field: 'mutations.1.deviceSeq' } });
    const missing = await push(token, { deviceId: 'desk-1' });
    expect(missing.json()).toMatchObject({ error: { code: 'required', field: 'mutations' } });
    const badAudit = await push(token, { deviceId: 'desk-1', mutations: [], audit: [{ ...auditChain('desk-1', 1)[0]!, at: 'yesterday' }] });
    expect(badAudit.json()).toMatchObject({ error: { field: 'audit.0.at' } });
    // Nothing of a refused request was applied.
    expect((await pull(token)).json()).toMatchObject({ changes: [] });
    const json = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"deviceId":' });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: { code: 'invalid-json', field: 'body' } });
    const limit = await app.inject({ method: 'GET', url: `/v1/sync/pull?limit=5000&schema=${currentSchemaVersion}`, headers: { authorization: `Bearer ${token}` } });
    expect(limit.statusCode).toBe(400);
    expect(limit.json()).toMatchObject({ error: { field: 'limit' } });
  });

  it('refuses an oversized body with 413 in the JSON envelope', async () => {
    await app.close();
    await storage.close();
    await start({ bodyLimitBytes: 2_000 });
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const token = await enrolledDesk(clinic.id, 'desk-1');
    const big = { deviceId: 'desk-1', mutations: Array.from({ length: 20 }, (_, i) => patientMutation('desk-1', i + 1)), audit: [] };
    const response = await push(token, big);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    expect((await pull(token)).json()).toMatchObject({ changes: [] });
  });

  it('rate-limits each token per window with 429 and Retry-After, then lets it through in the next window', async () => {
    await app.close();
    await storage.close();
    await start({ syncRequestsPerWindow: 3, windowMs: 60_000 });
    now = Date.parse('2026-03-01T08:00:15.000Z');
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const token = await enrolledDesk(clinic.id, 'desk-1');
    const other = await enrolledDesk(clinic.id, 'desk-2');
    for (let i = 0; i < 3; i += 1) expect((await pull(token)).statusCode).toBe(200);
    const limited = await pull(token);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('45');
    expect(limited.json()).toMatchObject({ error: { code: 'rate-limited', details: { retryAfterSeconds: 45 } } });
    expect((await pull(other)).statusCode).toBe(200);
    now += 45_000;
    expect((await pull(token)).statusCode).toBe(200);
  });
});

describe('enrollment rate limit', () => {
  it('counts attempts per client IP, read from X-Forwarded-For only when the proxy is trusted', async () => {
    const attempt = (target: FastifyInstance, ip: string) =>
      target.inject({ method: 'POST', url: '/v1/enroll', headers: { 'x-forwarded-for': ip }, payload: { code: 'NOPE1-NOPE2-NOPE3', deviceId: 'desk-x', deviceName: 'X' } });
    const direct = buildServer({ storage, logger: false, clock, limits: { enrollRequestsPerWindow: 1 } });
    expect((await attempt(direct, '203.0.113.1')).statusCode).toBe(401);
    expect((await attempt(direct, '203.0.113.2')).statusCode).toBe(429); // same socket address
    await direct.close();
    const proxied = buildServer({ storage, logger: false, clock, limits: { enrollRequestsPerWindow: 1 }, trustProxy: true });
    expect((await attempt(proxied, '203.0.113.1')).statusCode).toBe(401);
    expect((await attempt(proxied, '203.0.113.2')).statusCode).toBe(401);
    expect((await attempt(proxied, '203.0.113.1')).statusCode).toBe(429);
    await proxied.close();
  });
});

describe('sync over HTTP', () => {
  it('keeps both bookings when two desks booked the same provider offline: one conflict, all visible to both', async () => {
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const one = await enrolledDesk(clinic.id, 'desk-1');
    const two = await enrolledDesk(clinic.id, 'desk-2');
    const mine = bookedAppointment({ id: 'a-1', resourceId: 'dr-lee', patientId: 'p-1', wallStart: '2026-03-03T10:00' });
    const theirs = bookedAppointment({ id: 'a-2', resourceId: 'dr-lee', patientId: 'p-2', wallStart: '2026-03-03T10:00' });
    const first = await push(one, { deviceId: 'desk-1', mutations: [bookingMutation('desk-1', 1, mine)], audit: [] });
    const second = await push(two, { deviceId: 'desk-2', mutations: [bookingMutation('desk-2', 1, theirs)], audit: [] });
    expect(first.json()).toMatchObject({ results: [{ mutationId: 'desk-1-m1', status: 'applied', change: 1 }] });
    const conflictId = (second.json() as { results: { conflictId: string }[] }).results[0]!.conflictId;
    expect(second.json()).toMatchObject({ results: [{ mutationId: 'desk-2-m1', status: 'conflict', change: 3, conflictId }] });
    for (const token of [one, two]) {
      const page = pull(token);
      const body = (await page).json() as { changes: { entity: string; id: string; data: Record<string, unknown> }[] };
      expect(body.changes.map((c) => [c.entity, c.id])).toEqual([['appointment', 'a-1'], ['appointment', 'a-2'], ['conflict', conflictId]]);
      expect(body.changes[1]!.data['syncConflict']).toBe(conflictId);
      expect(body.changes[2]!.data).toMatchObject({ appointmentIds: ['a-1', 'a-2'], resourceId: 'dr-lee', deviceIds: ['desk-1', 'desk-2'], status: 'open' });
    }
  });

  it('records a booking the check cannot judge (a corrupt stored appointment) as rejected instead of failing the push', async () => {
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const token = await enrolledDesk(clinic.id, 'desk-1');
    const first = bookedAppointment({ id: 'a-1', resourceId: 'dr-lee', patientId: 'p-1', wallStart: '2026-03-03T10:00' });
    await push(token, { deviceId: 'desk-1', mutations: [bookingMutation('desk-1', 1, first)], audit: [] });
    // As if an older server version had stored a broken instant.
    await storage.rawExecute(`UPDATE entities SET data = json_set(data, '$.start', 'not-a-time') WHERE id = 'a-1'`);
    const second = bookedAppointment({ id: 'a-2', resourceId: 'dr-lee', patientId: 'p-2', wallStart: '2026-03-03T10:00' });
    const response = await push(token, { deviceId: 'desk-1', mutations: [bookingMutation('desk-1', 2, second), patientMutation('desk-1', 3)], audit: [] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ results: [{ status: 'rejected', reason: { code: 'invalid-format', field: 'existing.0.start' } }, { status: 'applied', change: 2 }] });
    expect(((await pull(token)).json() as { changes: { id: string }[] }).changes.map((c) => c.id)).toEqual(['a-1', 'desk-1-p3']);
  });

  it('answers a broken audit chain with 409 audit-chain-broken naming the seq', async () => {
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const token = await enrolledDesk(clinic.id, 'desk-1');
    const chain = auditChain('desk-1', 3);
    const ok = await push(token, { deviceId: 'desk-1', mutations: [], audit: chain.slice(0, 1) });
    expect(ok.json()).toMatchObject({ results: [], audit: { accepted: 1, head: { seq: 1, hash: chain[0]!.hash } } });
    // Entry 2 removed on the desk: entry 3 arrives next.
    const gap = await push(token, { deviceId: 'desk-1', mutations: [], audit: [chain[2]] });
    expect(gap.statusCode).toBe(409);
    expect(gap.json()).toMatchObject({ error: { code: 'audit-chain-broken', details: { seq: 2 } } });
  });

  it('answers a sequence gap with 409 and details.expected', async () => {
    const clinic = await createClinic(storage, { name: 'North', zone: 'Europe/London' }, clock);
    const token = await enrolledDesk(clinic.id, 'desk-1');
    const response = await push(token, { deviceId: 'desk-1', mutations: [patientMutation('desk-1', 2)], audit: [] });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'sequence-gap', field: 'mutations.0.deviceSeq', details: { expected: 1, results: [] } } });
  });
});

describe('logs', () => {
  it('are JSON lines with a request id (echoed as X-Request-Id, a proxy\'s own kept) and never carry patient data, tokens or codes', async () => {
    const lines: string[] = [];
    const logged = await openSqliteStorage({ path: ':memory:' });
    const logger = serverLogger('debug', { write: (line: string) => void lines.push(line) });
    const server = buildServer({ storage: logged, logger, clock });
    let code = '';
    try {
      const clinic = await createClinic(logged, { name: 'North', zone: 'Europe/London' }, clock);
      code = (await issueEnrollmentCode(logged, { clinicId: clinic.id }, clock)).code;
      const enrolled = await server.inject({ method: 'POST', url: '/v1/enroll', headers: { 'x-request-id': 'lb-enroll-1' }, payload: { code, deviceId: 'desk-log', deviceName: 'Desk' } });
      expect(enrolled.headers['x-request-id']).toBe('lb-enroll-1');
      const token = (enrolled.json() as { token: string }).token;
      const patient = { id: 'p-zq', givenName: 'Zebulon', familyName: 'Quixotic-Marchbanks', dateOfBirth: '1931-02-29' };
      const valid = { ...patient, dateOfBirth: '1931-02-28' };
      const body = {
        deviceId: 'desk-log',
        mutations: [
          { ...patientMutation('desk-log', 1), effects: [{ entity: 'patient', id: 'p-zq', op: 'put', data: valid }] },
          // Refused (an impossible date): the reason goes back to the desk, not into the log.
          { ...patientMutation('desk-log', 2), effects: [{ entity: 'patient', id: 'p-zq2', op: 'put', data: { ...patient, id: 'p-zq2' } }] },
        ],
        audit: [],
      };
      const pushed = await server.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${token}`, 'x-request-id': 'has spaces "quoted"' }, payload: body });
      expect(pushed.statusCode).toBe(200);
      expect(pushed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      await server.inject({ method: 'GET', url: `/v1/sync/pull?after=0&schema=${currentSchemaVersion}`, headers: { authorization: `Bearer ${token}` } });
      // A storage failure is logged too, without the row.
      await logged.close();
      expect((await server.inject({ method: 'GET', url: `/v1/sync/pull?after=0&schema=${currentSchemaVersion}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(503);
    } finally {
      await server.close();
    }
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(5);
    expect(records.filter((record) => record['msg'] === 'push').every((record) => typeof record['requestId'] === 'string' && record['clinicId'] !== undefined)).toBe(true);
    const text = lines.join('\n');
    for (const secret of ['Zebulon', 'Quixotic', '1931-02', 'Bearer', code]) expect(text).not.toContain(secret);
  });
});
