import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport, createSyncClient } from '../../core/sync';
import type { SyncClient } from '../../core/sync';
import { deskAdmin, deskFrontDesk, openDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import type { Desk } from '../../core/sync/sync-desk.fixture';
import { createClinic, issueEnrollmentCode, revokeDevice } from '../accounts/clinic-admin';
import { buildServer } from '../app';
import type { ServerLimits } from '../app';
import { openSqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';

/**
 * The desk's sync client (core/sync, HTTP transport over Node's fetch)
 * against the real Fastify service listening on loopback: enrollment, two
 * desks double-booking offline, the conflict on both, resolution on one
 * followed by the other, a refused token, and a body limit the client
 * adapts to.
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

async function serve(limits: Partial<ServerLimits> = {}): Promise<{ baseUrl: string; clinicId: string }> {
  storage = await openSqliteStorage({ path: ':memory:' });
  app = buildServer({ storage, logger: false, clock: () => now, limits });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const clinic = await createClinic(storage, { name: 'North Street', zone: 'America/New_York' }, () => now);
  return { baseUrl: `http://127.0.0.1:${port}`, clinicId: clinic.id };
}

/** A desk enrolled over HTTP with a one-time code, and its sync client. */
async function enrolledDesk(server: { baseUrl: string; clinicId: string }, name: string, seed: number): Promise<{ desk: Desk; sync: SyncClient; deviceId: string }> {
  const desk = await openDesk(name, seed, now);
  opened.push(desk);
  await desk.db.meta.put({ key: 'clinic', name: 'North Street', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 });
  const { deviceId } = (await desk.db.meta.get('device')) as { deviceId: string };
  const { code } = await issueEnrollmentCode(storage!, { clinicId: server.clinicId }, () => now);
  const response = await fetch(`${server.baseUrl}/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId, deviceName: name }) });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  const transport = createHttpTransport({ baseUrl: server.baseUrl, token, fetch });
  const sync = createSyncClient({ db: desk.db, transport, clock: () => desk.clock.now, random: () => 0.5, pollIntervalMs: 0, timers: { set: () => 0, clear: () => undefined } });
  return { desk, sync, deviceId };
}

const nine = { resourceIds: ['dr-lee'], wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 };

describe('sync client against the HTTP server', () => {
  it('two desks book the same slot offline: both keep both bookings and see the conflict; resolving on one clears it on the other', async () => {
    const server = await serve();
    const a = await enrolledDesk(server, 'desk-a', 11);
    const b = await enrolledDesk(server, 'desk-b', 22);
    await setUpClinic(a.desk);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(await b.desk.db.patients.count()).toBe(2);

    // Both offline, both book Dr Lee at 09:00 for different patients.
    a.sync.setOnline(false);
    b.sync.setOnline(false);
    const booked = await a.desk.must('appointment/book', { ...nine, patientId: 'p1' }, deskFrontDesk);
    const clash = await b.desk.must('appointment/book', { ...nine, patientId: 'p2' }, deskFrontDesk);
    b.sync.setOnline(true);
    await waitFor(() => b.sync.status().lastSyncAt !== null && b.sync.status().pending === 0);
    a.sync.setOnline(true);
    await waitFor(() => a.sync.status().pending === 0 && !a.sync.status().syncing);
    expect(await b.sync.syncNow()).toBe(true);

    for (const { desk, sync } of [a, b]) {
      expect((await desk.db.appointments.toArray()).map((row) => row.id).sort()).toEqual([booked.appointment.id, clash.appointment.id].sort());
      expect(sync.status().openConflicts).toBe(1);
    }
    const [conflict] = await b.desk.db.conflicts.toArray();
    // Desk B's booking reached the server first, so desk A's is the one marked.
    expect(conflict).toMatchObject({ kind: 'double-booking', resourceId: 'dr-lee', appointmentIds: [clash.appointment.id, booked.appointment.id], status: 'open' });
    expect(await a.desk.db.appointments.get(booked.appointment.id)).toMatchObject({ syncConflict: conflict!.id });
    // Desk A's own push was answered `conflict`, so its receptionist hears of it without waiting for the inbox.
    expect(a.sync.status().newConflictIds).toEqual([conflict!.id]);
    expect(b.sync.status().newConflictIds).toEqual([]);

    // Desk A cancels its booking and records the resolution; desk B follows.
    await a.desk.must('appointment/cancel', { appointmentId: booked.appointment.id, reason: 'Rebooked for Friday' }, deskFrontDesk);
    await a.desk.must('conflict/resolve', { conflictId: conflict!.id, action: 'cancelled', appointmentId: booked.appointment.id, reason: 'Rebooked for Friday' }, deskFrontDesk);
    expect(await a.sync.syncNow()).toBe(true);
    expect(await b.sync.syncNow()).toBe(true);
    expect(b.sync.status().openConflicts).toBe(0);
    expect(await b.desk.db.conflicts.get(conflict!.id)).toMatchObject({ status: 'resolved', resolution: { action: 'cancelled', appointmentId: booked.appointment.id, reason: 'Rebooked for Friday' } });
    expect(await b.desk.db.appointments.get(booked.appointment.id)).toMatchObject({ status: 'cancelled' });
  });

  it('a revoked desk gets a coded error in its status and stops retrying by itself', async () => {
    const server = await serve();
    const a = await enrolledDesk(server, 'desk-a', 11);
    await a.desk.must('patient/register', { id: 'p9', givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' }, deskAdmin);
    await revokeDevice(storage!, a.deviceId, () => now);
    expect(await a.sync.syncNow()).toBe(false);
    expect(a.sync.status()).toMatchObject({ lastError: { code: 'device-revoked' }, pending: 1, nextAttemptAt: null });
  });

  it('halves its batch when a push is over the body limit, and still drains everything in order', async () => {
    const server = await serve({ bodyLimitBytes: 24 * 1024 });
    const a = await enrolledDesk(server, 'desk-a', 11);
    await setUpClinic(a.desk);
    for (let index = 0; index < 30; index += 1) {
      await a.desk.must('patient/register', { id: `px-${index}`, givenName: 'Pat', familyName: `Number ${index}`, notes: 'x'.repeat(400), dateOfBirth: '1990-01-01' }, deskFrontDesk);
    }
    expect(await a.sync.syncNow()).toBe(true);
    expect(a.sync.status().pending).toBe(0);
    const device = await storage!.getDevice(a.deviceId);
    expect(device?.lastDeviceSeq).toBe(36);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('Timed out waiting for the sync client.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
