import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../core/audit';
import type { AppointmentRow } from '../../core/db';
import { createSyncClient, readSyncState } from '../../core/sync';
import type { PushRequest, PushResult, SyncClient, SyncTransport } from '../../core/sync';
import { deskAdmin, deskFrontDesk, openDesk, reopenDesk, setUpClinic } from '../../core/sync/sync-desk.fixture';
import type { Desk } from '../../core/sync/sync-desk.fixture';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { enrollDevice } from '../accounts/enroll-device';
import { openSqliteStorage } from '../storage/sqlite-storage';
import type { ChangeRecord, Storage } from '../storage/storage';
import { applyPush } from './apply-push';
import { readChanges } from './read-changes';
import type { SyncAuth } from './sync-auth';

/**
 * The multi-desk model test (issue 6): several desks, each its own Dexie
 * database on fake-indexeddb running the real commands and the real sync
 * client, one in-process server (server/sync's push and pull functions over
 * SQLite ':memory:'), and a network that drops requests, drops answers
 * (the server applied it, the desk never heard), duplicates requests, and
 * delays requests so they reach the server later, in any order.
 *
 * After the network heals and every desk syncs: all desks hold the same
 * records with the same versions as the server; every mutation any desk
 * made is recorded once and its effects are in the change log exactly once;
 * every booking that landed on an occupied slot produced exactly one
 * conflict (checked by replaying the change log with an independent
 * overlap rule) and no other booking did; every desk's audit chain verifies
 * and the server holds exactly that chain.
 *
 * Desks also move, check in and cancel the same appointments concurrently
 * (issue 6, baseVersion): every such edit is either in the log on top of
 * the very slot and status the desk started from (no other desk's change
 * overwritten), or kept whole in exactly one concurrent-edit conflict
 * whose stored side is what the record held; checked against what each
 * desk saw before its command and what the server answered.
 */

type Fault = 'ok' | 'drop-request' | 'drop-answer' | 'duplicate' | 'delay';

type Action =
  | { kind: 'book'; desk: number; patient: number; resource: number; slot: number; minutes: 30 | 60 }
  | { kind: 'cancel'; desk: number; pick: number }
  | { kind: 'move'; desk: number; pick: number; slot: number }
  | { kind: 'check-in'; desk: number; pick: number }
  | { kind: 'note'; desk: number; pick: number; note: number }
  | { kind: 'sync'; desk: number; faults: Fault[] }
  | { kind: 'deliver'; pick: number }
  | { kind: 'restart'; desk: number }
  | { kind: 'edit-patient'; desk: number; patient: number; phone: number }
  | { kind: 'series'; desk: number; patient: number; resource: number; slot: number }
  | { kind: 'cancel-occurrence'; desk: number; pick: number; week: number }
  | { kind: 'resolve'; desk: number; pick: number };

const resources = ['dr-lee', 'room-1'];
const patients = ['p1', 'p2', 'p3', 'p4'];
// Monday 5 January 2026, inside working hours; 30-minute steps so bookings overlap often.
const slots = ['2026-01-05T09:00', '2026-01-05T09:30', '2026-01-05T10:00', '2026-01-05T10:30', '2026-01-05T11:00', '2026-01-05T11:30'];

const faultArbitrary = fc.constantFrom<Fault>('ok', 'ok', 'drop-request', 'drop-answer', 'duplicate', 'delay');

function actionArbitrary(desks: number): fc.Arbitrary<Action> {
  const desk = fc.integer({ min: 0, max: desks - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('book' as const), desk, patient: fc.integer({ min: 0, max: patients.length - 1 }), resource: fc.integer({ min: 0, max: 1 }), slot: fc.integer({ min: 0, max: slots.length - 1 }), minutes: fc.constantFrom<30 | 60>(30, 60) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), desk, pick: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), desk, pick: fc.nat(), slot: fc.integer({ min: 0, max: slots.length - 1 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('check-in' as const), desk, pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('note' as const), desk, pick: fc.nat(), note: fc.integer({ min: 1, max: 9 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), desk, faults: fc.array(faultArbitrary, { maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), desk }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('series' as const), desk, patient: fc.integer({ min: 0, max: patients.length - 1 }), resource: fc.integer({ min: 0, max: 1 }), slot: fc.integer({ min: 0, max: slots.length - 1 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel-occurrence' as const), desk, pick: fc.nat(), week: fc.integer({ min: 0, max: 9 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit-patient' as const), desk, patient: fc.integer({ min: 0, max: patients.length - 1 }), phone: fc.integer({ min: 1000, max: 9999 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), desk, pick: fc.nat() }) },
  );
}

class NetworkDown extends Error {
  constructor(what: string) {
    super(`network: ${what}`);
  }
}

/** The world of one run: the server, the desks, their clients and the network between them. */
interface World {
  storage: Storage;
  desks: Desk[];
  auths: SyncAuth[];
  clients: SyncClient[];
  /** Faults the next transport calls of each desk suffer (consumed one per call). */
  faults: Fault[][];
  /** Pushes held in the network, to reach the server later. */
  held: { auth: SyncAuth; body: PushRequest }[];
  /** Every mutation each desk ever queued (id → number of effects). */
  made: Map<string, number>;
  /** Errors the server answered to delayed deliveries (there should be none). */
  deliveryErrors: unknown[];
  /** Edits of a stored appointment: the desk's copy before the command and the record it sent. */
  edits: Map<string, { recordId: string; base: AppointmentRow; sent: Record<string, unknown> }>;
  /** The server's first answer to each mutation (status, change, conflictId). */
  results: Map<string, PushResult>;
  now: number;
}

function transportFor(world: World, index: number): SyncTransport {
  const auth = world.auths[index]!;
  const clock = () => world.now;
  // JSON round trips, as over HTTP: neither side can keep a reference to the other's objects.
  const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const next = (): Fault => world.faults[index]!.shift() ?? 'ok';
  return {
    async push(request) {
      const body = wire(request);
      const fault = next();
      if (fault === 'drop-request') throw new NetworkDown('request lost');
      if (fault === 'delay') {
        world.held.push({ auth, body });
        throw new NetworkDown('timed out');
      }
      const response = await applyPush(world.storage, auth, body);
      noteResults(world, response.results);
      if (fault === 'duplicate') return wire(await applyPush(world.storage, auth, wire(body)));
      if (fault === 'drop-answer') throw new NetworkDown('answer lost');
      return wire(response);
    },
    async pull(after, limit) {
      const fault = next();
      if (fault === 'drop-request' || fault === 'delay') throw new NetworkDown('request lost');
      const page = await readChanges(world.storage, auth, { after, limit: String(limit) }, clock);
      if (fault === 'drop-answer') throw new NetworkDown('answer lost');
      return wire(page);
    },
  };
}

function clientFor(world: World, index: number): SyncClient {
  // Timers never fire: the model decides when each desk syncs.
  return createSyncClient({ db: world.desks[index]!.db, transport: transportFor(world, index), clock: () => world.now, random: () => 0.5, pollIntervalMs: 0, timers: { set: () => 0, clear: () => undefined } });
}

function noteResults(world: World, results: readonly PushResult[]): void {
  for (const result of results) if (result.status !== 'duplicate' && !world.results.has(result.mutationId)) world.results.set(result.mutationId, result);
}

/** Runs an edit of one stored appointment and notes the desk's copy before it and what the command queued. */
async function editAppointment(world: World, desk: Desk, target: AppointmentRow, edit: () => Promise<unknown>): Promise<void> {
  const before = await desk.db.outbox.orderBy('deviceSeq').last();
  await edit();
  const queued = await desk.db.outbox.orderBy('deviceSeq').last();
  const effect = queued?.effects[0];
  if (queued && queued.mutationId !== before?.mutationId && effect?.op === 'put' && effect.id === target.id) {
    world.edits.set(queued.mutationId, { recordId: target.id, base: target, sent: effect.data as Record<string, unknown> });
  }
  await noteOutbox(world, desk);
}

async function noteOutbox(world: World, desk: Desk): Promise<void> {
  for (const mutation of await desk.db.outbox.toArray()) world.made.set(mutation.mutationId, mutation.effects.length);
}

async function createWorld(deskCount: number): Promise<World> {
  const storage = await openSqliteStorage({ path: ':memory:' });
  const start = Date.UTC(2026, 0, 2, 12);
  const clock = () => start;
  const clinic = await createClinic(storage, { name: 'Model Clinic', zone: 'America/New_York' }, clock);
  const world: World = { storage, desks: [], auths: [], clients: [], faults: [], held: [], made: new Map(), deliveryErrors: [], edits: new Map(), results: new Map(), now: start };
  for (let index = 0; index < deskCount; index += 1) {
    const desk = await openDesk(`desk${index}`, 17 * (index + 1), start);
    const device = await desk.db.meta.get('device');
    const deviceId = (device as { deviceId: string }).deviceId;
    const { code } = await issueEnrollmentCode(storage, { clinicId: clinic.id }, clock);
    await enrollDevice(storage, { code, deviceId, deviceName: desk.name }, clock);
    world.desks.push(desk);
    world.auths.push({ clinicId: clinic.id, deviceId });
    world.faults.push([]);
  }
  for (const index of world.desks.keys()) world.clients.push(clientFor(world, index));
  // Desk 0 sets the clinic up; every desk gets it before the faults start.
  await setUpClinic(world.desks[0]!);
  for (const id of ['p3', 'p4']) await world.desks[0]!.must('patient/register', { id, givenName: 'Pat', familyName: id.toUpperCase(), dateOfBirth: '1970-01-01' }, deskFrontDesk);
  // Two visits every desk has from the start (Wednesday), so desks often move, check in or cancel the same one offline.
  for (const [index, patientId] of ['p3', 'p4'].entries()) {
    await world.desks[0]!.must('appointment/book', { resourceIds: [resources[index]!], patientId, wallStart: '2026-01-07T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, deskFrontDesk);
  }
  await noteOutbox(world, world.desks[0]!);
  for (const desk of world.desks.slice(1)) await desk.db.meta.put({ key: 'clinic', name: 'Test Clinic', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 });
  for (const client of world.clients) expect(await client.syncNow()).toBe(true);
  return world;
}

async function run(world: World, action: Action): Promise<void> {
  world.now += 1000;
  for (const desk of world.desks) desk.clock.now = world.now;
  switch (action.kind) {
    case 'book': {
      const desk = world.desks[action.desk]!;
      // Refused when this desk already sees the slot taken: that is the local booking check doing its job.
      await desk.commands.run(
        'appointment/book',
        { resourceIds: [resources[action.resource]!], patientId: patients[action.patient]!, wallStart: slots[action.slot]!, timeZone: 'America/New_York', durationMinutes: action.minutes },
        deskFrontDesk,
      );
      await noteOutbox(world, desk);
      return;
    }
    case 'cancel': {
      const desk = world.desks[action.desk]!;
      const open = await desk.db.appointments.filter((row) => row.status === 'booked').sortBy('id');
      if (open.length === 0) return;
      const target = open[action.pick % open.length]!;
      await editAppointment(world, desk, target, async () => expect((await desk.commands.run('appointment/cancel', { appointmentId: target.id, reason: 'Patient called' }, deskFrontDesk)).ok).toBe(true));
      return;
    }
    case 'note': {
      // Words merge (the later push wins where both desks wrote one); never a conflict by themselves.
      const desk = world.desks[action.desk]!;
      const all = await desk.db.appointments.orderBy('id').toArray();
      if (all.length === 0) return;
      const target = all[action.pick % all.length]!;
      await editAppointment(world, desk, target, () => desk.commands.run('appointment/edit', { appointmentId: target.id, visitReason: null, notes: `Note ${action.note} from ${desk.name}` }, deskFrontDesk));
      return;
    }
    case 'move':
    case 'check-in': {
      // Both desks may pick the same appointment (ids sort alike everywhere): that is the point.
      const desk = world.desks[action.desk]!;
      const open = await desk.db.appointments.filter((row) => row.status === 'booked').sortBy('id');
      if (open.length === 0) return;
      const target = open[action.pick % open.length]!;
      await editAppointment(world, desk, target, () =>
        action.kind === 'move'
          ? // Refused when this desk sees the new slot taken: nothing is queued then.
            desk.commands.run('appointment/move', { appointmentId: target.id, wallStart: slots[action.slot]! }, deskFrontDesk)
          : desk.commands.run('appointment/change-status', { appointmentId: target.id, to: 'arrived' }, deskFrontDesk),
      );
      return;
    }
    case 'sync': {
      world.faults[action.desk] = [...action.faults];
      await world.clients[action.desk]!.syncNow();
      world.faults[action.desk] = [];
      return;
    }
    case 'edit-patient': {
      // Whole records sync: concurrent edits of one patient end as the server applied them last, on every desk.
      const desk = world.desks[action.desk]!;
      const result = await desk.commands.run('patient/update', { patientId: patients[action.patient]!, changes: { phone: `555 ${action.phone}` } }, deskFrontDesk);
      expect(result.ok).toBe(true);
      await noteOutbox(world, desk);
      return;
    }
    case 'series': {
      // Ten weekly visits on Tuesdays (the day after the single bookings), refused locally when this desk sees a clash.
      const desk = world.desks[action.desk]!;
      const dtstart = `2026-01-06T${slots[action.slot]!.slice(11)}`;
      await desk.commands.run(
        'series/create',
        { resourceIds: [resources[action.resource]!], patientId: patients[action.patient]!, dtstart, timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=10' },
        deskFrontDesk,
      );
      await noteOutbox(world, desk);
      return;
    }
    case 'cancel-occurrence': {
      const desk = world.desks[action.desk]!;
      const series = await desk.db.series.orderBy('id').toArray();
      if (series.length === 0) return;
      const target = series[action.pick % series.length]!;
      const originalStart = new Date(Date.parse(`${target.dtstart.slice(0, 16)}Z`) + action.week * 7 * 86_400_000).toISOString().slice(0, 16);
      // Refused when this occurrence is already cancelled here: fine, nothing is queued then.
      await desk.commands.run('occurrence/cancel', { seriesId: target.id, originalStart, reason: 'Away that week' }, deskFrontDesk);
      await noteOutbox(world, desk);
      return;
    }
    case 'restart': {
      // The app is killed (whatever was in flight is lost with it) and started again on the same database.
      const desk = world.desks[action.desk]!;
      world.clients[action.desk]!.stop();
      desk.db.close();
      world.desks[action.desk] = await reopenDesk(desk, 17 * (action.desk + 1));
      world.clients[action.desk] = clientFor(world, action.desk);
      return;
    }
    case 'resolve': {
      // Someone at this desk settles an open conflict it knows of: cancel the later booking, then record it.
      const desk = world.desks[action.desk]!;
      const open = await desk.db.conflicts.where('status').equals('open').sortBy('id');
      if (open.length === 0) return;
      const conflict = open[action.pick % open.length]!;
      // The model makes no schedule changes, so no schedule-displaced records.
      if (conflict.kind !== 'double-booking') {
        expect(await desk.commands.run('conflict/resolve', { conflictId: conflict.id, action: 'kept-current', reason: 'Phoned the patient' }, deskFrontDesk)).toMatchObject({ ok: true });
        await noteOutbox(world, desk);
        return;
      }
      const later = await desk.db.appointments.get(conflict.appointmentIds.at(-1)!);
      if (!later && conflict.appointmentIds.at(-1)!.includes(':')) {
        // A series clash (occurrence ids): a manager keeps both, with a reason.
        expect(await desk.commands.run('conflict/resolve', { conflictId: conflict.id, action: 'kept-both', reason: 'Both series stay' }, deskAdmin)).toMatchObject({ ok: true });
        await noteOutbox(world, desk);
        return;
      }
      // Checked in meanwhile (the model's check-in) still holds the slot: cancelling it is allowed too.
      if (later && (later.status === 'booked' || later.status === 'arrived')) {
        expect((await desk.commands.run('appointment/cancel', { appointmentId: later.id, reason: 'Double booked' }, deskFrontDesk)).ok).toBe(true);
      }
      const result = await desk.commands.run('conflict/resolve', { conflictId: conflict.id, action: 'cancelled', appointmentId: conflict.appointmentIds.at(-1)!, reason: 'Double booked' }, deskFrontDesk);
      // Refused only when the later booking is not cancelled here (already moved on by another desk's edit).
      if (!result.ok) expect(result.error).toMatchObject({ field: 'appointmentId' });
      await noteOutbox(world, desk);
      return;
    }
    case 'deliver': {
      if (world.held.length === 0) return;
      const [item] = world.held.splice(action.pick % world.held.length, 1);
      await applyPush(world.storage, item!.auth, item!.body).then(
        (response) => noteResults(world, response.results),
        (error: unknown) => world.deliveryErrors.push(error),
      );
    }
  }
}

async function heal(world: World): Promise<void> {
  // Whatever is still in flight arrives (in the order the network picked), then every desk syncs twice:
  // the first round pushes everything, the second pulls what the others pushed after this desk's first.
  while (world.held.length > 0) await run(world, { kind: 'deliver', pick: world.held.length - 1 });
  for (let round = 0; round < 2; round += 1) {
    for (const client of world.clients) expect(await client.syncNow()).toBe(true);
  }
}

async function serverLog(world: World): Promise<ChangeRecord[]> {
  const all: ChangeRecord[] = [];
  let after = '0';
  for (;;) {
    const page = await readChanges(world.storage, world.auths[0]!, { after, limit: '1000' }, () => world.now);
    all.push(...page.changes);
    after = page.nextCursor;
    if (!page.hasMore) return all;
  }
}

/** What must agree across desks: every synced table, derived index included. */
async function snapshot(desk: Desk) {
  const { db } = desk;
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    appointments: byId(await db.appointments.toArray()),
    bookings: (await db.bookings.toArray()).sort((a, b) => `${a.appointmentId}${a.resourceId}`.localeCompare(`${b.appointmentId}${b.resourceId}`)),
    patients: byId(await db.patients.toArray()),
    resources: byId(await db.resources.toArray()),
    scheduleBlocks: byId(await db.scheduleBlocks.toArray()),
    conflicts: byId(await db.conflicts.toArray()),
    series: byId(await db.series.toArray()),
    seriesExceptions: byId(await db.seriesExceptions.toArray()),
  };
}

/**
 * Replays the change log with its own overlap rule (half-open intervals on
 * the same resource or patient, open statuses only) and returns, for each
 * appointment put that landed on an occupied slot, the ids it collided with:
 * `required` for new bookings (each must open a conflict), `possible` for
 * stored appointments moved there (a new conflict unless the clash is
 * already on record, which the server judges by its markers).
 */
function expectedCollisions(log: ChangeRecord[]): { required: Map<string, string[]>; possible: Map<string, string[]> } {
  const open = new Map<string, AppointmentRow>();
  const collisions = new Map<string, string[]>();
  const possible = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const change of log) {
    if (change.entity !== 'appointment') continue;
    const row = change.data as unknown as AppointmentRow | undefined;
    if (change.op === 'delete' || !row || !['booked', 'arrived', 'in_room'].includes(row.status)) {
      open.delete(change.id);
      seen.add(change.id);
      continue;
    }
    const start = Date.parse(row.start);
    const end = Date.parse(row.end);
    const hits = [...open.values()]
      .filter((other) => other.id !== row.id && Date.parse(other.start) < end && start < Date.parse(other.end))
      .filter((other) => other.patientId === row.patientId || other.resourceIds.some((id) => row.resourceIds.includes(id)))
      .map((other) => other.id)
      .sort();
    if (hits.length > 0) (seen.has(row.id) ? possible : collisions).set(`${change.change}`, [...hits, row.id]);
    open.set(row.id, row);
    seen.add(row.id);
  }
  return { required: collisions, possible };
}

/** An appointment's slot and status, compared as the model sees them (its own list, not the server's). */
const slotOf = (row: Record<string, unknown> | undefined) =>
  JSON.stringify(['wallStart', 'timeZone', 'durationMinutes', 'start', 'end', 'resourceIds', 'patientId', 'status'].map((key) => row?.[key]));

/**
 * Concurrent edits: every edit of a stored appointment is either applied on
 * top of the slot and status its desk started from (nobody's change silently
 * overwritten) or kept whole in exactly one concurrent-edit conflict, whose
 * kept side is what the record held at its version.
 */
function checkConcurrentEdits(world: World, log: ChangeRecord[], edited: ChangeRecord[]): void {
  const byMutation = new Map<string, ChangeRecord[]>();
  for (const change of edited) {
    const mutationId = (change.data?.['other'] as { mutationId: string }).mutationId;
    byMutation.set(mutationId, [...(byMutation.get(mutationId) ?? []), change]);
  }
  for (const [mutationId, { recordId, base, sent }] of world.edits) {
    const result = world.results.get(mutationId);
    expect(result, `the server answered ${mutationId}`).toBeDefined();
    const found = byMutation.get(mutationId) ?? [];
    expect(found.length).toBeLessThanOrEqual(1);
    const history = log.filter((change) => change.entity === 'appointment' && change.id === recordId);
    if (found.length === 1) {
      const conflict = found[0]!.data as { recordId: string; kept: { version: number; values: Record<string, unknown> }; other: { values: Record<string, unknown> } };
      expect(result?.status).toBe('conflict');
      expect(conflict.recordId).toBe(recordId);
      // Nothing lost: the desk's change is in the record whole; the kept side is the record at its version.
      expect(slotOf(conflict.other.values)).toBe(slotOf(sent));
      expect(slotOf(conflict.kept.values)).toBe(slotOf(history.find((change) => change.change === conflict.kept.version)?.data));
      // A real concurrent edit: both sides moved away from the desk's starting point, to different places.
      expect(slotOf(conflict.kept.values)).not.toBe(slotOf(base as unknown as Record<string, unknown>));
      expect(slotOf(sent)).not.toBe(slotOf(conflict.kept.values));
      continue;
    }
    // An edit that changed no slot or status (moved to where it already was) has nothing to lose.
    if (slotOf(sent) === slotOf(base as unknown as Record<string, unknown>)) continue;
    // Applied: its change (the record's last change up to the mutation's last) holds the desk's slot and status,
    // and the record's change before it held what the desk started from, or the same slot and status already.
    const own = history.filter((change) => change.change <= (result?.change ?? 0)).at(-1);
    expect(slotOf(own?.data)).toBe(slotOf(sent));
    const previous = history.filter((change) => change.change < (own?.change ?? 0)).at(-1);
    expect([slotOf(base as unknown as Record<string, unknown>), slotOf(sent)]).toContain(slotOf(previous?.data));
  }
}

async function checkInvariants(world: World): Promise<void> {
  const log = await serverLog(world);

  // 1. Convergence: every desk holds the same records, with the server's versions.
  const snapshots = await Promise.all(world.desks.map(snapshot));
  for (const other of snapshots.slice(1)) expect(other).toEqual(snapshots[0]);
  // …and exactly the server's last copy of each record (appointments with the server's version).
  const last = new Map<string, ChangeRecord>();
  for (const change of log) last.set(`${change.entity}:${change.id}`, change);
  for (const { day: _day, ...appointment } of snapshots[0]!.appointments) {
    const change = last.get(`appointment:${appointment.id}`);
    expect(appointment).toEqual({ ...change?.data, version: change?.version });
  }
  for (const patient of snapshots[0]!.patients) expect(patient).toEqual(last.get(`patient:${patient.id}`)?.data);
  for (const entity of ['series', 'seriesException'] as const) {
    for (const record of snapshots[0]![entity === 'series' ? 'series' : 'seriesExceptions']) {
      const change = last.get(`${entity}:${record.id}`);
      expect(record).toEqual({ ...change?.data, version: change?.version });
    }
  }

  // 2. Nothing lost, nothing applied twice: every desk's outbox is empty, the server's sequence for each
  //    desk is where the desk's is, and the log holds each mutation's effects exactly once.
  for (const [index, desk] of world.desks.entries()) {
    expect(await desk.db.outbox.count()).toBe(0);
    expect(await desk.db.syncRejections.count()).toBe(0);
    const device = (await desk.db.meta.get('device')) as { deviceSeq: number };
    const serverDevice = await world.storage.getDevice(world.auths[index]!.deviceId);
    expect(serverDevice?.lastDeviceSeq).toBe(device.deviceSeq);
  }
  // The server writes one change per effect, plus one per conflict it creates (a conflict's first change).
  const firstChanges = new Map<string, ChangeRecord>();
  for (const change of log) if (change.entity === 'conflict' && !firstChanges.has(change.id)) firstChanges.set(change.id, change);
  const allConflicts = [...firstChanges.values()];
  const conflicts = allConflicts.filter((change) => change.data?.['kind'] === 'double-booking');
  const edited = allConflicts.filter((change) => change.data?.['kind'] === 'concurrent-edit');
  // A concurrent edit puts the kept record again in place of its effect and holds back its other booking effects (the model's edits have one).
  const heldBack = edited.reduce((sum, change) => sum + (world.made.get(String((change.data?.['other'] as { mutationId: string }).mutationId)) ?? 1) - 1, 0);
  // The server also rewrites a series to set or clear its syncConflict marker: a copy equal to the one before but for it.
  const previousSeries = new Map<string, Record<string, unknown> | undefined>();
  let markerWrites = 0;
  for (const change of log) {
    if (change.entity !== 'series') continue;
    const strip = (data: Record<string, unknown> | undefined) => JSON.stringify({ ...data, syncConflict: undefined });
    if (previousSeries.has(change.id) && strip(previousSeries.get(change.id)) === strip(change.data) && previousSeries.get(change.id)?.['syncConflict'] !== change.data?.['syncConflict']) markerWrites += 1;
    previousSeries.set(change.id, change.data);
  }
  const effectCount = [...world.made.values()].reduce((sum, count) => sum + count, 0);
  expect(log).toHaveLength(effectCount - heldBack + markerWrites + allConflicts.length);
  checkConcurrentEdits(world, log, edited);
  if (process.env['SYNC_MODEL_STATS']) console.log(`edits ${world.edits.size}, concurrent-edit conflicts ${edited.length}`);

  // 3. Every booking that landed on an occupied slot produced exactly one conflict, and nothing else did.
  //    A stored appointment moved onto an occupied slot may open one too, naming exactly that collision.
  const collisions = expectedCollisions(log);
  for (const [at, appointmentIds] of collisions.required) {
    const conflict = conflicts.find((change) => change.change === Number(at) + 1);
    expect(conflict?.data?.['appointmentIds']).toEqual(appointmentIds);
  }
  for (const conflict of conflicts) {
    const at = String(conflict.change - 1);
    const expected = collisions.required.get(at) ?? collisions.possible.get(at);
    if (expected !== undefined) expect(conflict.data?.['appointmentIds']).toEqual(expected);
    else expect(log.find((change) => change.change === conflict.change - 1)?.entity, 'a conflict not after a booking is a series’').toBe('series');
  }
  for (const conflict of conflicts) expect(conflict.data?.['status']).toBe('open');
  expect(snapshots[0]!.conflicts.map((conflict) => conflict.id).sort()).toEqual(allConflicts.map((change) => change.id).sort());

  // 4. Every desk's audit chain verifies, and the server holds exactly that chain.
  for (const [index, desk] of world.desks.entries()) {
    const entries = await desk.db.audit.toArray();
    expect(verifyAuditChain(entries).ok).toBe(true);
    const stored = await world.storage.readAudit(world.auths[index]!.clinicId, world.auths[index]!.deviceId, 1, 100_000);
    expect(stored.map((record) => record.hash)).toEqual(entries.map((entry) => entry.hash));
    expect((await readSyncState(desk.db)).auditSeqAcked).toBe(entries.length);
  }
  expect(world.deliveryErrors).toEqual([]);
}

describe('several desks over a faulty network (model)', () => {
  it('converge with nothing lost or doubled, one conflict per double booking, and verified audit chains', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }).chain((desks) => fc.tuple(fc.constant(desks), fc.array(actionArbitrary(desks), { minLength: 5, maxLength: 40 }))),
        async ([deskCount, actions]) => {
          const world = await createWorld(deskCount);
          try {
            for (const action of actions) await run(world, action);
            await heal(world);
            await checkInvariants(world);
            // Then the desks settle every open conflict (each on some desk), and everything converges again.
            const open = await world.desks[0]!.db.conflicts.where('status').equals('open').sortBy('id');
            for (const [index, conflict] of open.entries()) {
              const desk = world.desks[index % world.desks.length]!;
              const pick = (await desk.db.conflicts.where('status').equals('open').sortBy('id')).findIndex((row) => row.id === conflict.id);
              await run(world, { kind: 'resolve', desk: index % world.desks.length, pick });
            }
            await heal(world);
            await checkInvariants(world);
            for (const desk of world.desks) expect(await desk.db.conflicts.where('status').equals('open').count()).toBe(0);
          } finally {
            for (const desk of world.desks) desk.db.close();
            await world.storage.close();
          }
        },
      ),
      { numRuns: Number(process.env['SYNC_MODEL_RUNS'] ?? 15) },
    );
  }, 240_000);

  it('two desks moving the same appointment offline: one concurrent-edit conflict on every desk, the first move kept, settled once for all', async () => {
    const world = await createWorld(2);
    try {
      // Both desks have Wednesday's 09:00 visit of p3 from the start (createWorld); both move it offline.
      await run(world, { kind: 'move', desk: 0, pick: 0, slot: 2 });
      await run(world, { kind: 'move', desk: 1, pick: 0, slot: 4 });
      await heal(world);
      await checkInvariants(world);
      for (const desk of world.desks) {
        expect((await desk.db.appointments.where('patientId').equals('p3').toArray()).map((row) => row.wallStart)).toEqual(['2026-01-05T10:00:00']);
        expect(await desk.db.conflicts.toArray()).toEqual([
          expect.objectContaining({ kind: 'concurrent-edit', fields: ['end', 'start', 'wallStart'], status: 'open', kept: expect.objectContaining({ values: expect.objectContaining({ wallStart: '2026-01-05T10:00:00' }) }), other: expect.objectContaining({ values: expect.objectContaining({ wallStart: '2026-01-05T11:00:00' }) }) }),
        ]);
      }
      await run(world, { kind: 'resolve', desk: 1, pick: 0 });
      await heal(world);
      await checkInvariants(world);
      for (const desk of world.desks) expect(await desk.db.conflicts.where('status').equals('open').count()).toBe(0);
    } finally {
      for (const desk of world.desks) desk.db.close();
      await world.storage.close();
    }
  });

  it('two desks booking the same slot offline both keep the booking and both see one conflict', async () => {
    const world = await createWorld(2);
    try {
      await run(world, { kind: 'book', desk: 0, patient: 0, resource: 0, slot: 0, minutes: 30 });
      await run(world, { kind: 'book', desk: 1, patient: 1, resource: 0, slot: 0, minutes: 30 });
      await heal(world);
      await checkInvariants(world);
      for (const desk of world.desks) {
        expect(await desk.db.appointments.count()).toBe(4); // with the two every desk starts with
        const conflicts = await desk.db.conflicts.toArray();
        expect(conflicts).toEqual([expect.objectContaining({ kind: 'double-booking', resourceId: 'dr-lee', status: 'open' })]);
        expect(await desk.db.appointments.filter((row) => row.syncConflict === conflicts[0]!.id).count()).toBe(1);
      }
      expect(world.clients[1]!.status().openConflicts).toBe(1);
    } finally {
      for (const desk of world.desks) desk.db.close();
      await world.storage.close();
    }
  });
});
