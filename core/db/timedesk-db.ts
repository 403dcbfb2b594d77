import Dexie from 'dexie';
import type { DexieOptions, Table } from 'dexie';
import type { AuditEntry, VerifiedHead } from '../audit';
import type { Closure, ContactConsent, Patient, Resource, ScheduleBlock, Series, SeriesException, StaffMember, VisitConfirmation, WaitlistEntry } from '../model';
import { appendOnly } from './append-only';
import { databaseExtensions } from './database-extensions';
import type { MetaRow } from './device-meta';
import type { SyncConflict } from '../sync/conflict-record';
import type { AppointmentRow, BookingRow, OutboxMutation, StaffCredential, SyncRejectionRow, SyncStateRow } from './records';
import { v1Stores, v2Stores, v3Stores, v4Stores, v8Stores, v9Stores, v10Stores } from './schema';
import { upgradeToV2 } from './upgrade-v2';
import { upgradeToV4 } from './upgrade-v4';

/** Where the database lives; tests pass a fresh fake-indexeddb factory each. */
export interface TimedeskDbOptions {
  /** IndexedDB database name; `timedesk` unless a test or a second clinic profile needs another. */
  name?: string;
  /** An IndexedDB implementation (fake-indexeddb's `IDBFactory` in Node); the browser's by default. */
  indexedDB?: DexieOptions['indexedDB'];
  /** The matching `IDBKeyRange`; required whenever `indexedDB` is passed. */
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

/** What an upgrade may need from the running app. */
export interface UpgradeOptions {
  /** "Now" (epoch ms) for records an upgrade creates (`createdAt`); the engine never reads the clock. openTimedeskDb passes its `now`. */
  upgradeAt?: number | undefined;
}

/** Every table name, for transactions that span the whole store. */
export const allTables = Object.keys(v10Stores) as (keyof typeof v10Stores)[];

/**
 * The local database. Construct it, then call `openTimedeskDb` (device.ts),
 * which opens it (running any upgrade) and makes sure the device row exists.
 * Audit entries are append-only at the storage layer (see append-only.ts).
 *
 * @example
 * const db = new TimedeskDb({ name: 'test', indexedDB: new IDBFactory(), IDBKeyRange });
 */
export class TimedeskDb extends Dexie {
  declare readonly resources: Table<Resource, string>;
  declare readonly scheduleBlocks: Table<ScheduleBlock, string>;
  declare readonly waitlist: Table<WaitlistEntry, string>;
  declare readonly closures: Table<Closure, string>;
  declare readonly patients: Table<Patient, string>;
  declare readonly staff: Table<StaffMember, string>;
  declare readonly staffCredentials: Table<StaffCredential, string>;
  declare readonly appointments: Table<AppointmentRow, string>;
  declare readonly bookings: Table<BookingRow, [string, string]>;
  declare readonly series: Table<Series, string>;
  declare readonly seriesExceptions: Table<SeriesException, string>;
  declare readonly audit: Table<AuditEntry, [string, number]>;
  declare readonly outbox: Table<OutboxMutation, number>;
  declare readonly meta: Table<MetaRow, string>;
  declare readonly conflicts: Table<SyncConflict, string>;
  declare readonly syncRejections: Table<SyncRejectionRow, string>;
  declare readonly syncState: Table<SyncStateRow, string>;
  declare readonly visitConfirmations: Table<VisitConfirmation, string>;
  declare readonly contactConsents: Table<ContactConsent, string>;
  declare readonly auditVerification: Table<VerifiedHead, string>;

  constructor(options: TimedeskDbOptions & UpgradeOptions = {}) {
    super(options.name ?? 'timedesk', {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores(v1Stores);
    this.version(2).stores(v2Stores).upgrade(upgradeToV2);
    // v3 adds the sync tables; outbox rows queued before it carry no effects.
    this.version(3)
      .stores(v3Stores)
      .upgrade((transaction) => transaction.table('outbox').toCollection().modify((row: { effects?: unknown }) => {
        row.effects ??= [];
      }));
    // v4: schedule blocks replace the weekday rules (upgrade-v4.ts).
    const upgradeAt = new Date(options.upgradeAt ?? Date.parse(`2000-01-03T00:00:00Z`)).toISOString();
    this.version(4)
      .stores(v4Stores)
      .upgrade((transaction) => upgradeToV4(transaction, upgradeAt));
    // v8: confirmations and reminders (issue 16): new tables only, nothing to convert.
    this.version(8).stores(v8Stores);
    // v9: the waitlist (issue 13): a new table, nothing to upgrade.
    this.version(9).stores(v9Stores);
    // v10: the audit screen's verified head per device (issue 11): a new table, nothing to upgrade.
    this.version(10).stores(v10Stores);
    this.use(appendOnly(['audit']));
    // Middleware of the layers above, registered on the database rather than imported by it:
    // core/sync's effect capture records what each command writes (the outbox's `effects`).
    for (const extension of databaseExtensions()) this.use(extension(this));
  }
}
