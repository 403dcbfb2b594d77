/**
 * `npm run bench -- concurrent-edit`: what checking `baseVersion` costs a
 * push (issue 6). In one clinic desk 1 books 2,000 appointments; then desk 2
 * pushes one edit of each (batches of 100, `applyPush` in-process):
 *
 * - stale, words only: desk 1 has moved every appointment since desk 2's
 *   base, so each edit reads its base from the change log and merges (applied);
 * - stale, slot: desk 2 moves them too: each is a concurrent-edit conflict
 *   (the record put again + a conflict record);
 * - baseline, up to date: the same word edits with the stored version as base
 *   (the check finds nothing to merge);
 * - baseline, unchecked: the same word edits with `baseVersion: null`, what
 *   every edit cost before the check existed.
 *
 * Each scenario runs in its own clinic of the same storage (SQLite in a temp
 * file; PostgreSQL too when TIMEDESK_TEST_PG_URL or DATABASE_URL is set).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Appointment } from '../core';
import { createClinic, issueEnrollmentCode } from '../server/accounts/clinic-admin';
import { enrollDevice } from '../server/accounts/enroll-device';
import { openThrowawayPostgres, testPostgresUrl } from '../server/storage/postgres-test-database';
import { openSqliteStorage } from '../server/storage/sqlite-storage';
import type { Storage } from '../server/storage/storage';
import { applyPush } from '../server/sync/apply-push';
import { bookedAppointment, bookingMutation, editMutation } from '../server/sync/push-fixtures';
import type { Mutation } from '../server/sync/wire-schemas';
import type { SyncAuth } from '../server/sync/sync-auth';

const appointments = 2_000;
const batch = 100;
const clock = () => Date.parse('2026-03-01T08:00:00.000Z');

type Scenario = 'stale-words' | 'stale-slot' | 'up-to-date' | 'unchecked';

/** Appointment `index`: 30-minute slots of 20 providers over working days, so none collide. */
function appointment(index: number): Appointment {
  const provider = index % 20;
  const slot = Math.floor(index / 20);
  const day = Math.floor(slot / 16);
  const minutes = 8 * 60 + (slot % 16) * 30;
  const date = new Date(Date.UTC(2026, 3, 1 + day)).toISOString().slice(0, 10);
  const wallStart = `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return bookedAppointment({ id: `a${index}`, resourceId: `dr-${provider}`, patientId: `p${index}`, wallStart });
}

/** The same appointment one day later (a move). */
function dayLater(record: Appointment, updatedAt: string): Appointment {
  const shift = (value: string) => new Date(Date.parse(value) + 86_400_000).toISOString();
  return { ...record, wallStart: `${shift(`${record.wallStart}Z`).slice(0, 19)}`, start: shift(record.start), end: shift(record.end), updatedAt };
}

async function pushAll(storage: Storage, desk: SyncAuth, mutations: Mutation[]): Promise<void> {
  for (let start = 0; start < mutations.length; start += batch) {
    const response = await applyPush(storage, desk, { deviceId: desk.deviceId, mutations: mutations.slice(start, start + batch), audit: [] });
    if (response.results.some((result) => result.status === 'rejected')) throw new Error(`rejected: ${JSON.stringify(response.results.find((result) => result.status === 'rejected'))}`);
  }
}

/** Sets a clinic up for one scenario and returns how long desk 2's edits took (ms) and their statuses. */
async function scenario(storage: Storage, name: Scenario, index: number): Promise<{ ms: number; statuses: Record<string, number> }> {
  const clinic = await createClinic(storage, { name: `Bench ${name}`, zone: 'Europe/London' }, clock);
  const desks: SyncAuth[] = [];
  for (const desk of [1, 2]) {
    const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, clock);
    const deviceId = `b${index}-${name}-desk-${desk}`;
    await enrollDevice(storage, { code, deviceId, deviceName: `Desk ${desk}` }, clock);
    desks.push({ clinicId: clinic.id, deviceId });
  }
  const [one, two] = desks as [SyncAuth, SyncAuth];
  const booked = Array.from({ length: appointments }, (_, position) => appointment(position));
  await pushAll(storage, one, booked.map((record, position) => bookingMutation(one.deviceId, position + 1, record)));
  // Desk 2 pulled every booking at its version (change = position + 1).
  const versionAtPull = (position: number) => position + 1;
  let current = versionAtPull;
  if (name === 'stale-words' || name === 'stale-slot') {
    await pushAll(storage, one, booked.map((record, position) => editMutation(one.deviceId, appointments + position + 1, dayLater(record, '2026-03-01T09:00:00.000Z'), versionAtPull(position))));
    current = (position) => appointments + position + 1;
  }
  const edits = booked.map((record, position) => {
    const edited = name === 'stale-slot' ? { ...dayLater(dayLater(record, ''), '2026-03-01T09:05:00.000Z') } : { ...record, notes: 'Interpreter needed', updatedAt: '2026-03-01T09:05:00.000Z' };
    const base = name === 'up-to-date' ? current(position) : versionAtPull(position);
    const built = editMutation(two.deviceId, position + 1, edited, base);
    return name === 'unchecked' ? { ...built, baseVersion: null } : built;
  });
  const statuses: Record<string, number> = {};
  const started = performance.now();
  for (let start = 0; start < edits.length; start += batch) {
    const response = await applyPush(storage, two, { deviceId: two.deviceId, mutations: edits.slice(start, start + batch), audit: [] });
    for (const result of response.results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  return { ms: performance.now() - started, statuses };
}

export async function run(): Promise<void> {
  const backends: { name: string; open(): Promise<{ storage: Storage; dispose(): Promise<void> }> }[] = [
    {
      name: 'sqlite',
      open: async () => {
        const folder = mkdtempSync(join(tmpdir(), 'timedesk-bench-edit-'));
        return { storage: await openSqliteStorage({ path: join(folder, 'bench.sqlite') }), dispose: async () => rmSync(folder, { recursive: true, force: true }) };
      },
    },
  ];
  const url = testPostgresUrl();
  if (url) backends.push({ name: 'postgres', open: () => openThrowawayPostgres(url, 10) });
  else console.log('PostgreSQL skipped: set TIMEDESK_TEST_PG_URL (or DATABASE_URL) to compare it.');

  for (const backend of backends) {
    const { storage, dispose } = await backend.open();
    try {
      const figures = new Map<Scenario, { ms: number; statuses: Record<string, number> }>();
      // A discarded warm-up (JIT, prepared statements, first pages of the file), then each scenario in its own clinic of the same size.
      await scenario(storage, 'unchecked', 99);
      for (const [index, name] of (['unchecked', 'up-to-date', 'stale-words', 'stale-slot'] as const).entries()) figures.set(name, await scenario(storage, name, index));
      const unchecked = figures.get('unchecked')!.ms;
      console.log(`\n-- ${backend.name}: ${appointments.toLocaleString('en')} edits by desk 2, batches of ${batch} (applyPush in-process)`);
      for (const [name, words] of [
        ['unchecked', 'baseline, baseVersion null (no check)'],
        ['up-to-date', 'baseline, up to date (nothing to merge)'],
        ['stale-words', 'stale base, words only: base from the change log, merged'],
        ['stale-slot', 'stale base, slot moved on both desks: concurrent-edit conflicts'],
      ] as const) {
        const { ms, statuses } = figures.get(name)!;
        console.log(`${words}: ${(ms / 1000).toFixed(2)} s, ${(ms / appointments).toFixed(2)} ms per edit (${JSON.stringify(statuses)}); ratio to unchecked ${(ms / unchecked).toFixed(2)}×`);
      }
    } finally {
      await storage.close();
      await dispose();
    }
  }
}
