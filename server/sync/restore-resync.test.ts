import type { AddressInfo } from 'node:net';
import { randomBytes } from '@noble/hashes/utils.js';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../core/audit';
import { testRecipient } from '../../core/backup/backup-file.fixture';
import { MemoryTarget, restoreBackup, runBackup, slicesOf } from '../../core/backup-restore';
import type { BackupEnrollment } from '../../core/backup-restore';
import { createHttpTransport, createSyncClient, fetchDeviceHistory } from '../../core/sync';
import { deskFrontDesk, openDesk, reopenDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import type { Desk } from '../../core/sync/sync-desk.fixture';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { buildServer } from '../app';
import { openSqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';

/**
 * A desk that syncs is restored from an older backup (its disk died after
 * it had pushed more): it must re-sync without losing or doubling anything —
 * mutations the server already has are answered `duplicate`, the backup's
 * unsent mutations are applied once, work done after the restore reaches the
 * server, and (when the restore could ask the server, GET
 * /v1/sync/device-state) the audit chain continues the server's instead of
 * forking it.
 */

const now = Date.UTC(2026, 0, 2, 12);
const passphrase = 'correct horse battery staple';
let storage: Storage | undefined;
let app: FastifyInstance | undefined;
const opened: Desk[] = [];

afterEach(async () => {
  for (const desk of opened.splice(0)) desk.db.close();
  await app?.close();
  await storage?.close();
});

const visit = (day: number) => ({ resourceIds: ['dr-lee'], patientId: 'p1', wallStart: `2026-01-${String(day).padStart(2, '0')}T09:00`, timeZone: 'America/New_York', durationMinutes: 30 });

async function scenario({ diesBeforePushing = false } = {}) {
  storage = await openSqliteStorage({ path: ':memory:' });
  app = buildServer({ storage, logger: false, clock: () => now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const clinic = await createClinic(storage, { name: 'North Street', zone: 'America/New_York' }, () => now);
  const desk = await openDesk('desk-a', 11, now);
  opened.push(desk);
  const { deviceId } = (await desk.db.meta.get('device')) as { deviceId: string };
  const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, () => now);
  const answer = await fetch(`${baseUrl}/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId, deviceName: 'Front desk 1' }) });
  const { token } = (await answer.json()) as { token: string };
  const enrollment = { key: 'enrollment', serverUrl: baseUrl, token, clinicId: clinic.id, clinicName: 'North Street', deviceId, enrolledAt: now };
  await desk.db.syncState.put(enrollment as never);
  const client = (db: Desk['db']) => createSyncClient({ db, transport: createHttpTransport({ baseUrl, token, fetch }), clock: () => now, random: () => 0.5, pollIntervalMs: 0, timers: { set: () => 0, clear: () => undefined } });
  await setUpClinic(desk);
  const sync = client(desk.db);
  expect(await sync.syncNow()).toBe(true);

  // Booked offline, then backed up with that booking still in the outbox.
  const unsent = await desk.must('appointment/book', visit(5), deskFrontDesk);
  const target = new MemoryTarget('app-data');
  const recipient = await testRecipient(passphrase);
  expect((await runBackup({ db: desk.db, recipient, kind: 'scheduled', now, clock: () => now, appVersion: 't', targets: [target], randomBytes })).outcome).toBe('verified');
  // The desk goes on: pushes that booking and one more, then its disk dies.
  const later = await desk.must('appointment/book', visit(6), deskFrontDesk);
  if (!diesBeforePushing) expect(await sync.syncNow()).toBe(true);
  const serverHead = (await storage.auditHead(clinic.id, deviceId))!;
  const [bytes] = [...target.files.values()];

  // A new computer: empty profile, restored from that backup.
  const fresh = await openDesk('desk-a-rebuilt', 99, now);
  opened.push(fresh);
  return { clinicId: clinic.id, deviceId, baseUrl, token, bytes: bytes!, unsent, later, serverHead, fresh, client };
}

async function changesPerRecord(clinicId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const change of await storage!.readChanges(clinicId, 0, 10_000)) counts.set(`${change.entity}:${change.id}`, (counts.get(`${change.entity}:${change.id}`) ?? 0) + 1);
  return counts;
}

describe('a syncing desk restored from a backup', () => {
  it('pushes the backup\'s unsent mutations exactly once when the desk died before sending them', async () => {
    const s = await scenario({ diesBeforePushing: true });
    expect((await changesPerRecord(s.clinicId)).has(`appointment:${s.unsent.appointment.id}`)).toBe(false);
    const { marker } = await restoreBackup({
      db: s.fresh.db, open: () => slicesOf(s.bytes, 8192), passphrase, session: null, clock: () => now, newId: () => 'restored-entry', safetyBackup: async () => undefined,
      catchUp: (enrollment, afterAuditSeq) => fetchDeviceHistory(createHttpTransport({ baseUrl: enrollment.serverUrl, token: enrollment.token, fetch }), afterAuditSeq),
    });
    expect(marker).toMatchObject({ catchUp: 'caught-up', caughtUpEntries: 0 });
    const desk = await reopenDesk({ ...s.fresh, ids: { counter: 500 } });
    opened.push(desk);
    const sync = s.client(desk.db);
    expect(await sync.syncNow()).toBe(true);
    expect(await sync.syncNow()).toBe(true);
    expect(sync.status()).toMatchObject({ pending: 0, auditRefused: null });
    const changes = await changesPerRecord(s.clinicId);
    expect(changes.get(`appointment:${s.unsent.appointment.id}`)).toBe(1);
    // What was never backed up nor pushed is gone with the disk: the desk holds exactly the backup's bookings.
    expect(changes.has(`appointment:${s.later.appointment.id}`)).toBe(false);
    expect(await desk.db.appointments.count()).toBe(1);
  });

  it('takes up its history from the server: nothing doubled, nothing lost, one unbroken audit chain', async () => {
    const s = await scenario();
    const before = await changesPerRecord(s.clinicId);
    const { marker } = await restoreBackup({
      db: s.fresh.db,
      open: () => slicesOf(s.bytes, 8192),
      passphrase,
      session: null,
      clock: () => now,
      newId: () => 'restored-entry',
      safetyBackup: async () => undefined,
      catchUp: (enrollment: BackupEnrollment, afterAuditSeq) => fetchDeviceHistory(createHttpTransport({ baseUrl: enrollment.serverUrl, token: enrollment.token, fetch }), afterAuditSeq),
    });
    expect(marker).toMatchObject({ catchUp: 'caught-up' });
    expect(marker.caughtUpEntries).toBeGreaterThan(0);
    const desk = await reopenDesk({ ...s.fresh, ids: { counter: 500 } });
    opened.push(desk);
    const after = await desk.must('appointment/book', visit(7), deskFrontDesk);
    const sync = s.client(desk.db);
    expect(await sync.syncNow()).toBe(true);
    expect(sync.status()).toMatchObject({ pending: 0, rejected: 0, auditRefused: null });

    // The backup's booking reached the server once (pushed before the disk died: answered duplicate now),
    // the later booking came back by pull, the new one went up once.
    const changes = await changesPerRecord(s.clinicId);
    for (const { appointment } of [s.unsent, s.later]) expect(changes.get(`appointment:${appointment.id}`)).toBe(before.get(`appointment:${appointment.id}`));
    expect(changes.get(`appointment:${after.appointment.id}`)).toBe(1);
    expect((await desk.db.appointments.toArray()).map((row) => row.id).sort()).toEqual([s.unsent, s.later, after].map((booked) => booked.appointment.id).sort());
    // One chain: the server's later entries, then BACKUP_RESTORED, then the new booking — all accepted by the server.
    const local = await desk.db.audit.where('[deviceId+seq]').between([s.deviceId, 0], [s.deviceId, Infinity]).toArray();
    expect(verifyAuditChain(local).ok).toBe(true);
    expect(local.find((entry) => entry.seq === s.serverHead.seq)?.hash).toBe(s.serverHead.hash);
    const server = await storage!.auditHead(s.clinicId, s.deviceId);
    expect(server).toEqual({ seq: local.at(-1)!.seq, hash: local.at(-1)!.hash });
  });

  it('restored without the server: new work is renumbered past the server\'s mutations and applied once; the audit refusal is reported', async () => {
    const s = await scenario();
    const before = await changesPerRecord(s.clinicId);
    const { marker } = await restoreBackup({ db: s.fresh.db, open: () => slicesOf(s.bytes, 8192), passphrase, session: null, clock: () => now, newId: () => 'restored-entry', safetyBackup: async () => undefined });
    expect(marker.catchUp).toBe('unreachable');
    const desk = await reopenDesk({ ...s.fresh, ids: { counter: 500 } });
    opened.push(desk);
    const after = await desk.must('appointment/book', visit(7), deskFrontDesk);
    const sync = s.client(desk.db);
    expect(await sync.syncNow()).toBe(true);
    expect(sync.status().pending).toBe(0);
    const changes = await changesPerRecord(s.clinicId);
    for (const { appointment } of [s.unsent, s.later]) expect(changes.get(`appointment:${appointment.id}`)).toBe(before.get(`appointment:${appointment.id}`));
    expect(changes.get(`appointment:${after.appointment.id}`)).toBe(1);
    expect((await desk.db.appointments.toArray()).map((row) => row.id).sort()).toEqual([s.unsent, s.later, after].map((booked) => booked.appointment.id).sort());
    // The local chain forked from the server's after the backup: the server keeps its copy and says so.
    expect(sync.status().auditRefused).not.toBeNull();
  });
});

describe('GET /v1/sync/device-state', () => {
  it('answers only the calling device\'s history and names a bad query\'s field', async () => {
    const s = await scenario();
    const ask = (query: string, token = s.token) => fetch(`${s.baseUrl}/v1/sync/device-state?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const answer = (await (await ask('afterAuditSeq=0&limit=2')).json()) as { deviceId: string; lastDeviceSeq: number; audit: { seq: number; deviceId: string }[]; hasMore: boolean };
    expect(answer).toMatchObject({ deviceId: s.deviceId, hasMore: true });
    expect(answer.audit.map((entry) => [entry.seq, entry.deviceId])).toEqual([[1, s.deviceId], [2, s.deviceId]]);
    expect(answer.lastDeviceSeq).toBe((await storage!.getDevice(s.deviceId))!.lastDeviceSeq);
    const bad = await ask('afterAuditSeq=-3');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('afterAuditSeq');
    expect((await ask('afterAuditSeq=0', 'not-a-token')).status).toBe(401);
  });
});
