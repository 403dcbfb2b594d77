import { currentSchemaVersion } from '../../core/db';
import { createSyncClient } from '../../core/sync';
import type { SyncClient, SyncTransport } from '../../core/sync';
import { openDesk } from '../../core/sync/sync-desk.fixture';
import type { Desk } from '../../core/sync/sync-desk.fixture';
import { createClinic, issueEnrollmentCode } from '../accounts/clinic-admin';
import { enrollDevice } from '../accounts/enroll-device';
import { openSqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';
import { applyPush } from './apply-push';
import { readChanges } from './read-changes';
import type { SyncAuth } from './sync-auth';

/** A desk enrolled in the clinic, its sync client and its token's scope. */
export interface EnrolledDesk {
  desk: Desk;
  sync: SyncClient;
  auth: SyncAuth;
}

/** One clinic on a server in this process (SQLite in memory), and a way to enroll real desks in it. */
export interface InProcessClinic {
  clinicId: string;
  storage: Storage;
  /** The server's clock (epoch ms) that push and pull read; tests move it. */
  clock: { now: number };
  /** A fresh desk (core/sync's fixture), enrolled, with a sync client talking to the server's push and pull functions. */
  desk(name: string, seed: number): Promise<EnrolledDesk>;
  /** Closes every desk and the storage. */
  close(): Promise<void>;
}

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The real desk commands and sync client against the server's push and pull
 * functions, each request through JSON as on the wire.
 *
 * @example const clinic = await inProcessClinic(now); const a = await clinic.desk('desk-a', 11); await a.sync.syncNow();
 */
export async function inProcessClinic(now: number, options: { storage?: Storage } = {}): Promise<InProcessClinic> {
  const storage = options.storage ?? (await openSqliteStorage({ path: ':memory:' }));
  const clock = { now };
  const created = await createClinic(storage, { name: 'North Street', zone: 'America/New_York' }, () => clock.now);
  const desks: Desk[] = [];
  function transport(auth: SyncAuth): SyncTransport {
    return {
      push: async (request) => wire(await applyPush(storage, auth, wire(request))),
      pull: async (after, limit) => wire(await readChanges(storage, auth, { after, limit: String(limit), schema: String(currentSchemaVersion) }, () => clock.now)),
    };
  }
  return {
    clinicId: created.id,
    storage,
    clock,
    async desk(name, seed) {
      const desk = await openDesk(name, seed, clock.now);
      desks.push(desk);
      const { deviceId } = (await desk.db.meta.get('device')) as { deviceId: string };
      const { code } = await issueEnrollmentCode(storage, { clinicId: created.id }, () => clock.now);
      await enrollDevice(storage, { code, deviceId, deviceName: name }, () => clock.now);
      const auth = { clinicId: created.id, deviceId };
      const sync = createSyncClient({ db: desk.db, transport: transport(auth), clock: () => desk.clock.now, random: () => 0.5, pollIntervalMs: 0, timers: { set: () => 0, clear: () => undefined } });
      return { desk, sync, auth };
    },
    async close() {
      for (const desk of desks.splice(0)) desk.db.close();
      await storage.close();
    },
  };
}
