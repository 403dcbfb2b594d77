/**
 * `npm run bench -- sync-server`: the sync server on loopback, a real
 * listening Fastify server per storage adapter (SQLite in a temp file, and
 * PostgreSQL in a throwaway schema when TIMEDESK_TEST_PG_URL or DATABASE_URL
 * is set).
 *
 * 1. One desk pushes 10,000 mutations (batches of 100, half patient
 *    registrations, half bookings that go through the double-booking check),
 *    then pulls them all (pages of 1,000). Target: under 5 s end to end on SQLite.
 * 2. 50 desks push 200 mutations each at the same time (batches of 20), all in
 *    one clinic (the worst case: they share one change counter), then spread
 *    over 10 clinics: throughput and p50/p95 request latency.
 * 3. The series double-booking check in a clinic holding 2,000 weekly series
 *    (100 providers × 20 weekly slots, a year each) against the same pushes in
 *    a clinic holding 10: per-push latency of 20 single bookings, and of one
 *    new weekly series (`applyPush` in-process, the check dominates).
 * Baselines in the same run: the same row writes straight into the storage
 * (one transaction per mutation, no validation, no HTTP; and the same with one
 * transaction per 100, to show what the commits cost), `applyPush`
 * in-process (validation and booking check, no HTTP), and for 3. the 10-series clinic.
 * 4. One commit per push: the same mutations through `applyPush` in pushes of
 *    100 (one transaction, a savepoint per mutation) against pushes of 1 (one
 *    transaction each, as every push was before), interleaved in rounds so
 *    load changes on a shared machine hit both alike; then the same with 25
 *    desks of one clinic pushing at once (pushes of 20 against pushes of 1).
 * 5. What one commit per push costs a reader: pull latency over HTTP (token
 *    lookup + one page of 50) while another desk of the clinic pushes batches
 *    of 100 back to back, against the same pulls with nothing pushing
 *    (measured before and after). SQLite serializes every request behind a
 *    whole push; PostgreSQL reads under MVCC.
 * TIMEDESK_BENCH_ONLY=series, =commits or =pulls runs only 3., 4. or 5.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentSchemaVersion } from '../core/db/schema';
import { createClinic, issueEnrollmentCode } from '../server/accounts/clinic-admin';
import { enrollDevice } from '../server/accounts/enroll-device';
import { buildServer } from '../server/app';
import { openThrowawayPostgres, testPostgresUrl } from '../server/storage/postgres-test-database';
import { openSqliteStorage } from '../server/storage/sqlite-storage';
import type { Storage } from '../server/storage/storage';
import { applyPush } from '../server/sync/apply-push';
import { bookedAppointment, bookingMutation, mutation, patientMutation, patientRecord } from '../server/sync/push-fixtures';
import type { Mutation } from '../server/sync/wire-schemas';

const totalMutations = 10_000;
const batchSize = 100;
const desks = 50;
const perDesk = 200;
const deskBatch = 20;

interface Backend {
  name: string;
  open(): Promise<{ storage: Storage; dispose(): Promise<void> }>;
}

/** Mutation `seq` of a desk: odd ones book a 30-minute slot of its own provider, even ones register a patient. */
function deskMutation(deviceId: string, seq: number): Mutation {
  if (seq % 2 === 0) return patientMutation(deviceId, seq);
  const slot = (seq - 1) / 2;
  const day = Math.floor(slot / 16);
  const minutes = 8 * 60 + (slot % 16) * 30;
  const date = new Date(Date.UTC(2026, 3, 1 + day));
  const wallStart = `${date.toISOString().slice(0, 10)}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return bookingMutation(deviceId, seq, bookedAppointment({ id: `${deviceId}-a${seq}`, resourceId: `dr-${deviceId}`, patientId: `${deviceId}-pt${slot}`, wallStart }));
}

function batches(deviceId: string, count: number, size: number): { deviceId: string; mutations: Mutation[]; audit: [] }[] {
  const out = [];
  for (let start = 1; start <= count; start += size) {
    out.push({ deviceId, mutations: Array.from({ length: Math.min(size, count - start + 1) }, (_, i) => deskMutation(deviceId, start + i)), audit: [] as [] });
  }
  return out;
}

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function enroll(storage: Storage, clinicId: string, deviceId: string): Promise<string> {
  const { code } = await issueEnrollmentCode(storage, { clinicId }, Date.now);
  return (await enrollDevice(storage, { code, deviceId, deviceName: deviceId }, Date.now)).token;
}

async function post(base: string, token: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}/v1/sync/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`push answered ${response.status}: ${await response.text()}`);
  const result = (await response.json()) as { results: { status: string }[] };
  if (result.results.some((r) => r.status !== 'applied')) throw new Error(`unexpected results: ${JSON.stringify(result.results.find((r) => r.status !== 'applied'))}`);
}

const manySeries = 2_000;
const fewSeries = 10;
const seriesPushes = 10;
const bookingsPerPush = 20;

/** Weekly series `index` of the seeded clinic: provider dr-(index mod 100), one of 5 weekdays × 4 morning half-hours, 52 weeks. */
function weeklySeries(id: string, index: number, patientId: string, afternoon = false): Record<string, unknown> {
  const weekday = Math.floor(index / 100) % 5;
  const minutes = (afternoon ? 13 * 60 : 8 * 60) + (Math.floor(index / 500) % 4) * 30;
  return {
    id,
    resourceIds: [`dr-${index % 100}`],
    patientId,
    dtstart: `2026-03-0${2 + weekday}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    timeZone: 'Europe/London',
    durationMinutes: 30,
    rrule: 'FREQ=WEEKLY;COUNT=52',
    exdates: [],
    rdates: [],
    version: 1,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
  };
}

/**
 * Mean latency of a push of 20 single bookings and of a push creating one
 * weekly series, in a clinic already holding `seriesCount` weekly series
 * (seeded straight into storage). Every booking and the series go through the
 * double-booking check and find nothing (they are in the afternoon).
 */
async function seriesCheckLatency(storage: Storage, backendName: string, seriesCount: number): Promise<{ bookingPushMs: number; seriesPushMs: number }> {
  const clinic = await createClinic(storage, { name: `Series ${seriesCount}`, zone: 'Europe/London' }, Date.now);
  const deviceId = `${backendName}-series-${seriesCount}`;
  await enroll(storage, clinic.id, deviceId);
  const seedDevice = `${deviceId}-seed`;
  await enroll(storage, clinic.id, seedDevice);
  await storage.write(clinic.id, seedDevice, async (tx) => {
    for (let index = 0; index < seriesCount; index += 1) {
      await tx.writeRecord({ entity: 'series', id: `seed-s${index}`, op: 'put', data: weeklySeries(`seed-s${index}`, index, `seed-p${index}`) });
    }
  });
  const auth = { clinicId: clinic.id, deviceId };
  let seq = 0;
  const bookingTimes: number[] = [];
  const seriesTimes: number[] = [];
  for (let push = 0; push < seriesPushes; push += 1) {
    const mutations = Array.from({ length: bookingsPerPush }, (_, i) => {
      seq += 1;
      const day = String(1 + (push % 28)).padStart(2, '0');
      return bookingMutation(deviceId, seq, bookedAppointment({ id: `${deviceId}-a${seq}`, resourceId: `dr-${(push * bookingsPerPush + i) % 100}`, patientId: `${deviceId}-p${seq}`, wallStart: `2026-04-${day}T15:00` }));
    });
    let started = performance.now();
    const bookings = await applyPush(storage, auth, { deviceId, mutations, audit: [] });
    bookingTimes.push(performance.now() - started);
    if (bookings.results.some((result) => result.status !== 'applied')) throw new Error(`series bench: a booking was not applied: ${JSON.stringify(bookings.results.find((r) => r.status !== 'applied'))}`);
    seq += 1;
    const series = weeklySeries(`${deviceId}-s${seq}`, push * 37, `${deviceId}-sp${seq}`, true);
    started = performance.now();
    const created = await applyPush(storage, auth, { deviceId, mutations: [{ ...mutation(deviceId, seq, [{ entity: 'series', id: String(series['id']), op: 'put', data: series }]), name: 'series/create' }], audit: [] });
    seriesTimes.push(performance.now() - started);
    if (created.results[0]?.status !== 'applied') throw new Error(`series bench: the series was not applied: ${JSON.stringify(created.results[0])}`);
  }
  const mean = (samples: number[]) => samples.reduce((sum, sample) => sum + sample, 0) / samples.length;
  return { bookingPushMs: mean(bookingTimes), seriesPushMs: mean(seriesTimes) };
}

const commitRounds = 4;
const commitRoundMutations = 500;

/**
 * Section 4: `commitRounds` rounds, each pushing `commitRoundMutations`
 * mutations in pushes of 1 on one desk and in pushes of 100 on another
 * (alternating which goes first). Returns the total milliseconds of each.
 */
async function commitsPerPush(storage: Storage, backendName: string): Promise<{ singleMs: number; batchedMs: number }> {
  const clinic = await createClinic(storage, { name: 'Commits', zone: 'Europe/London' }, Date.now);
  const single = { clinicId: clinic.id, deviceId: `${backendName}-commit-single` };
  const batched = { clinicId: clinic.id, deviceId: `${backendName}-commit-batched` };
  await enroll(storage, clinic.id, single.deviceId);
  await enroll(storage, clinic.id, batched.deviceId);
  let singleMs = 0;
  let batchedMs = 0;
  const pushAll = async (auth: { clinicId: string; deviceId: string }, round: number, size: number): Promise<number> => {
    const started = performance.now();
    for (const body of batches(auth.deviceId, commitRoundMutations, size)) {
      const offset = round * commitRoundMutations;
      const mutations = body.mutations.map((m) => deskMutation(auth.deviceId, m.deviceSeq + offset));
      const response = await applyPush(storage, auth, { ...body, mutations });
      if (response.results.some((result) => result.status !== 'applied')) throw new Error('commit bench: a mutation was not applied');
    }
    return performance.now() - started;
  };
  for (let round = 0; round < commitRounds; round += 1) {
    if (round % 2 === 0) {
      singleMs += await pushAll(single, round, 1);
      batchedMs += await pushAll(batched, round, 100);
    } else {
      batchedMs += await pushAll(batched, round, 100);
      singleMs += await pushAll(single, round, 1);
    }
  }
  return { singleMs, batchedMs };
}

const contendingDesks = 25;
const contendingMutations = 40;

/**
 * Section 4, under contention: 25 desks of ONE clinic push 40 patient
 * registrations each at the same time (they queue on the clinic's change
 * counter), in pushes of 20 and, as the baseline, in pushes of 1; rounds
 * alternate which goes first. Returns the total milliseconds of each.
 */
async function commitsUnderContention(storage: Storage, backendName: string): Promise<{ singleMs: number; batchedMs: number }> {
  let singleMs = 0;
  let batchedMs = 0;
  const runOnce = async (round: number, size: number): Promise<number> => {
    const clinic = await createClinic(storage, { name: `Contention ${round} ${size}`, zone: 'Europe/London' }, Date.now);
    const desksOfClinic = await Promise.all(
      Array.from({ length: contendingDesks }, async (_, i) => {
        const deviceId = `${backendName}-contention-${round}-${size}-d${i}`;
        await enroll(storage, clinic.id, deviceId);
        return { clinicId: clinic.id, deviceId };
      }),
    );
    const started = performance.now();
    await Promise.all(
      desksOfClinic.map(async (auth) => {
        for (let seq = 1; seq <= contendingMutations; seq += size) {
          await applyPush(storage, auth, { deviceId: auth.deviceId, mutations: Array.from({ length: size }, (_, k) => patientMutation(auth.deviceId, seq + k)), audit: [] });
        }
      }),
    );
    return performance.now() - started;
  };
  for (let round = 0; round < commitRounds; round += 1) {
    for (const size of round % 2 === 0 ? [1, 20] : [20, 1]) {
      const ms = await runOnce(round, size);
      if (size === 1) singleMs += ms;
      else batchedMs += ms;
    }
  }
  return { singleMs, batchedMs };
}

const busyPushes = 100;
const idlePulls = 200;

async function pullOnce(base: string, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/v1/sync/pull?after=0&limit=50&schema=${currentSchemaVersion}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
  const page = (await response.json()) as { changes: unknown[] };
  if (page.changes.length !== 50) throw new Error(`pull returned ${page.changes.length} changes, expected 50`);
  return performance.now() - started;
}

/**
 * Section 5: pull latencies (ms) of one desk while another desk of the same
 * clinic pushes `busyPushes` batches of 100 back to back (`busy`, with the
 * pushes' own latencies), and with nothing pushing before and after (`idle`).
 */
async function pullsDuringPushes(storage: Storage, base: string, backendName: string): Promise<{ idle: number[]; busy: number[]; pushes: number[] }> {
  const clinic = await createClinic(storage, { name: 'Pulls', zone: 'Europe/London' }, Date.now);
  const pusher = `${backendName}-pull-pusher`;
  const pusherToken = await enroll(storage, clinic.id, pusher);
  const pullerToken = await enroll(storage, clinic.id, `${backendName}-pull-reader`);
  const pushBodies = batches(pusher, (busyPushes + 1) * 100, 100);
  await post(base, pusherToken, pushBodies[0]);
  const idle: number[] = [];
  const pullIdle = async () => {
    for (let i = 0; i < idlePulls / 2; i += 1) idle.push(await pullOnce(base, pullerToken));
  };
  await pullIdle();
  const busy: number[] = [];
  const pushes: number[] = [];
  let pushing = true;
  const pushAll = (async () => {
    for (const body of pushBodies.slice(1)) {
      const started = performance.now();
      await post(base, pusherToken, body);
      pushes.push(performance.now() - started);
    }
    pushing = false;
  })();
  while (pushing) {
    busy.push(await pullOnce(base, pullerToken));
    // A desk polls now and then, not in a tight loop: land at varying points of a push.
    await new Promise((resolve) => setTimeout(resolve, 2 + (busy.length % 7)));
  }
  await pushAll;
  await pullIdle();
  return { idle, busy, pushes };
}

async function runBackend(backend: Backend): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const { storage, dispose } = await backend.open();
  const app = buildServer({ storage, logger: false, limits: { syncRequestsPerWindow: 1_000_000 } });
  try {
    const base = await app.listen({ host: '127.0.0.1', port: 0 });

    const only = process.env['TIMEDESK_BENCH_ONLY'];
    // 3. The series double-booking check: 10 stored series (baseline) against 2,000.
    if (only === undefined || only === 'series') {
      for (const count of [fewSeries, manySeries]) {
        const latency = await seriesCheckLatency(storage, backend.name, count);
        figures[`series${count}BookingPushMs`] = latency.bookingPushMs;
        figures[`series${count}SeriesPushMs`] = latency.seriesPushMs;
      }
    }
    // 4. One commit per push against one per mutation.
    if (only === undefined || only === 'commits') {
      const commits = await commitsPerPush(storage, backend.name);
      figures['commitSingleMs'] = commits.singleMs;
      figures['commitBatchedMs'] = commits.batchedMs;
      const contended = await commitsUnderContention(storage, backend.name);
      figures['contendedSingleMs'] = contended.singleMs;
      figures['contendedBatchedMs'] = contended.batchedMs;
    }
    // 5. Pull latency while another desk pushes, against idle.
    if (only === undefined || only === 'pulls') {
      const pulls = await pullsDuringPushes(storage, base, backend.name);
      figures['pullIdleP50Ms'] = percentile(pulls.idle, 0.5);
      figures['pullIdleP95Ms'] = percentile(pulls.idle, 0.95);
      figures['pullBusyP50Ms'] = percentile(pulls.busy, 0.5);
      figures['pullBusyP95Ms'] = percentile(pulls.busy, 0.95);
      figures['pullBusyMaxMs'] = Math.max(...pulls.busy);
      figures['pullBusyCount'] = pulls.busy.length;
      figures['pullPushP50Ms'] = percentile(pulls.pushes, 0.5);
      figures['pullPushP95Ms'] = percentile(pulls.pushes, 0.95);
    }
    if (only !== undefined) return figures;

    // Baseline 1: raw storage writes, one transaction per mutation, same rows, no validation or HTTP.
    const rawClinic = await createClinic(storage, { name: 'Raw', zone: 'Europe/London' }, Date.now);
    await enroll(storage, rawClinic.id, `${backend.name}-raw`);
    let started = performance.now();
    for (let seq = 1; seq <= totalMutations; seq += 1) {
      const id = `raw-p${seq}`;
      await storage.write(rawClinic.id, `${backend.name}-raw`, async (tx) => {
        await tx.device();
        const change = await tx.writeRecord({ entity: 'patient', id, op: 'put', data: patientRecord(id) });
        await tx.recordMutation({ mutationId: `raw-m${seq}`, deviceSeq: seq, result: { mutationId: `raw-m${seq}`, status: 'applied', change } });
      });
    }
    figures['rawWriteMs'] = performance.now() - started;

    // Baseline 1b: the same raw writes, one transaction per batch of 100 (what one transaction per
    // push would cost at most: it shows how much of 1 is commits, i.e. WAL flushes).
    const batchedDesk = `${backend.name}-raw-batched`;
    await enroll(storage, rawClinic.id, batchedDesk);
    started = performance.now();
    for (let first = 1; first <= totalMutations; first += batchSize) {
      await storage.write(rawClinic.id, batchedDesk, async (tx) => {
        await tx.device();
        for (let seq = first; seq < first + batchSize; seq += 1) {
          const id = `raw-b-p${seq}`;
          const change = await tx.writeRecord({ entity: 'patient', id, op: 'put', data: patientRecord(id) });
          await tx.recordMutation({ mutationId: `raw-b-m${seq}`, deviceSeq: seq, result: { mutationId: `raw-b-m${seq}`, status: 'applied', change } });
        }
      });
    }
    figures['rawBatchedWriteMs'] = performance.now() - started;

    // Baseline 2: applyPush in-process (validation + booking check), no HTTP.
    const directClinic = await createClinic(storage, { name: 'Direct', zone: 'Europe/London' }, Date.now);
    const directDesk = `${backend.name}-direct`;
    await enroll(storage, directClinic.id, directDesk);
    const directBatches = batches(directDesk, totalMutations, batchSize);
    started = performance.now();
    for (const batch of directBatches) await applyPush(storage, { clinicId: directClinic.id, deviceId: directDesk }, batch);
    figures['inProcessPushMs'] = performance.now() - started;

    // 1. 10,000 mutations pushed over HTTP, then pulled.
    const clinic = await createClinic(storage, { name: 'Bulk', zone: 'Europe/London' }, Date.now);
    const desk = `${backend.name}-bulk`;
    const token = await enroll(storage, clinic.id, desk);
    const bodies = batches(desk, totalMutations, batchSize);
    started = performance.now();
    for (const body of bodies) await post(base, token, body);
    figures['pushMs'] = performance.now() - started;
    const pullStarted = performance.now();
    let after = '0';
    let pulled = 0;
    for (;;) {
      const response = await fetch(`${base}/v1/sync/pull?after=${after}&limit=1000&schema=${currentSchemaVersion}`, { headers: { authorization: `Bearer ${token}` } });
      const page = (await response.json()) as { changes: unknown[]; nextCursor: string; hasMore: boolean };
      pulled += page.changes.length;
      after = page.nextCursor;
      if (!page.hasMore) break;
    }
    if (pulled !== totalMutations) throw new Error(`pulled ${pulled} changes, expected ${totalMutations}`);
    figures['pullMs'] = performance.now() - pullStarted;

    // 2. 50 desks × 200 mutations, concurrently: all in one clinic (they share one change
    //    counter), then spread over 10 clinics of 5 desks (writes of different clinics never wait).
    for (const [label, clinics] of [['one', 1], ['ten', 10]] as const) {
      const clinicIds = await Promise.all(Array.from({ length: clinics }, (_, c) => createClinic(storage, { name: `Busy ${label} ${c}`, zone: 'Europe/London' }, Date.now).then((x) => x.id)));
      const deskTokens = await Promise.all(
        Array.from({ length: desks }, async (_, i) => {
          const deviceId = `${backend.name}-${label}-d${i}`;
          return { deviceId, token: await enroll(storage, clinicIds[i % clinics]!, deviceId) };
        }),
      );
      const deskBodies = deskTokens.map((d) => batches(d.deviceId, perDesk, deskBatch));
      const latencies: number[] = [];
      started = performance.now();
      await Promise.all(
        deskTokens.map(async (d, i) => {
          for (const body of deskBodies[i]!) {
            const sent = performance.now();
            await post(base, d.token, body);
            latencies.push(performance.now() - sent);
          }
        }),
      );
      figures[`${label}ConcurrentMs`] = performance.now() - started;
      figures[`${label}P50Ms`] = percentile(latencies, 0.5);
      figures[`${label}P95Ms`] = percentile(latencies, 0.95);
    }
  } finally {
    await app.close();
    await storage.close();
    await dispose();
  }
  return figures;
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Runs both backends and prints their figures side by side. */
export async function run(): Promise<void> {
  const backends: Backend[] = [
    {
      name: 'sqlite',
      open: async () => {
        const folder = mkdtempSync(join(tmpdir(), 'timedesk-bench-'));
        return { storage: await openSqliteStorage({ path: join(folder, 'bench.sqlite') }), dispose: async () => rmSync(folder, { recursive: true, force: true }) };
      },
    },
  ];
  const url = testPostgresUrl();
  if (url) backends.push({ name: 'postgres', open: () => openThrowawayPostgres(url, 20) });
  else console.log('PostgreSQL skipped: set TIMEDESK_TEST_PG_URL (or DATABASE_URL) to compare it.');

  for (const backend of backends) {
    const f = await runBackend(backend);
    const only = process.env['TIMEDESK_BENCH_ONLY'];
    if (f[`series${manySeries}BookingPushMs`] !== undefined) {
      console.log(`\n-- ${backend.name}: series double-booking check (applyPush in-process, mean of ${seriesPushes} pushes)`);
      for (const [kind, words, perPush] of [['BookingPushMs', `push of ${bookingsPerPush} single bookings`, bookingsPerPush], ['SeriesPushMs', 'push creating one weekly series', 1]] as const) {
        const few = f[`series${fewSeries}${kind}`]!;
        const many = f[`series${manySeries}${kind}`]!;
        console.log(
          `${words}: ${many.toFixed(1)} ms with ${manySeries.toLocaleString('en')} stored series (${(many / perPush).toFixed(2)} ms per mutation); baseline ${few.toFixed(1)} ms with ${fewSeries} (${(few / perPush).toFixed(2)} ms per mutation); ratio ${(many / few).toFixed(1)}×`,
        );
      }
    }
    if (f['commitSingleMs'] !== undefined) {
      const total = commitRounds * commitRoundMutations;
      console.log(`\n-- ${backend.name}: one commit per push (applyPush in-process, ${commitRounds} interleaved rounds of ${commitRoundMutations} mutations, half bookings)`);
      console.log(
        `pushes of 100 (one transaction, a savepoint per mutation): ${seconds(f['commitBatchedMs']!)} — ${perSecond(total, f['commitBatchedMs']!)} mutations/s; baseline pushes of 1 (one transaction per mutation): ${seconds(f['commitSingleMs']!)} — ${perSecond(total, f['commitSingleMs']!)}/s; ratio ${(f['commitSingleMs']! / f['commitBatchedMs']!).toFixed(2)}×`,
      );
      const contendedTotal = commitRounds * contendingDesks * contendingMutations;
      console.log(
        `${contendingDesks} desks of one clinic at once, pushes of 20: ${seconds(f['contendedBatchedMs']!)} — ${perSecond(contendedTotal, f['contendedBatchedMs']!)} mutations/s; baseline pushes of 1: ${seconds(f['contendedSingleMs']!)} — ${perSecond(contendedTotal, f['contendedSingleMs']!)}/s; ratio ${(f['contendedSingleMs']! / f['contendedBatchedMs']!).toFixed(2)}×`,
      );
    }
    if (f['pullBusyP95Ms'] !== undefined) {
      console.log(`\n-- ${backend.name}: pulls (page of 50, over HTTP) while another desk of the clinic pushes ${busyPushes} batches of 100 back to back`);
      console.log(
        `during pushes: ${f['pullBusyCount']} pulls, p50 ${f['pullBusyP50Ms']!.toFixed(1)} ms, p95 ${f['pullBusyP95Ms']!.toFixed(1)} ms, max ${f['pullBusyMaxMs']!.toFixed(1)} ms; baseline idle (${idlePulls} pulls before and after): p50 ${f['pullIdleP50Ms']!.toFixed(1)} ms, p95 ${f['pullIdleP95Ms']!.toFixed(1)} ms; ratio p95 ${(f['pullBusyP95Ms']! / f['pullIdleP95Ms']!).toFixed(1)}×, added p95 ${(f['pullBusyP95Ms']! - f['pullIdleP95Ms']!).toFixed(1)} ms; one push of 100 took p50 ${f['pullPushP50Ms']!.toFixed(1)} ms, p95 ${f['pullPushP95Ms']!.toFixed(1)} ms`,
      );
    }
    if (only !== undefined) continue;
    const endToEnd = f['pushMs']! + f['pullMs']!;
    const desksTotal = desks * perDesk;
    console.log(`\n-- ${backend.name}`);
    console.log(`10,000 mutations over HTTP: push ${seconds(f['pushMs']!)} + pull ${seconds(f['pullMs']!)} = ${seconds(endToEnd)} end to end (target < 5 s on SQLite) — ${perSecond(totalMutations, f['pushMs']!)} mutations/s pushed`);
    console.log(`  baseline, raw storage writes (1 tx per mutation, no validation, no HTTP): ${seconds(f['rawWriteMs']!)} — ${perSecond(totalMutations, f['rawWriteMs']!)}/s`);
    console.log(`  baseline, raw storage writes, 1 tx per 100 mutations (the commit share):  ${seconds(f['rawBatchedWriteMs']!)} — ${perSecond(totalMutations, f['rawBatchedWriteMs']!)}/s; ratio 1 tx per mutation / per 100: ${(f['rawWriteMs']! / f['rawBatchedWriteMs']!).toFixed(2)}×`);
    console.log(`  baseline, applyPush in-process (validation + booking check, no HTTP):   ${seconds(f['inProcessPushMs']!)} — ${perSecond(totalMutations, f['inProcessPushMs']!)}/s`);
    console.log(`  ratio HTTP push / raw writes: ${(f['pushMs']! / f['rawWriteMs']!).toFixed(2)}×; HTTP push / in-process push: ${(f['pushMs']! / f['inProcessPushMs']!).toFixed(2)}×`);
    for (const [label, text] of [['one', 'one clinic'], ['ten', '10 clinics × 5 desks']] as const) {
      const ms = f[`${label}ConcurrentMs`]!;
      console.log(`${desks} desks × ${perDesk} mutations concurrently (batches of ${deskBatch}, ${text}): ${seconds(ms)} — ${perSecond(desksTotal, ms)} mutations/s; request latency p50 ${f[`${label}P50Ms`]!.toFixed(1)} ms, p95 ${f[`${label}P95Ms`]!.toFixed(1)} ms`);
    }
  }
}
