/**
 * `npm run bench -- sync-client`: the desk side of sync on fake-indexeddb under
 * Node (an in-memory IndexedDB written in JavaScript, so absolute figures are
 * not Chromium's; the ratios are what to watch).
 *
 * 1. Effects capture: appointment/book through the command wrapper with the
 *    capture middleware (every synced write recorded into the outbox row)
 *    against the same commands on a database opened without it.
 * 2. Pull apply: 10,000 pulled appointment changes applied in pages of 500
 *    (one transaction each: record with the server's version, booking-index
 *    rows, pending effects on top, cursor), against a baseline that bulkPuts
 *    the same rows in pages with nothing else.
 * 3. Push drain: 10,000 queued mutations pushed in batches of 100 to an
 *    in-process server and acknowledged (outbox rows removed in one
 *    transaction per batch), against a baseline that only reads and deletes
 *    the same batches.
 */
import { createCommandRunner } from '../core/commands';
import { appointmentDay, bookingRows, currentSchemaVersion, openTimedeskDb, readDevice, TimedeskDb } from '../core/db';
import type { AppointmentRow, OutboxMutation } from '../core/db';
import { countingBytes, freshStorage } from '../core/db/fake-database.fixture';
import { applyPulledPage, pushOutbox } from '../core/sync';
import type { PullResponse } from '../core/sync';
import { MemoryServer } from '../core/sync/memory-server.fixture';
import { deskFrontDesk, openDesk, setUpClinic } from '../core/sync/sync-desk.fixture';
import { appointmentChange } from './sync-records.fixture';

const ms = (value: number) => `${value.toFixed(3)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A desk database with the clinic set up, opened with or without the capture middleware; returns a booker. */
async function bookingDesk(withCapture: boolean): Promise<{ book(index: number): Promise<number>; finish(): Promise<void> }> {
  const storage = freshStorage(`bench-capture-${withCapture}`);
  const now = Date.UTC(2026, 0, 2, 12);
  // Create the device row, then reopen the same storage with or without the capture middleware.
  const first = await openTimedeskDb({ ...storage, appVersion: 'bench', now, randomBytes: countingBytes(3) });
  first.db.close();
  const db = new TimedeskDb(storage);
  if (!withCapture) db.unuse({ stack: 'dbcore', name: 'capture-effects' });
  await db.open();
  let counter = 0;
  const commands = createCommandRunner({ db, clock: () => now, newId: () => `id-${++counter}` });
  const admin = { staffId: 'staff-admin', displayName: 'Alex Admin', role: 'admin' as const };
  await db.meta.put({ key: 'clinic', name: 'Bench', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 });
  await commands.run('resource/save', { id: 'dr-lee', kind: 'provider', name: 'Dr Lee', timeZone: 'America/New_York' }, admin);
  await commands.run('schedule/save-block', { block: { id: 'hours', resourceId: 'dr-lee', kind: 'working', wallStart: '2025-01-06T00:00', wallEnd: '2025-01-06T23:59', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' } }, admin);
  return {
    async book(index) {
      await commands.run('patient/register', { id: `p${index}`, givenName: 'Pat', familyName: `N${index}`, dateOfBirth: '1990-01-01' }, deskFrontDesk);
      // Mondays from 5 January 2026, every half hour from midnight (a wall time, written as its UTC digits).
      const wallStart = new Date(Date.UTC(2026, 0, 5) + Math.floor(index / 40) * 7 * 86_400_000 + (index % 40) * 30 * 60_000).toISOString().slice(0, 16);
      const start = performance.now();
      const result = await commands.run('appointment/book', { resourceIds: ['dr-lee'], patientId: `p${index}`, wallStart, timeZone: 'America/New_York', durationMinutes: 30 }, deskFrontDesk);
      const elapsed = performance.now() - start;
      if (!result.ok) throw new Error(`bench booking refused: ${JSON.stringify(result.error)}`);
      return elapsed;
    },
    async finish() {
      const last = await db.outbox.orderBy('deviceSeq').last();
      if (withCapture !== (last?.effects.length === 1)) throw new Error('capture middleware state is not what the bench expects');
      db.close();
    },
  };
}

/** Books `count` appointments on both desks, alternating, so machine load hits both alike; drops a warm-up. */
async function captureBench(count: number): Promise<{ captured: number[]; bare: number[] }> {
  const withCapture = await bookingDesk(true);
  const without = await bookingDesk(false);
  const captured: number[] = [];
  const bare: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const first = index % 2 === 0;
    const a = await (first ? withCapture : without).book(index);
    const b = await (first ? without : withCapture).book(index);
    if (index < 20) continue;
    captured.push(first ? a : b);
    bare.push(first ? b : a);
  }
  await withCapture.finish();
  await without.finish();
  return { captured, bare };
}


async function pullBench(total: number, pageSize: number): Promise<{ apply: number; baseline: number }> {
  const records = Array.from({ length: total }, (_, index) => appointmentChange(index));
  const pages: PullResponse[] = [];
  for (let from = 0; from < total; from += pageSize) {
    const changes = records.slice(from, from + pageSize).map((data, offset) => ({ change: from + offset + 1, entity: 'appointment' as const, id: data.id, op: 'put' as const, version: from + offset + 1, data }));
    pages.push({ changes, nextCursor: String(from + changes.length), hasMore: from + pageSize < total, serverTime: '2026-01-02T12:00:00.000Z' });
  }
  const desk = await openDesk('pull', 2);
  // A few pending local edits, so the re-apply step has work to look through.
  await setUpClinic(desk);
  const start = performance.now();
  for (const page of pages) await applyPulledPage(desk.db, page, { clockSkewMs: 0 });
  const apply = performance.now() - start;
  if ((await desk.db.appointments.count()) !== total) throw new Error('pull bench lost rows');

  const plain = await openDesk('plain', 3);
  const baselineStart = performance.now();
  for (let from = 0; from < total; from += pageSize) {
    const rows: AppointmentRow[] = records.slice(from, from + pageSize).map((data) => ({ ...data, day: appointmentDay(data) }));
    await plain.db.transaction('rw', plain.db.appointments, plain.db.bookings, async () => {
      await plain.db.appointments.bulkPut(rows);
      await plain.db.bookings.bulkPut(rows.flatMap((row) => bookingRows(row)));
    });
  }
  const baseline = performance.now() - baselineStart;
  desk.db.close();
  plain.db.close();
  return { apply, baseline };
}

async function pushBench(total: number): Promise<{ drain: number; baseline: number }> {
  async function queued(name: string, seed: number) {
    const desk = await openDesk(name, seed);
    const device = await readDevice(desk.db);
    const rows: OutboxMutation[] = Array.from({ length: total }, (_, index) => {
      const data = appointmentChange(index);
      return { mutationId: `${name}-m${index}`, deviceId: device.deviceId, deviceSeq: index + 1, hlc: `h${index}`, name: 'appointment/book', args: {}, baseVersion: null, schemaVersion: currentSchemaVersion, effects: [{ entity: 'appointment', id: data.id, op: 'put', data }] };
    });
    await desk.db.outbox.bulkAdd(rows);
    return desk;
  }
  const desk = await queued('push', 4);
  const server = new MemoryServer(() => Date.UTC(2026, 0, 2, 12));
  const transport = server.transport();
  const start = performance.now();
  while (await pushOutbox(desk.db, transport, { mutations: 100, audit: 500 }, 0));
  const drain = performance.now() - start;
  if ((await desk.db.outbox.count()) !== 0 || server.applied.length !== total) throw new Error('push bench did not drain');

  const plain = await queued('plain-push', 5);
  const baselineStart = performance.now();
  for (;;) {
    const batch = await plain.db.outbox.orderBy('deviceSeq').limit(100).toArray();
    if (batch.length === 0) break;
    await plain.db.transaction('rw', plain.db.outbox, () => plain.db.outbox.bulkDelete(batch.map((row) => row.deviceSeq)));
  }
  const baseline = performance.now() - baselineStart;
  desk.db.close();
  plain.db.close();
  return { drain, baseline };
}

export async function run(): Promise<void> {
  const count = 220;
  const samples = await captureBench(count);
  const captured = median(samples.captured);
  const bare = median(samples.bare);
  console.log(`appointment/book with effects capture (${count - 20} measured, interleaved): median ${ms(captured)}`);
  console.log(`appointment/book without the middleware (baseline): median ${ms(bare)}`);
  console.log(`effects capture overhead: ${ms(captured - bare)} per command, ratio ${(captured / bare).toFixed(2)}x`);

  const pull = await pullBench(10_000, 500);
  console.log(`pull apply, 10,000 appointment changes in pages of 500: ${seconds(pull.apply)} (${((10_000 / pull.apply) * 1000).toFixed(0)} changes/s)`);
  console.log(`baseline, bulkPut of the same rows + booking rows:       ${seconds(pull.baseline)}`);
  console.log(`ratio: ${(pull.apply / pull.baseline).toFixed(2)}x the bare writes`);

  const push = await pushBench(10_000);
  console.log(`push drain, 10,000 mutations in batches of 100 (in-process server): ${seconds(push.drain)} (${((10_000 / push.drain) * 1000).toFixed(0)} mutations/s)`);
  console.log(`baseline, read + delete the same batches:                         ${seconds(push.baseline)}`);
  console.log(`ratio: ${(push.drain / push.baseline).toFixed(2)}x the bare outbox work (the difference is the JSON round trip and the in-memory server)`);
}
