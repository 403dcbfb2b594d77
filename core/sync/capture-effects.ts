import Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import { extendEveryDatabase } from '../db/database-extensions';
import type { MutationEffect, SyncedEntity } from '../db/records';
import type { ClinicSettings } from '../db/device-meta';
import type { StaffCredential } from '../db/records';
import { staffMemberSchema } from '../model';
import { clinicRecordFromSettings, clinicRecordId, credentialRecordFromRow } from './synced-records';

/**
 * The synced tables and the entity name each goes by on the wire. Everything
 * else stays on this desk: `bookings` (rebuilt from appointments), `audit`
 * (pushed as its own chain), the outbox and the sync bookkeeping. Of `meta`
 * only the clinic settings row syncs (never the device's counters); of
 * `staffCredentials` only the hash, salt and PBKDF2 parameters (never the
 * throttle state), so a staff member can sign in on every desk of the clinic.
 *
 * @example syncedTableEntities.seriesExceptions // 'seriesException'
 */
export const syncedTableEntities: Readonly<Record<string, SyncedEntity>> = {
  appointments: 'appointment',
  series: 'series',
  seriesExceptions: 'seriesException',
  patients: 'patient',
  resources: 'resource',
  scheduleBlocks: 'scheduleBlock',
  visitConfirmations: 'visitConfirmation',
  waitlist: 'waitlistEntry',
  contactConsents: 'contactConsent',
  closures: 'closure',
  staff: 'staff',
  conflicts: 'conflict',
  meta: 'clinic',
  staffCredentials: 'staffCredential',
};

/**
 * The table a wire entity is stored in (the inverse of {@link syncedTableEntities}).
 *
 * @example entityTables.appointment // 'appointments'
 */
export const entityTables: Readonly<Record<SyncedEntity, string>> = Object.fromEntries(
  Object.entries(syncedTableEntities).map(([table, entity]) => [entity, table]),
) as Record<SyncedEntity, string>;

const staffPublicKeys = Object.keys(staffMemberSchema.shape);

/**
 * A stored row as it goes on the wire: the core/model shape. Appointments
 * lose their storage-only `day` key; staff rows keep only the public fields
 * (defence in depth: secrets live in `staffCredentials`, but a stray field
 * on a staff row must never leave the desk); credentials lose their throttle
 * state and the clinic row its `key` (core/sync/synced-records.ts).
 *
 * @example wireRecord('appointment', { id: 'a1', day: '2026-01-05', … }) // { id: 'a1', … } without day
 */
export function wireRecord(entity: SyncedEntity, row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  if (entity === 'appointment') {
    const { day: _day, ...appointment } = row as Record<string, unknown>;
    return appointment;
  }
  if (entity === 'staff') {
    const record = row as Record<string, unknown>;
    return Object.fromEntries(staffPublicKeys.filter((key) => key in record).map((key) => [key, record[key]]));
  }
  if (entity === 'staffCredential') return credentialRecordFromRow(row as StaffCredential);
  if (entity === 'clinic') return clinicRecordFromSettings(row as ClinicSettings);
  return row;
}

/**
 * Collects the effects of one transaction: one entry per (entity, id), in the
 * order of each record's last write, holding its final state. Put then
 * delete is a delete; delete then put is a put.
 */
export class EffectRecorder {
  private readonly byRecord = new Map<string, MutationEffect>();

  /** Notes one write (called by the middleware). */
  record(effect: MutationEffect): void {
    const key = `${effect.entity}\u0000${effect.id}`;
    this.byRecord.delete(key);
    this.byRecord.set(key, effect);
  }

  /**
   * The effects so far, in last-write order.
   *
   * @example recorder.effects() // [{ entity: 'patient', id: 'p1', op: 'put', data: { … } }]
   */
  effects(): MutationEffect[] {
    return [...this.byRecord.values()];
  }

  /**
   * The effects so far, and a fresh start: one transaction running several
   * commands (core/commands' batch) gives each command its own effects.
   *
   * @example const first = recorder.take(); // … the next command's writes …; recorder.take()
   */
  take(): MutationEffect[] {
    const effects = this.effects();
    this.byRecord.clear();
    return effects;
  }
}

// Keyed by the DBCore transaction (IDBTransaction under Dexie): a nested
// Dexie transaction shares its parent's, so writes made through helpers that
// open their own `db.transaction(...)` inside a command are still captured.
const recorders = new WeakMap<object, EffectRecorder>();

// The databases the middleware was installed on (see beginEffectCapture's check).
const capturingDatabases = new WeakSet<Dexie>();

/**
 * Starts recording the synced writes of the Dexie transaction this is called
 * in; returns the recorder whose `effects()` the write wrapper puts into the
 * outbox row. Writes in transactions without a recorder (pulling server
 * changes, upgrades) are not captured: they are not this desk's intents.
 *
 * @example
 * await db.transaction('rw', db.tables, async () => {
 *   const recorder = beginEffectCapture();
 *   await db.patients.put(patient);
 *   recorder.effects(); // [{ entity: 'patient', id: patient.id, op: 'put', data: patient }]
 * });
 */
export function beginEffectCapture(): EffectRecorder {
  const transaction = Dexie.currentTransaction;
  if (!transaction) throw new Error('beginEffectCapture must be called inside a Dexie transaction.');
  // Fail loudly rather than send a mutation without its effects: a database
  // constructed before this module registered its middleware would capture nothing.
  if (!capturingDatabases.has(transaction.db)) throw new Error('This database has no capture-effects middleware: import core/sync before constructing the TimedeskDb.');
  const key = transaction.idbtrans as unknown as object;
  const existing = recorders.get(key);
  if (existing) return existing;
  const recorder = new EffectRecorder();
  recorders.set(key, recorder);
  return recorder;
}

/**
 * A DBCore middleware that feeds {@link beginEffectCapture}'s recorders.
 * Middleware rather than per-command bookkeeping: every write, however it is
 * phrased (`add`, `put`, `bulkPut`, `update`, `modify`, `delete`,
 * `Collection.delete`, `clear`), reaches DBCore's `mutate`, so a new command
 * cannot forget to report what it changed. Every `TimedeskDb` installs it
 * before it opens: this module registers it with core/db's
 * `extendEveryDatabase` (the database never imports sync).
 *
 * @example new TimedeskDb(options); // installs it: registered below
 */
export function captureEffects(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'capture-effects',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const entity = syncedTableEntities[name];
          if (!entity) return table;
          return {
            ...table,
            mutate(request: DBCoreMutateRequest) {
              const recorder = recorders.get(request.trans as unknown as object);
              if (!recorder) return table.mutate(request);
              return recordMutation(table, entity, recorder, request);
            },
          };
        },
      };
    },
  };
}

// core/db does not import core/sync: sync registers its middleware on every
// database instead, before any is constructed (core/db/database-extensions.ts).
extendEveryDatabase('capture-effects', (db) => {
  capturingDatabases.add(db);
  return captureEffects();
});

/**
 * Whether a written key is a synced record: in `meta` only the clinic
 * settings row is (the device row changes with every command and is this
 * desk's alone).
 */
function syncsKey(entity: SyncedEntity, key: unknown): boolean {
  return entity !== 'clinic' || key === clinicRecordId;
}

async function recordMutation(table: DBCoreTable, entity: SyncedEntity, recorder: EffectRecorder, request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  // The clinic settings are never deleted, only replaced: a delete or clear of `meta` is not an intent to share.
  if (entity === 'clinic' && request.type !== 'put' && request.type !== 'add') return table.mutate(request);
  if (request.type === 'deleteRange') {
    // A range delete names no keys: read them first, in the same transaction.
    const keys = await table.query({ trans: request.trans, values: false, query: { index: table.schema.primaryKey, range: request.range } });
    const response = await table.mutate(request);
    for (const key of keys.result) recorder.record({ entity, id: String(key), op: 'delete' });
    return response;
  }
  const response = await table.mutate(request);
  const failed = response.failures ?? {};
  if (request.type === 'delete') {
    request.keys.forEach((key, index) => {
      if (!(index in failed)) recorder.record({ entity, id: String(key), op: 'delete' });
    });
    return response;
  }
  request.values.forEach((value: unknown, index) => {
    if (index in failed) return;
    const key = request.keys?.[index] ?? response.results?.[index] ?? table.schema.primaryKey.extractKey?.(value);
    if (!syncsKey(entity, key)) return;
    // Cloned now: the effect is the record as written, whatever the caller does to its object later.
    recorder.record({ entity, id: String(key), op: 'put', data: cloneRecord(wireRecord(entity, value)) });
  });
  return response;
}

// Typed by hand: core/ is also checked without DOM or Node types. Browsers
// and Node 17+ have structuredClone, the same algorithm IndexedDB stores with.
const cloneRecord = (globalThis as unknown as { structuredClone: <T>(value: T) => T }).structuredClone;
