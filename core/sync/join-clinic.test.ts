import { describe, expect, it } from 'vitest';
import { setPassphrase, setUpFirstRun, signIn } from '../auth';
import type { AuthEnvironment } from '../auth';
import { dumpDatabase } from '../commands/commands.fixture';
import { readDevice } from '../db';
import { applyPulledPage } from './apply-pull';
import { readDeskNames } from './desk-names';
import { readRenamedOnSync } from './renamed-staff';
import { joinClinic } from './join-clinic';
import type { JoinProgress } from './join-clinic';
import { MemoryServer, scriptedTransport } from './memory-server.fixture';
import { createSyncClient } from './sync-client';
import { joinedAs, openDesk, setUpClinic } from './sync-desk.fixture';
import type { Desk } from './sync-desk.fixture';
import { SyncTransportError } from './sync-transport';

function authEnv(desk: Desk): AuthEnvironment {
  return {
    db: desk.db,
    clock: () => desk.clock.now,
    newId: () => `${desk.name}-auth-${++desk.ids.counter}`,
    randomBytes: (count) => Uint8Array.from({ length: count }, (_, index) => (index * 31 + desk.ids.counter) & 0xff),
    iterations: 1_000, // fast tests; desks use 600,000
  };
}

const firstAdmin = { staffId: 'a-admin', displayName: 'Alex Admin', role: 'admin' as const };

/** Desk A: first run (admin `alex.admin`), Dr Lee and Room 1, and receptionist Rita with her own passphrase. */
async function clinicDesk(server: MemoryServer): Promise<Desk> {
  const desk = await openDesk('desk-a', 1);
  const env = authEnv(desk);
  const done = await setUpFirstRun(env, {
    clinic: { name: 'Northside Family Clinic', timeZone: 'America/New_York', locale: 'en-US' },
    admin: { id: firstAdmin.staffId, displayName: firstAdmin.displayName, username: 'alex.admin' },
    passphrase: 'alex passphrase one',
  });
  if (!done.ok) throw new Error(JSON.stringify(done.error));
  await setUpClinic(desk);
  await desk.must('clinic/save-settings', { name: 'Northside Family Clinic', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 7 }, firstAdmin);
  await desk.must('staff/save', { id: 'rita', displayName: 'Rita Reception', username: 'rita', role: 'front_desk' }, firstAdmin);
  const set = await setPassphrase(env, firstAdmin, 'rita', 'rita passphrase one');
  if (!set.ok) throw new Error(JSON.stringify(set.error));
  await sync(desk, server);
  return desk;
}

async function sync(desk: Desk, server: MemoryServer): Promise<void> {
  const client = createSyncClient({ db: desk.db, transport: server.transport(), clock: () => desk.clock.now, random: () => 0.5, pollIntervalMs: 0 });
  expect(await client.syncNow()).toBe(true);
  client.stop();
}

describe('staff credentials sync', () => {
  it('pushes the hash, salt and PBKDF2 parameters only — never the passphrase, the throttle state or the audit entry', async () => {
    const server = new MemoryServer(() => Date.UTC(2026, 0, 2, 12));
    const deskA = await clinicDesk(server);
    const credentialEffects = server.applied.flatMap((mutation) => mutation.effects.filter((effect) => effect.entity === 'staffCredential'));
    expect(credentialEffects.map((effect) => effect.id)).toEqual(['a-admin', 'rita']);
    for (const effect of credentialEffects) expect(Object.keys(effect.data as object).sort()).toEqual(['algorithm', 'hash', 'id', 'iterations', 'salt']);
    const setPassphraseMutation = server.applied.find((mutation) => mutation.name === 'staff/set-passphrase');
    expect(setPassphraseMutation?.args).toEqual({ staffId: 'rita' });
    const everything = JSON.stringify({ mutations: server.applied, audit: [...server.audit.values()] });
    expect(everything).not.toContain('rita passphrase one');
    const ritaHash = (await deskA.db.staffCredentials.get('rita'))?.hash ?? 'missing';
    expect(JSON.stringify([...server.audit.values()])).not.toContain(ritaHash);
    expect(JSON.stringify(server.applied.map((mutation) => mutation.args))).not.toContain(ritaHash);
  });

  it('a passphrase changed on one desk is the one that works on the other; the throttle stays per desk', async () => {
    const server = new MemoryServer(() => Date.UTC(2026, 0, 2, 12));
    const deskA = await clinicDesk(server);
    const deskB = await openDesk('desk-b', 2);
    await joinClinic({ ...joinedAs(deskB), db: deskB.db, transport: server.transport() });
    const envB = authEnv(deskB);
    expect(await signIn(envB, 'rita', 'rita passphrase one')).toMatchObject({ ok: true, session: { staffId: 'rita', role: 'front_desk' } });

    // Five wrong attempts on B lock Rita out there, and queue nothing to sync.
    const outboxBefore = await deskB.db.outbox.count();
    for (let attempt = 0; attempt < 5; attempt += 1) await signIn(envB, 'rita', 'wrong passphrase!!');
    expect(await signIn(envB, 'rita', 'rita passphrase one')).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await deskB.db.outbox.count()).toBe(outboxBefore);
    // An unrelated pull does not lift the lock.
    await deskA.must('patient/register', { id: 'p3', givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' }, firstAdmin);
    await sync(deskA, server);
    await sync(deskB, server);
    expect(await signIn(envB, 'rita', 'rita passphrase one')).toMatchObject({ ok: false, reason: 'throttled' });
    // A still lets her in: the failures were B's.
    expect((await signIn(authEnv(deskA), 'rita', 'rita passphrase one')).ok).toBe(true);

    // The admin resets her passphrase on A: B takes the new one (and a new passphrase starts a clean count).
    const reset = await setPassphrase(authEnv(deskA), firstAdmin, 'rita', 'rita passphrase two');
    expect(reset.ok).toBe(true);
    await sync(deskA, server);
    await sync(deskB, server);
    expect(await signIn(envB, 'rita', 'rita passphrase one')).toMatchObject({ ok: false, reason: 'wrong-credentials' });
    expect(await signIn(envB, 'rita', 'rita passphrase two')).toMatchObject({ ok: true, session: { staffId: 'rita' } });
  });
});

describe('joinClinic', () => {
  it('copies the whole clinic onto a fresh desk in one go, with progress, and stores the enrollment with it', async () => {
    const server = new MemoryServer(() => Date.UTC(2026, 0, 2, 12));
    server.devices.push({ id: 'desk-a-device', name: 'Front desk 1' });
    const deskA = await clinicDesk(server);
    await deskA.must('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, firstAdmin);
    await sync(deskA, server);
    const deskB = await openDesk('desk-b', 2);
    const progress: JoinProgress[] = [];
    const joined = await joinClinic({ ...joinedAs(deskB), db: deskB.db, transport: server.transport(), pageSize: 10, onProgress: (step) => progress.push(step), alsoStore: [{ key: 'enrollment', token: 't' } as { key: string }] });

    expect(joined).toMatchObject({ changes: server.changes.length, staff: 2 });
    expect(joined.records).toBe(new Set(server.changes.map((change) => `${change.entity}:${change.id}`)).size);
    expect(progress[0]).toEqual({ changes: 0, total: null });
    expect(progress.at(-1)).toEqual({ changes: server.changes.length, total: server.changes.length });
    expect(progress.length).toBe(Math.ceil(server.changes.length / 10) + 1);
    expect(await deskB.db.meta.get('clinic')).toEqual({ key: 'clinic', name: 'Northside Family Clinic', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 7 });
    expect((await deskB.db.resources.toArray()).map((resource) => resource.name).sort()).toEqual(['Dr Lee', 'Room 1']);
    expect(await deskB.db.scheduleBlocks.toArray()).toEqual(await deskA.db.scheduleBlocks.toArray());
    expect((await deskB.db.staff.toArray()).map((member) => member.username).sort()).toEqual(['alex.admin', 'rita']);
    expect(await deskB.db.appointments.count()).toBe(1);
    expect(await deskB.db.bookings.count()).toBe(1);
    expect(await deskB.db.table('syncState').get('enrollment')).toEqual({ key: 'enrollment', token: 't' });
    expect((await deskB.db.syncState.get('sync'))?.cursor).toBe(String(server.changes.length));
    expect(await readDeskNames(deskB.db)).toEqual({ 'desk-a-device': 'Front desk 1' });
    // B's own counters are untouched by the pulled clinic row in `meta`.
    expect((await deskB.db.meta.get('device'))?.key).toBe('device');
    expect((await signIn(authEnv(deskB), 'alex.admin', 'alex passphrase one')).ok).toBe(true);
  });

  it('records the join on the joining desk — server, desk name, records copied; system actor — and the entry reaches the server with its chain', async () => {
    const server = new MemoryServer(() => Date.UTC(2026, 0, 2, 12));
    await clinicDesk(server);
    const deskB = await openDesk('desk-b', 2);
    const joined = await joinClinic({ ...joinedAs(deskB, 'https://sync.northside.example'), db: deskB.db, transport: server.transport() });

    const entries = await deskB.db.audit.toArray();
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    const device = await readDevice(deskB.db);
    expect(entry).toMatchObject({
      seq: 1,
      deviceId: device.deviceId,
      at: new Date(deskB.clock.now).toISOString(),
      actor: { kind: 'system', systemId: 'join-clinic', displayName: 'Join your clinic' },
      action: 'CLINIC_JOINED',
      entityType: 'clinic',
      patientId: null,
      outcome: 'success',
      mutationId: null,
      changes: {
        server: { before: null, after: 'https://sync.northside.example' },
        deskName: { before: null, after: 'desk-b' },
        records: { before: null, after: joined.records },
        staff: { before: null, after: 2 },
      },
    });
    expect(joined.records).toBeGreaterThan(5);
    // Nothing to queue (the records are the server's), and the device row's chain head moved with the entry.
    expect(await deskB.db.outbox.count()).toBe(0);
    expect(device).toMatchObject({ auditSeq: 1, auditHead: entry?.hash });

    await sync(deskB, server);
    expect(server.audit.get(device.deviceId)?.map((pushed) => pushed.action)).toEqual(['CLINIC_JOINED']);
  });

  it('a join whose audit entry cannot be written stores nothing of the clinic either', async () => {
    const server = new MemoryServer(() => Date.UTC(2026, 0, 2, 12));
    await clinicDesk(server);
    const deskB = await openDesk('desk-b', 2);
    const before = await dumpDatabase(deskB.db);
    const broken = () => {
      throw new Error('No ids left.');
    };
    await expect(joinClinic({ ...joinedAs(deskB), newId: broken, db: deskB.db, transport: server.transport(), alsoStore: [{ key: 'enrollment' }] })).rejects.toThrow(/No ids left/);
    expect(await dumpDatabase(deskB.db)).toEqual(before);
    await expect(joinClinic({ ...joinedAs(deskB), joined: { server: 'https://sync.test', deskName: '  ' }, db: deskB.db, transport: server.transport() })).rejects.toThrow(/audit log/);
    expect(await dumpDatabase(deskB.db)).toEqual(before);
  });

  it('a connection lost half-way leaves the desk fresh, and trying again with the same token works', async () => {
    const server = new MemoryServer(() => Date.UTC(2026, 0, 2, 12));
    await clinicDesk(server);
    const deskB = await openDesk('desk-b', 2);
    const before = await dumpDatabase(deskB.db);
    const flaky = scriptedTransport(server.transport(), ['ok', 'ok', 'fail'], () => new SyncTransportError(0, 'network-unreachable', 'Offline.'));
    await expect(joinClinic({ ...joinedAs(deskB), db: deskB.db, transport: flaky, pageSize: 5, alsoStore: [{ key: 'enrollment' }] })).rejects.toThrow(/Offline/);
    expect(await dumpDatabase(deskB.db)).toEqual(before);
    expect(await deskB.db.table('syncState').get('enrollment')).toBeUndefined();

    const joined = await joinClinic({ ...joinedAs(deskB), db: deskB.db, transport: flaky, pageSize: 5, alsoStore: [{ key: 'enrollment' }] });
    expect(joined.staff).toBe(2);
    expect(await deskB.db.table('syncState').get('enrollment')).toEqual({ key: 'enrollment' });
  });

  it('refuses a desk that already holds a clinic, and a server clinic nobody has set up yet', async () => {
    const server = new MemoryServer(() => Date.UTC(2026, 0, 2, 12));
    const empty = await openDesk('desk-c', 3);
    await expect(joinClinic({ ...joinedAs(empty), db: empty.db, transport: server.transport() })).rejects.toMatchObject({ code: 'unknown-entity', field: 'clinic' });
    expect(await empty.db.table('syncState').count()).toBe(0);

    const deskA = await clinicDesk(server);
    const pullsBefore = server.pullCalls;
    await expect(joinClinic({ ...joinedAs(deskA), db: deskA.db, transport: server.transport() })).rejects.toMatchObject({ code: 'not-permitted', field: 'setup' });
    expect(server.pullCalls).toBe(pullsBefore);
  });
});

describe('pulled records that collide', () => {
  it('a pulled account with a username another local account holds is kept under a free name, and the page still applies', async () => {
    const deskC = await openDesk('desk-c', 3);
    const done = await setUpFirstRun(authEnv(deskC), {
      clinic: { name: 'Desk C Clinic', timeZone: 'America/New_York', locale: 'en-US' },
      admin: { id: 'c-admin', displayName: 'Cam Admin', username: 'admin' },
      passphrase: 'cam passphrase one',
    });
    expect(done.ok).toBe(true);
    const otherAdmin = { id: 'a-admin', displayName: 'Alex Admin', username: 'admin', role: 'admin', active: true };
    const alsoAdmin2 = { id: 'b-admin', displayName: 'Bo Admin', username: 'admin-2', role: 'admin', active: true };
    await applyPulledPage(
      deskC.db,
      {
        changes: [
          { change: 1, entity: 'staff', id: 'a-admin', op: 'put', version: 1, data: otherAdmin },
          { change: 2, entity: 'staff', id: 'b-admin', op: 'put', version: 2, data: alsoAdmin2 },
          { change: 3, entity: 'patient', id: 'p9', op: 'put', version: 3, data: { id: 'p9', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' } },
        ],
        nextCursor: '3',
        hasMore: false,
        serverTime: new Date(deskC.clock.now).toISOString(),
      },
      { clockSkewMs: null },
    );
    const usernames = Object.fromEntries((await deskC.db.staff.toArray()).map((member) => [member.id, member.username]));
    expect(usernames).toEqual({ 'c-admin': 'admin', 'a-admin': 'admin-3', 'b-admin': 'admin-2' });
    expect(await deskC.db.patients.get('p9')).toBeDefined();
    expect((await deskC.db.syncState.get('sync'))?.cursor).toBe('3');
    // Whoever set this desk up still signs in with their own username.
    expect(await signIn(authEnv(deskC), 'admin', 'cam passphrase one')).toMatchObject({ ok: true, session: { staffId: 'c-admin' } });

    // The rename is in the audit log (system actor, in the page's transaction; nothing queued), and Admin → Staff can say so.
    const renames = await deskC.db.audit.where('action').equals('STAFF_RENAMED_ON_SYNC').toArray();
    expect(renames).toEqual([
      expect.objectContaining({
        actor: { kind: 'system', systemId: 'sync', displayName: 'Sync' },
        entityType: 'staff',
        entityId: 'a-admin',
        changes: { username: { before: 'admin', after: 'admin-3' } },
        reason: 'Another account on this desk already had that username.',
        at: new Date(deskC.clock.now).toISOString(),
        mutationId: null,
      }),
    ]);
    expect(await deskC.db.outbox.where('name').equals('sync/note-renamed-staff').count()).toBe(0);
    expect((await readDevice(deskC.db)).auditSeq).toBe((await deskC.db.audit.count()));
    expect(await readRenamedOnSync(deskC.db)).toEqual(new Map([['a-admin', 'admin']]));
    // An administrator's rename settles it: the line goes, the entry stays.
    await deskC.must('staff/save', { id: 'a-admin', displayName: 'Alex Admin', username: 'alex.admin', role: 'admin' }, { staffId: 'c-admin', displayName: 'Cam Admin', role: 'admin' });
    expect(await readRenamedOnSync(deskC.db)).toEqual(new Map());
    expect(await deskC.db.audit.where('action').equals('STAFF_RENAMED_ON_SYNC').count()).toBe(1);
  });

  it('a page that renames nobody writes no audit entry', async () => {
    const deskC = await openDesk('desk-c', 3);
    const page = { changes: [{ change: 1, entity: 'staff' as const, id: 'a-admin', op: 'put' as const, version: 1, data: { id: 'a-admin', displayName: 'Alex Admin', username: 'admin', role: 'admin', active: true } }], nextCursor: '1', hasMore: false, serverTime: new Date(deskC.clock.now).toISOString() };
    await applyPulledPage(deskC.db, page, { clockSkewMs: null });
    expect(await deskC.db.audit.count()).toBe(0);
    expect(await readRenamedOnSync(deskC.db)).toEqual(new Map());
  });
});
