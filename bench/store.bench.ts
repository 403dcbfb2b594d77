/**
 * `npm run bench -- store`: the local write path on fake-indexeddb under Node
 * (an in-memory IndexedDB written in JavaScript, so absolute figures are not
 * Chromium's; the ratios are what to watch).
 *
 * 1. Booking through the command wrapper (validate, booking check, change +
 *    chained audit entry + outbox mutation in one transaction): median and
 *    p95. The audit chain's overhead is measured as the same hand-written
 *    transaction with and without `appendEntry` + `audit.add`.
 * 2. A 52-occurrence weekly series checked against 100,000 stored
 *    appointments and saved (series/create), against a baseline that loads
 *    every stored appointment and runs the same booking check on them.
 */
import { appendEntry } from '../core/audit';
import type { ChainLink } from '../core/audit';
import { clinicFixture, frontDesk } from '../core/commands/commands.fixture';
import { bookingRows, currentSchemaVersion, readDevice } from '../core/db';
import { seededAppointmentRow } from '../core/db/seeded-appointment.fixture';
import type { AppointmentRow, TimedeskDb } from '../core/db';
import { checkBooking } from '../core/overlap';
import { hlcSend, hlcToString } from '../core/sync';

const dayMs = 86_400_000;

function stats(samples: number[]): { median: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: at(0.5), p95: at(0.95), mean: samples.reduce((sum, x) => sum + x, 0) / samples.length };
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

/** A stored appointment row at `start` (epoch ms), built without going through a command (for seeding). */
function row(id: string, resourceId: string, patientId: string, start: number, minutes: number): AppointmentRow {
  return seededAppointmentRow({ id, resourceIds: [resourceId], patientId, wallStart: new Date(start - 5 * 3_600_000).toISOString().slice(0, 19), timeZone: 'America/New_York', start, durationMinutes: minutes });
}

/** The same write a booking makes, by hand, with or without the audit entry. */
async function rawWrite(db: TimedeskDb, index: number, withAudit: boolean): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const device = await readDevice(db);
    const appointment = row(`raw-${withAudit ? 'a' : 'b'}-${index}`, 'room-1', 'p1', Date.UTC(2027, 0, 1) + index * 3_600_000 + (withAudit ? 0 : 1800_000), 30);
    await db.appointments.put(appointment);
    await db.bookings.bulkAdd(bookingRows(appointment));
    let head: ChainLink | null = null;
    if (withAudit) {
      head = (await db.audit.where('[deviceId+seq]').between([device.deviceId, 0], [device.deviceId, Infinity]).last()) ?? null;
      const entry = appendEntry(head, {
        id: `audit-${index}`,
        deviceId: device.deviceId,
        appVersion: device.appVersion,
        at: '2026-01-02T12:00:00.000Z',
        actor: { kind: 'staff', staffId: frontDesk.staffId, displayName: frontDesk.displayName, role: frontDesk.role },
        action: 'APPOINTMENT_BOOKED',
        entityType: 'appointment',
        entityId: appointment.id,
        patientId: 'p1',
        changes: { start: { before: null, after: appointment.start } },
        reason: null,
        outcome: 'success',
        mutationId: `m-${index}`,
      });
      await db.audit.add(entry);
      head = entry;
    }
    const stamp = hlcSend(device.hlc, device.deviceId, Date.UTC(2026, 0, 2, 12));
    await db.outbox.add({ mutationId: `m-${withAudit}-${index}`, deviceId: device.deviceId, deviceSeq: device.deviceSeq + 1, hlc: hlcToString(stamp.timestamp), name: 'appointment/book', args: { id: appointment.id }, baseVersion: null, schemaVersion: currentSchemaVersion, effects: [{ entity: 'appointment', id: appointment.id, op: 'put', data: appointment }] });
    await db.meta.put({ ...device, deviceSeq: device.deviceSeq + 1, hlc: stamp.state, ...(head ? { auditSeq: head.seq, auditHead: head.hash } : {}) });
  });
}

async function bookingBench(): Promise<void> {
  const { commands, db } = await clinicFixture();
  const count = 400;
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const day = new Date(Date.UTC(2026, 0, 5) + Math.floor(index / 20) * dayMs).toISOString().slice(0, 10);
    const hour = 8 + Math.floor((index % 20) / 2);
    const wallStart = `${day}T${String(hour).padStart(2, '0')}:${index % 2 === 0 ? '00' : '30'}`;
    const started = performance.now();
    const result = await commands.run('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart, timeZone: 'America/New_York', durationMinutes: 30 }, frontDesk);
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(`booking ${index} refused: ${JSON.stringify(result.error)}`);
  }
  const command = stats(samples.slice(50));

  // Interleave the two raw variants so drift (GC, JIT) hits both equally.
  const withAudit: number[] = [];
  const without: number[] = [];
  for (let index = 0; index < 600; index += 1) {
    let started = performance.now();
    await rawWrite(db, index, false);
    without.push(performance.now() - started);
    started = performance.now();
    await rawWrite(db, index, true);
    withAudit.push(performance.now() - started);
  }
  const plain = stats(without.slice(100));
  const chained = stats(withAudit.slice(100));
  console.log(`appointment/book through the wrapper (${count - 50} measured): median ${ms(command.median)}, p95 ${ms(command.p95)}`);
  console.log(`raw write without audit chain (baseline):  median ${ms(plain.median)}, p95 ${ms(plain.p95)}`);
  console.log(`raw write with audit chain:                median ${ms(chained.median)}, p95 ${ms(chained.p95)}`);
  console.log(`audit chain overhead: ${ms(chained.median - plain.median)} per write at the median (target < 1 ms), ratio ${(chained.median / plain.median).toFixed(2)}x`);
}

async function seriesBench(): Promise<void> {
  const { commands, db } = await clinicFixture();
  const resources = 20;
  for (let index = 0; index < resources; index += 1) {
    await db.resources.put({ id: `res-${index}`, kind: 'provider', name: `Provider ${index}`, capacity: 1, timeZone: 'America/New_York', active: true });
  }
  // 100,000 appointments: 20 providers × 2 years of weekdays, ~10 thirty-minute visits a day each.
  const rows: AppointmentRow[] = [];
  let id = 0;
  for (let day = Date.UTC(2025, 6, 1); rows.length < 100_000; day += dayMs) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let resource = 0; resource < resources && rows.length < 100_000; resource += 1) {
      for (let slot = 0; slot < 10 && rows.length < 100_000; slot += 1) {
        rows.push(row(`seed-${id++}`, `res-${resource}`, `patient-${id % 5000}`, day + 13 * 3_600_000 + slot * 3_600_000, 30));
      }
    }
  }
  const seeding = performance.now();
  for (let offset = 0; offset < rows.length; offset += 10_000) {
    const chunk = rows.slice(offset, offset + 10_000);
    await db.appointments.bulkAdd(chunk);
    await db.bookings.bulkAdd(chunk.flatMap(bookingRows));
  }
  console.log(`seeded ${rows.length.toLocaleString('en-US')} appointments in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

  // Index choice: one provider's day, three ways (IndexedDB cannot put a multiEntry key in a compound index).
  const dayFrom = Date.UTC(2026, 2, 10, 5);
  const dayTo = dayFrom + dayMs;
  const ways: [string, () => Promise<number>][] = [
    ['bookings [resourceId+start] range', async () => (await db.bookings.where('[resourceId+start]').between(['res-7', dayFrom - dayMs], ['res-7', dayTo]).filter((row) => row.end > dayFrom).toArray()).length],
    ['appointments start range + filter on resourceIds', async () => (await db.appointments.where('start').between(new Date(dayFrom - dayMs).toISOString(), new Date(dayTo).toISOString()).filter((row) => row.resourceIds.includes('res-7') && Date.parse(row.end) > dayFrom).toArray()).length],
    ['appointments *resourceIds equals + filter on start', async () => (await db.appointments.where('resourceIds').equals('res-7').filter((row) => Date.parse(row.start) < dayTo && Date.parse(row.end) > dayFrom).toArray()).length],
  ];
  for (const [label, query] of ways) {
    const times: number[] = [];
    let found = 0;
    // The multiEntry scan takes seconds on fake-indexeddb; once is enough to see it.
    for (let run = 0; run < (label.includes('*resourceIds') ? 1 : 10); run += 1) {
      const started = performance.now();
      found = await query();
      times.push(performance.now() - started);
    }
    console.log(`one provider's day via ${label}: median ${ms(stats(times).median)} (${found} rows)`);
  }

  for (let run = 0; run < 5; run += 1) await db.patients.put({ id: `bench-${run}`, givenName: 'Bench', familyName: `Patient ${run}`, dateOfBirth: '1980-01-01' });
  // Weekly at 08:30 New York on res-3 (free: seeded visits start on the hour from 08:00 EST / 09:00 EDT and last 30 min).
  const samples: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    const result = await commands.run(
      'series/create',
      { resourceIds: [`res-${run}`], patientId: `bench-${run}`, dtstart: '2026-01-05T08:30', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=52' },
      frontDesk,
    );
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(`series refused: ${JSON.stringify(result.error).slice(0, 300)}`);
    if (result.value.occurrenceCount !== 52) throw new Error(`expected 52 occurrences, got ${result.value.occurrenceCount}`);
  }
  const indexed = stats(samples);

  // Baseline: read every stored appointment and check the same 52 candidates against all of them.
  const baseline: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const existing = await db.appointments.toArray();
    const candidates = Array.from({ length: 52 }, (_, week) => {
      const start = Date.UTC(2026, 0, 5, 13, 30) + week * 7 * dayMs;
      return { id: `c${week}`, start, end: start + 1_800_000, resourceIds: ['res-10'], patientId: 'p1' };
    });
    checkBooking({ candidates, existing, resources: await db.resources.toArray(), schedule: [], closures: [], clinicTimeZone: 'America/New_York' });
    baseline.push(performance.now() - started);
  }
  const naive = stats(baseline);
  console.log(`series/create, 52 weekly occurrences vs 100,000 stored: median ${ms(indexed.median)}, worst ${ms(Math.max(...samples))} (target < 50 ms)`);
  console.log(`baseline, load all 100,000 and check:             median ${ms(naive.median)}`);
  console.log(`ratio: ${(naive.median / indexed.median).toFixed(1)}x faster through the [resourceId+start] bookings index`);
}

/** Runs both store benchmarks and prints their figures with baselines. */
export async function run(): Promise<void> {
  console.log('store: fake-indexeddb under Node (in-memory JS IndexedDB; real Chromium IndexedDB differs — compare ratios)');
  await bookingBench();
  await seriesBench();
}
