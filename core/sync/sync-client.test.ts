import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { failOnWrite } from '../commands/commands.fixture';
import { TimedeskDb } from '../db';
import { MemoryServer, scriptedTransport } from './memory-server.fixture';
import { createSyncClient } from './sync-client';
import type { SyncClientOptions, SyncTimers } from './sync-client';
import { deskFrontDesk, openDesk, reopenDesk, setUpClinic } from './sync-desk.fixture';
import type { Desk } from './sync-desk.fixture';
import { SyncTransportError } from './sync-transport';
import type { SyncTransport } from './sync-transport';
import { applyPulledPage } from './apply-pull';

/** Timers the test fires by hand, recording each delay asked for. */
function manualTimers(): SyncTimers & { delays: number[]; fire(): void; pending(): number } {
  const queue: { callback: () => void; ms: number; id: number }[] = [];
  let next = 0;
  return {
    delays: [],
    set(callback, ms) {
      this.delays.push(ms);
      const id = ++next;
      queue.push({ callback, ms, id });
      return id;
    },
    clear(handle) {
      const index = queue.findIndex((entry) => entry.id === handle);
      if (index >= 0) queue.splice(index, 1);
    },
    fire() {
      const entry = queue.shift();
      entry?.callback();
    },
    pending: () => queue.length,
  };
}

function client(desk: Desk, transport: SyncTransport, extra: Partial<SyncClientOptions> = {}) {
  return createSyncClient({ db: desk.db, transport, clock: () => desk.clock.now, random: () => 0.5, timers: manualTimers(), pollIntervalMs: 0, ...extra });
}

async function bookNine(desk: Desk, patientId = 'p1', wallStart = '2026-01-05T09:00') {
  return desk.must('appointment/book', { resourceIds: ['dr-lee'], patientId, wallStart, timeZone: 'America/New_York', durationMinutes: 30 }, deskFrontDesk);
}

const unavailable = () => new SyncTransportError(503, 'server-unavailable', 'Try later.');

describe('sync client: push', () => {
  it('drains the outbox in deviceSeq order, in batches of at most 100', async () => {
    const desk = await openDesk('desk-a', 1);
    await setUpClinic(desk);
    for (let index = 0; index < 200; index += 1) {
      await desk.must('patient/register', { id: `px-${index}`, givenName: 'Pat', familyName: `Number ${index}`, dateOfBirth: '1990-01-01' }, deskFrontDesk);
    }
    const queued = await desk.db.outbox.count();
    const server = new MemoryServer(() => desk.clock.now);
    const sizes: number[] = [];
    const inner = server.transport();
    const transport: SyncTransport = { push: (request) => (sizes.push(request.mutations.length), inner.push(request)), pull: inner.pull };
    expect(await client(desk, transport).syncNow()).toBe(true);

    expect(sizes).toEqual([100, 100, queued - 200]);
    expect(server.applied.map((mutation) => mutation.deviceSeq)).toEqual(Array.from({ length: queued }, (_, index) => index + 1));
    expect(await desk.db.outbox.count()).toBe(0);
    // Every audit entry went along, and the acknowledged seq is remembered.
    const device = await desk.db.meta.get('device');
    expect(server.audit.get((device as { deviceId: string }).deviceId)).toHaveLength(await desk.db.audit.count());
    expect((await desk.db.syncState.get('sync'))?.auditSeqAcked).toBe(await desk.db.audit.count());
  });

  it('retries with exponential backoff and jitter, then drains when the server is back', async () => {
    const desk = await openDesk('desk-a', 1);
    await setUpClinic(desk);
    const server = new MemoryServer(() => desk.clock.now);
    const transport = scriptedTransport(server.transport(), ['fail', 'fail', 'fail'], unavailable);
    const timers = manualTimers();
    const draws = [0, 0.5, 1 - 1e-9];
    const sync = client(desk, transport, { timers, random: () => draws.shift() ?? 0 });

    expect(await sync.syncNow()).toBe(false);
    expect(sync.status()).toMatchObject({ failures: 1, lastError: { code: 'server-unavailable' }, pending: 6 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      timers.fire();
      await waitFor(() => !sync.status().syncing && sync.status().failures === attempt + 2);
    }
    expect(timers.delays).toEqual([1000, 3000, 8000]);
    timers.fire();
    await waitFor(() => sync.status().failures === 0 && !sync.status().syncing);
    expect(sync.status()).toMatchObject({ pending: 0, lastError: null, lastSyncAt: desk.clock.now });
    expect(server.applied).toHaveLength(6);
  });

  it('survives being killed after the server applied a push: the restart pushes again, the server says duplicate, nothing doubles', async () => {
    const first = await openDesk('desk-a', 1);
    await setUpClinic(first);
    await bookNine(first);
    const server = new MemoryServer(() => first.clock.now);
    const dying = scriptedTransport(server.transport(), ['lost-ack'], () => new Error('app closed'));
    expect(await client(first, dying).syncNow()).toBe(false);
    expect(server.applied).toHaveLength(7);
    expect(await first.db.outbox.count()).toBe(7);
    first.db.close();

    const restarted = await reopenDesk(first);
    const answers: string[] = [];
    const inner = server.transport();
    const watching: SyncTransport = {
      async push(request) {
        const response = await inner.push(request);
        answers.push(...response.results.map((result) => result.status));
        return response;
      },
      pull: inner.pull,
    };
    expect(await client(restarted, watching).syncNow()).toBe(true);
    expect(new Set(answers)).toEqual(new Set(['duplicate']));
    expect(server.applied).toHaveLength(7);
    expect(new Set(server.applied.map((mutation) => mutation.mutationId)).size).toBe(7);
    expect(await restarted.db.outbox.count()).toBe(0);
    expect(await restarted.db.appointments.count()).toBe(1);
    expect(verifyAuditChain(await restarted.db.audit.toArray()).ok).toBe(true);
  });

  it('files a rejected mutation for a person to see and does not send it again', async () => {
    const desk = await openDesk('desk-a', 1);
    await setUpClinic(desk);
    const server = new MemoryServer(() => desk.clock.now);
    const last = await desk.db.outbox.orderBy('deviceSeq').last();
    server.rejectIds.add(last!.mutationId);
    const sync = client(desk, server.transport());
    expect(await sync.syncNow()).toBe(true);
    expect(await desk.db.outbox.count()).toBe(0);
    expect(await desk.db.syncRejections.toArray()).toEqual([
      expect.objectContaining({ mutationId: last!.mutationId, name: 'patient/register', reason: expect.objectContaining({ code: 'invalid-format' }) }),
    ]);
    expect(sync.status().rejected).toBe(1);
    const pushes = server.pushCalls;
    await sync.syncNow();
    expect(server.pushCalls).toBe(pushes);
  });

  it('makes no network call while offline, and drains as soon as it is back online', async () => {
    const desk = await openDesk('desk-a', 1);
    await setUpClinic(desk);
    const server = new MemoryServer(() => desk.clock.now);
    const transport = scriptedTransport(server.transport(), [], unavailable);
    const sync = client(desk, transport, { online: false });
    expect(await sync.syncNow()).toBe(false);
    await bookNine(desk);
    expect(await sync.syncNow()).toBe(false);
    expect(sync.status().pending).toBe(7);
    expect(transport.calls).toEqual([]);
    expect(sync.status().online).toBe(false);

    sync.setOnline(true);
    await waitFor(() => sync.status().lastSyncAt !== null);
    expect(transport.calls[0]).toBe('push');
    expect(server.applied).toHaveLength(7);
    expect(sync.status()).toMatchObject({ online: true, pending: 0 });

    sync.setOnline(false);
    await bookNine(desk, 'p2', '2026-01-05T10:00');
    const calls = transport.calls.length;
    expect(await sync.syncNow()).toBe(false);
    expect(transport.calls.length).toBe(calls);
  });

  it('keeps syncing data when the server refuses the audit chain, and says so', async () => {
    const desk = await openDesk('desk-a', 1);
    await setUpClinic(desk);
    const server = new MemoryServer(() => desk.clock.now);
    // The server holds a different first entry for this device: the local log no longer continues it.
    const [first] = await desk.db.audit.orderBy('[deviceId+seq]').limit(1).toArray();
    server.audit.set(first!.deviceId, [{ ...first!, hash: 'f'.repeat(64) }]);
    const sync = client(desk, server.transport());
    expect(await sync.syncNow()).toBe(true);
    expect(sync.status()).toMatchObject({ pending: 0, lastError: null, auditRefused: { seq: 1 } });
    expect(server.applied).toHaveLength(6);
    expect((await desk.db.syncState.get('sync'))?.auditSeqAcked).toBe(0);

    // Once the server's copy is repaired, the next run sends the entries and the flag clears.
    server.audit.delete(first!.deviceId);
    expect(await sync.syncNow()).toBe(true);
    expect(sync.status().auditRefused).toBeNull();
    expect((await desk.db.syncState.get('sync'))?.auditSeqAcked).toBe(await desk.db.audit.count());
  });

  it('stops retrying by itself when the token is refused (401) until asked again', async () => {
    const desk = await openDesk('desk-a', 1);
    await setUpClinic(desk);
    const server = new MemoryServer(() => desk.clock.now);
    const timers = manualTimers();
    const transport = scriptedTransport(server.transport(), ['fail'], () => new SyncTransportError(401, 'unknown-token', 'This desk is not enrolled.'));
    const sync = client(desk, transport, { timers });
    expect(await sync.syncNow()).toBe(false);
    expect(sync.status().lastError).toEqual({ code: 'unknown-token', message: 'This desk is not enrolled.' });
    expect(timers.pending()).toBe(0);
    expect(await sync.syncNow()).toBe(true);
  });
});

describe('sync client: pull', () => {
  it('applies changes and cursor together; a failure half-way leaves neither', async () => {
    const writer = await openDesk('desk-a', 1);
    await setUpClinic(writer);
    const server = new MemoryServer(() => writer.clock.now);
    expect(await client(writer, server.transport()).syncNow()).toBe(true);
    const page = server.pull('0', 500);
    expect(page.changes.length).toBe(6);

    // A second desk whose storage fails on the patients write (after resources and hours were written),
    // then on the cursor write (after every change was written).
    const reader = await openDesk('desk-b', 2);
    reader.db.close();
    const failingPatients = failOnWrite('patients', 1);
    const failingCursor = failOnWrite('syncState', 1);
    const db = new TimedeskDb(reader.storage);
    db.use(failingPatients);
    db.use({ ...failingCursor, name: 'fail-on-cursor' });
    await db.open();
    for (const failing of [failingPatients, failingCursor]) {
      failing.armed = true;
      await expect(applyPulledPage(db, page, { clockSkewMs: 0 })).rejects.toThrow(/Injected failure/);
      failing.armed = false;
      expect(await db.resources.count()).toBe(0);
      expect(await db.scheduleBlocks.count()).toBe(0);
      expect(await db.patients.count()).toBe(0);
      expect(await db.syncState.get('sync')).toBeUndefined();
    }

    await applyPulledPage(db, page, { clockSkewMs: 0 });
    expect(await db.patients.count()).toBe(2);
    expect((await db.syncState.get('sync'))?.cursor).toBe('6');
    // Applying the same page again changes nothing.
    const before = await db.patients.toArray();
    await applyPulledPage(db, page, { clockSkewMs: 0 });
    expect(await db.patients.toArray()).toEqual(before);
  });

  it("writes the server's version and rebuilds the booking index for pulled appointments", async () => {
    const writer = await openDesk('desk-a', 1);
    await setUpClinic(writer);
    const { appointment } = await bookNine(writer);
    const server = new MemoryServer(() => writer.clock.now);
    await client(writer, server.transport()).syncNow();

    const reader = await openDesk('desk-b', 2);
    await client(reader, server.transport()).syncNow();
    const pulled = await reader.db.appointments.get(appointment.id);
    expect(pulled).toMatchObject({ id: appointment.id, version: 7, day: '2026-01-05' });
    expect(await reader.db.bookings.where('appointmentId').equals(appointment.id).toArray()).toEqual([
      expect.objectContaining({ resourceId: 'dr-lee', start: Date.parse(appointment.start) }),
    ]);
    // The writer's own copy now carries the server's version too.
    expect((await writer.db.appointments.get(appointment.id))?.version).toBe(7);
  });

  it('keeps a pending local edit on top of an older server copy until the server has it', async () => {
    const a = await openDesk('desk-a', 1);
    await setUpClinic(a);
    const server = new MemoryServer(() => a.clock.now);
    await client(a, server.transport()).syncNow();
    const b = await openDesk('desk-b', 2);
    const bSync = client(b, server.transport());
    await bSync.syncNow();

    // Desk A renames p1 and syncs; desk B, offline, changes p1's phone.
    await a.must('patient/update', { patientId: 'p1', changes: { givenName: 'Augusta' } }, deskFrontDesk);
    await client(a, server.transport()).syncNow();
    await b.must('patient/update', { patientId: 'p1', changes: { phone: '555 0199' } }, deskFrontDesk);

    // B pulls only (its push is lost): A's older copy arrives, B's pending edit stays on top.
    const pullOnly: SyncTransport = { push: () => Promise.reject(new Error('lost')), pull: server.transport().pull };
    await applyPulledPage(b.db, await pullOnly.pull('6', 500), { clockSkewMs: 0 });
    expect(await b.db.patients.get('p1')).toMatchObject({ phone: '555 0199' });

    // Once B's edit is acknowledged, the server's copy (which is B's) is what every desk holds.
    await bSync.syncNow();
    await client(a, server.transport()).syncNow();
    const onA = await a.db.patients.get('p1');
    const onB = await b.db.patients.get('p1');
    expect(onB).toEqual(onA);
    expect(onB).toMatchObject({ phone: '555 0199' });
  });

  it('warns when the desk clock is more than five minutes off the server, and keeps syncing', async () => {
    const desk = await openDesk('desk-a', 1);
    await setUpClinic(desk);
    const server = new MemoryServer(() => desk.clock.now - 7 * 60_000);
    const sync = client(desk, server.transport());
    expect(await sync.syncNow()).toBe(true);
    expect(sync.status()).toMatchObject({ clockSkewMs: 7 * 60_000, clockWarning: true, pending: 0 });

    const close = new MemoryServer(() => desk.clock.now + 90_000);
    const other = await openDesk('desk-b', 2);
    const otherSync = client(other, close.transport());
    expect(await otherSync.syncNow()).toBe(true);
    expect(otherSync.status()).toMatchObject({ clockSkewMs: -90_000, clockWarning: false });
  });

  it('pulls every page until the server says there are no more', async () => {
    const writer = await openDesk('desk-a', 1);
    await setUpClinic(writer);
    const server = new MemoryServer(() => writer.clock.now);
    await client(writer, server.transport()).syncNow();
    const reader = await openDesk('desk-b', 2);
    const inner = server.transport();
    const cursors: string[] = [];
    await client(reader, { push: inner.push, pull: (after, limit) => (cursors.push(after), inner.pull(after, limit)) }, { pullLimit: 5 }).syncNow();
    expect(cursors).toEqual(['0', '5']);
    expect(await reader.db.scheduleBlocks.count()).toBe(2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('Timed out waiting for the sync client.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// Keep Dexie's unhandled-rejection noise out of the injected-failure test.
Dexie.debug = false;
