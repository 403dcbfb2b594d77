import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { toClinic, toDevice } from './account-rows';
import type { ClinicRow, DeviceRow } from './account-rows';
import { AsyncMutex } from './async-mutex';
import type {
  AuditHeadRecord,
  AuditRecord,
  BookingSlot,
  ChangeRecord,
  ClinicRecord,
  DeskCopy,
  DeviceRecord,
  EntityRecord,
  MutationRecord,
  RawSqlAccess,
  Storage,
  StorageTestHooks,
  SyncEntity,
  WriteTransaction,
} from './storage';
import { maxBookingMs } from './booking-window';
import { deviceRefusal, redeemableCode, setUpElsewhereRefusal } from './enrollment-checks';
import { migrations, schemaMigrationsTableSql } from './schema-migrations';
import type { Migration } from './schema-migrations';

// WAL: readers never block the writer and a commit is one append to the log.
// synchronous=NORMAL in WAL mode is durable against process crashes (kill -9);
// only an OS crash or power loss may lose the last transactions.
// wal_autocheckpoint 10000 pages (~40 MB of WAL between checkpoints): with one
// small transaction per mutation, the checkpoints' fsyncs were the main cost of
// a push at SQLite's default of 1000 (measured 20–45% faster pushes).
// Connection settings, not schema: the tables come from schema-migrations.ts.
const pragmas = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA wal_autocheckpoint = 10000;
PRAGMA busy_timeout = 5000;
`;

interface EntityRow { entity: string; id: string; version: number; data: string | null; deleted: number; device_id: string; staff_id: string | null }
interface ChangeRow { change: number; entity: string; id: string; op: string; version: number; data: string | null }

const toEntity = (row: EntityRow): EntityRecord => ({
  entity: row.entity as SyncEntity,
  id: row.id,
  version: row.version,
  data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
  deleted: row.deleted === 1,
  deviceId: row.device_id,
  staffId: row.staff_id ?? null,
});
const toChange = (row: ChangeRow): ChangeRecord => ({
  change: row.change,
  entity: row.entity as SyncEntity,
  id: row.id,
  op: row.op as ChangeRecord['op'],
  version: row.version,
  ...(row.data === null ? {} : { data: JSON.parse(row.data) as Record<string, unknown> }),
});

/** Options for {@link openSqliteStorage}. */
export interface SqliteStorageOptions {
  /** File path, or `:memory:` for tests. Parent folders are created. */
  path: string;
  /** TEST-ONLY pauses (see {@link StorageTestHooks}). */
  testHooks?: StorageTestHooks;
}

/**
 * Opens (and migrates) the embedded SQLite store: better-sqlite3 in WAL mode,
 * its synchronous calls wrapped in promises behind the shared interface. One
 * connection, and an async mutex around every operation, because a write
 * transaction spans awaits and SQLite has a single writer anyway; reads go
 * through the same queue so they never see another request's uncommitted rows.
 *
 * @example const storage = await openSqliteStorage({ path: 'server/data/timedesk.sqlite' });
 */
export async function openSqliteStorage(options: SqliteStorageOptions): Promise<Storage & RawSqlAccess> {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.exec(pragmas);
  try {
    await migrateSqlite(db, options.testHooks);
  } catch (error) {
    db.close();
    throw error;
  }
  db.pragma('foreign_keys = ON');
  return new SqliteStorage(db, options.testHooks);
}

/**
 * Applies the migrations the file has not recorded, each in its own
 * `BEGIN IMMEDIATE` transaction with its `schema_migrations` row (the file
 * lock makes a second process wait, and it then finds the migration
 * recorded). Foreign keys are off meanwhile — SQLite's procedure for
 * rebuilding a table — and checked before each commit.
 */
async function migrateSqlite(db: Database.Database, hooks: StorageTestHooks | undefined): Promise<void> {
  db.exec(schemaMigrationsTableSql);
  db.pragma('foreign_keys = OFF');
  const recorded = db.prepare<[number], { version: number }>('SELECT version FROM schema_migrations WHERE version = ?');
  for (const migration of migrations) {
    if (recorded.get(migration.version)) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      if (!recorded.get(migration.version)) {
        runSqliteMigration(db, migration);
        await hooks?.beforeMigrationCommit?.({ version: migration.version, name: migration.name });
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

function runSqliteMigration(db: Database.Database, migration: Migration): void {
  for (const step of migration.steps('sqlite')) {
    if (typeof step === 'string') {
      db.exec(step);
      continue;
    }
    // SQLite has no ADD COLUMN IF NOT EXISTS.
    const { table, column, definition } = step.addColumn;
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
    if (!columns.some((existing) => existing.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`migration ${migration.version} (${migration.name}) leaves ${broken.length} rows without their referenced row`);
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
}

class SqliteStorage implements Storage, RawSqlAccess {
  readonly kind = 'sqlite';
  private readonly queue = new AsyncMutex();
  private closed = false;
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly testHooks: StorageTestHooks | undefined,
  ) {
    this.statements = {
      clinic: db.prepare<[string], ClinicRow>('SELECT * FROM clinics WHERE id = ?'),
      // Device ids are unique across clinics (device_tokens): this finds a device without knowing its clinic.
      device: db.prepare<[string], DeviceRow>('SELECT d.* FROM device_tokens t JOIN devices d ON d.clinic_id = t.clinic_id AND d.id = t.device_id WHERE t.device_id = ?'),
      clinicDevice: db.prepare<[string, string], DeviceRow>('SELECT * FROM devices WHERE clinic_id = ? AND id = ?'),
      mutation: db.prepare<[string, string], { mutation_id: string; clinic_id: string; device_id: string; device_seq: number; result: string }>('SELECT * FROM mutations WHERE clinic_id = ? AND mutation_id = ?'),
      insertMutation: db.prepare('INSERT INTO mutations (mutation_id, clinic_id, device_id, device_seq, result) VALUES (?, ?, ?, ?, ?)'),
      setDeviceSeq: db.prepare('UPDATE devices SET last_device_seq = ? WHERE clinic_id = ? AND id = ?'),
      setCounter: db.prepare('UPDATE clinics SET last_change = ? WHERE id = ?'),
      insertChange: db.prepare('INSERT INTO changes (clinic_id, change, entity, id, op, version, data) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      entity: db.prepare<[string, string, string], EntityRow>('SELECT * FROM entities WHERE clinic_id = ? AND entity = ? AND id = ?'),
      liveEntities: db.prepare<[string, string], EntityRow>('SELECT * FROM entities WHERE clinic_id = ? AND entity = ? AND deleted = 0 ORDER BY id'),
      // Arrays are passed as JSON text and unpacked with json_each (one statement whatever their length).
      seriesTouching: db.prepare<{ clinicId: string; resourceIds: string; patientIds: string }, EntityRow>(
        `SELECT * FROM entities s WHERE s.clinic_id = @clinicId AND s.entity = 'series' AND s.deleted = 0 AND (
           json_extract(s.data, '$.patientId') IN (SELECT value FROM json_each(@patientIds))
           OR EXISTS (SELECT 1 FROM json_each(s.data, '$.resourceIds') r WHERE r.value IN (SELECT value FROM json_each(@resourceIds)))
           OR s.id IN (SELECT json_extract(x.data, '$.seriesId') FROM entities x
             WHERE x.clinic_id = @clinicId AND x.entity = 'seriesException' AND x.deleted = 0 AND json_extract(x.data, '$.kind') = 'moved'
               AND EXISTS (SELECT 1 FROM json_each(x.data, '$.resourceIds') r WHERE r.value IN (SELECT value FROM json_each(@resourceIds))))
         ) ORDER BY s.id`,
      ),
      // The partial index entities_exceptions_by_series answers this (migration 4).
      exceptionsOf: db.prepare<{ clinicId: string; seriesIds: string }, EntityRow>(
        `SELECT * FROM entities WHERE clinic_id = @clinicId AND entity = 'seriesException' AND deleted = 0
           AND json_extract(data, '$.seriesId') IN (SELECT value FROM json_each(@seriesIds)) ORDER BY id`,
      ),
      putEntity: db.prepare(
        `INSERT INTO entities (clinic_id, entity, id, version, data, deleted, device_id, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (clinic_id, entity, id) DO UPDATE SET version = excluded.version, data = excluded.data, deleted = excluded.deleted, device_id = excluded.device_id, staff_id = excluded.staff_id`,
      ),
      deleteSlots: db.prepare('DELETE FROM booking_slots WHERE clinic_id = ? AND appointment_id = ?'),
      insertSlot: db.prepare('INSERT INTO booking_slots (clinic_id, appointment_id, key, start_ms, end_ms) VALUES (?, ?, ?, ?, ?)'),
      overlapping: db.prepare<[string, string, number, number, number], { appointment_id: string }>(
        // start_ms > start − longest booking bounds the index range scan.
        'SELECT DISTINCT appointment_id FROM booking_slots WHERE clinic_id = ? AND key = ? AND start_ms < ? AND start_ms > ? AND end_ms > ?',
      ),
      insertConflict: db.prepare('INSERT INTO conflicts (clinic_id, id, appointment_id, detected_at_change) VALUES (?, ?, ?, ?)'),
      auditHead: db.prepare<[string, string], { seq: number; hash: string }>('SELECT seq, hash FROM audit_entries WHERE clinic_id = ? AND device_id = ? ORDER BY seq DESC LIMIT 1'),
      auditAt: db.prepare<[string, string, number], { hash: string }>('SELECT hash FROM audit_entries WHERE clinic_id = ? AND device_id = ? AND seq = ?'),
      insertAudit: db.prepare('INSERT INTO audit_entries (clinic_id, device_id, seq, hash, prev_hash, entry) VALUES (?, ?, ?, ?, ?, ?)'),
      changeAt: db.prepare<[string, number, string, string], { data: string | null }>("SELECT data FROM changes WHERE clinic_id = ? AND change = ? AND entity = ? AND id = ? AND op = 'put'"),
      deskCopy: db.prepare<[string, string, string, string], { desk_version: number; data: string }>('SELECT desk_version, data FROM desk_copies WHERE clinic_id = ? AND entity = ? AND id = ? AND device_id = ?'),
      putDeskCopy: db.prepare(
        `INSERT INTO desk_copies (clinic_id, entity, id, device_id, desk_version, data) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (clinic_id, entity, id, device_id) DO UPDATE SET desk_version = excluded.desk_version, data = excluded.data`,
      ),
      changes: db.prepare<[string, number, number], ChangeRow>('SELECT change, entity, id, op, version, data FROM changes WHERE clinic_id = ? AND change > ? ORDER BY change LIMIT ?'),
      // A new window resets the count; the same window adds one. One statement, so concurrent requests cannot both read the old count.
      countRequest: db.prepare<[string, string, number], { count: number }>(
        `INSERT INTO request_counts (scope, key, window_start, count) VALUES (?, ?, ?, 1)
         ON CONFLICT (scope, key) DO UPDATE SET
           count = CASE WHEN request_counts.window_start = excluded.window_start THEN request_counts.count + 1 ELSE 1 END,
           window_start = excluded.window_start
         RETURNING count`,
      ),
    };
  }

  private run<T>(work: () => T): Promise<T> {
    return this.queue.run(async () => {
      if (this.closed) throw new Error('storage is closed');
      return work();
    });
  }

  createClinic(clinic: Omit<ClinicRecord, 'lastChange'>): Promise<ClinicRecord> {
    return this.run(() => {
      this.db.prepare('INSERT INTO clinics (id, name, time_zone, created_at) VALUES (?, ?, ?, ?)').run(clinic.id, clinic.name, clinic.timeZone, clinic.createdAt);
      return { ...clinic, lastChange: 0 };
    });
  }

  getClinic(clinicId: string): Promise<ClinicRecord | null> {
    return this.run(() => {
      const row = this.statements.clinic.get(clinicId);
      return row ? toClinic(row) : null;
    });
  }

  listClinics(): Promise<ClinicRecord[]> {
    return this.run(() => this.db.prepare<[], ClinicRow>('SELECT * FROM clinics ORDER BY created_at, id').all().map(toClinic));
  }

  createEnrollmentCode(code: { codeHash: string; clinicId: string; createdAt: string; expiresAt: string }): Promise<void> {
    return this.run(() => {
      this.db.prepare('INSERT INTO enrollment_codes (code_hash, clinic_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(code.codeHash, code.clinicId, code.createdAt, code.expiresAt);
    });
  }

  redeemEnrollmentCode(input: Parameters<Storage['redeemEnrollmentCode']>[0]): ReturnType<Storage['redeemEnrollmentCode']> {
    return this.run(() =>
      this.db.transaction(() => {
        const found = this.db.prepare<[string], { clinic_id: string; expires_at: string; used_at: string | null }>('SELECT clinic_id, expires_at, used_at FROM enrollment_codes WHERE code_hash = ?').get(input.codeHash);
        const checked = redeemableCode(found, input.now);
        if (!checked.ok) return checked;
        const code = checked.code;
        const existing = this.statements.device.get(input.device.id);
        const refused = deviceRefusal(existing, checked.code.clinic_id);
        if (refused) return refused;
        const clinicRecord = this.db.prepare<[string], { id: string }>("SELECT id FROM entities WHERE clinic_id = ? AND entity = 'clinic' AND deleted = 0").get(code.clinic_id);
        const setUpBy = this.db.prepare<[string], { set_up_by: string | null }>('SELECT set_up_by FROM clinics WHERE id = ?').get(code.clinic_id)?.set_up_by ?? null;
        const deskSetUp = input.deskSetUp === true;
        const setUpElsewhere = setUpElsewhereRefusal({ deskSetUp, setUpBy, deviceId: input.device.id, clinicHasRecord: clinicRecord !== undefined, enrolledHere: existing !== undefined });
        if (setUpElsewhere) return setUpElsewhere;
        // The first set-up desk claims the clinic in this same transaction, so a second one is refused even before either pushes.
        if (deskSetUp && setUpBy === null) this.db.prepare('UPDATE clinics SET set_up_by = ? WHERE id = ?').run(input.device.id, code.clinic_id);
        this.db.prepare('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ?').run(input.now, input.codeHash);
        if (existing) {
          this.db.prepare('UPDATE device_tokens SET token_hash = ? WHERE device_id = ?').run(input.device.tokenHash, input.device.id);
          this.db.prepare('UPDATE devices SET name = ? WHERE clinic_id = ? AND id = ?').run(input.device.name, code.clinic_id, input.device.id);
        } else {
          this.db.prepare('INSERT INTO devices (clinic_id, id, name, created_at) VALUES (?, ?, ?, ?)').run(code.clinic_id, input.device.id, input.device.name, input.now);
          this.db.prepare('INSERT INTO device_tokens (device_id, clinic_id, token_hash) VALUES (?, ?, ?)').run(input.device.id, code.clinic_id, input.device.tokenHash);
        }
        const clinic = this.statements.clinic.get(code.clinic_id);
        if (!clinic) throw new Error(`enrollment code points at missing clinic ${code.clinic_id}`);
        return { ok: true as const, clinic: toClinic(clinic) };
      })(),
    );
  }

  findDeviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    return this.run(() => {
      const row = this.db.prepare<[string], DeviceRow>('SELECT d.* FROM device_tokens t JOIN devices d ON d.clinic_id = t.clinic_id AND d.id = t.device_id WHERE t.token_hash = ?').get(tokenHash);
      return row ? toDevice(row) : null;
    });
  }

  getDevice(deviceId: string): Promise<DeviceRecord | null> {
    return this.run(() => {
      const row = this.statements.device.get(deviceId);
      return row ? toDevice(row) : null;
    });
  }

  listDevices(clinicId: string): Promise<DeviceRecord[]> {
    return this.run(() => this.db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE clinic_id = ? ORDER BY created_at, id').all(clinicId).map(toDevice));
  }

  revokeDevice(deviceId: string, at: string): Promise<boolean> {
    return this.run(() => {
      const result = this.db.prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND clinic_id = (SELECT clinic_id FROM device_tokens WHERE device_id = ?)').run(at, deviceId, deviceId);
      return result.changes > 0;
    });
  }

  write<T>(clinicId: string, deviceId: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (this.closed) throw new Error('storage is closed');
      const s = this.statements;
      const db = this.db;
      let counter: number | null = null;
      const lock = (): number => {
        if (counter === null) {
          const clinic = s.clinic.get(clinicId);
          if (!clinic) throw new Error(`unknown clinic ${clinicId}`);
          counter = Number(clinic.last_change);
        }
        return counter;
      };
      const tx: WriteTransaction = {
        device: async () => {
          const row = s.clinicDevice.get(clinicId, deviceId);
          if (!row) throw new Error(`device ${deviceId} is not enrolled in clinic ${clinicId}`);
          return toDevice(row);
        },
        // In-process and synchronous: every read is as cheap as a prefetched one.
        prefetch: async () => undefined,
        lockForPush: async (_plan, options) => {
          await tx.device();
          if (options.changes) lock();
        },
        findMutation: async (mutationId) => {
          const row = s.mutation.get(clinicId, mutationId);
          return row ? { mutationId: row.mutation_id, clinicId: row.clinic_id, deviceId: row.device_id, deviceSeq: row.device_seq, result: JSON.parse(row.result) as MutationRecord['result'] } : null;
        },
        recordMutation: async (record) => {
          s.insertMutation.run(record.mutationId, clinicId, deviceId, record.deviceSeq, JSON.stringify(record.result));
          s.setDeviceSeq.run(record.deviceSeq, clinicId, deviceId);
        },
        advanceDeviceSeq: async (deviceSeq) => {
          s.setDeviceSeq.run(deviceSeq, clinicId, deviceId);
        },
        savepoint: async (work) => {
          // The counter is kept here and written at COMMIT, so it is rolled back by hand with the rows.
          const counterBefore = counter;
          db.exec('SAVEPOINT mutation');
          try {
            const result = await work();
            db.exec('RELEASE mutation');
            return result;
          } catch (error) {
            if (db.inTransaction) {
              db.exec('ROLLBACK TO mutation');
              db.exec('RELEASE mutation');
            }
            counter = counterBefore;
            throw error;
          }
        },
        lockChanges: async () => lock(),
        writeRecord: async (record) => {
          const next = lock() + 1;
          counter = next;
          const data = record.data === undefined || record.op === 'delete' ? null : JSON.stringify(record.data);
          s.insertChange.run(clinicId, next, record.entity, record.id, record.op, next, data);
          s.putEntity.run(clinicId, record.entity, record.id, next, data, record.op === 'delete' ? 1 : 0, record.deviceId ?? deviceId, record.staffId ?? null);
          return next;
        },
        getEntity: async (entity, id) => {
          const row = s.entity.get(clinicId, entity, id);
          return row ? toEntity(row) : null;
        },
        getEntities: async (entity, ids) => ids.flatMap((id) => {
          const row = s.entity.get(clinicId, entity, id);
          return row ? [toEntity(row)] : [];
        }),
        listEntities: async (entity) => s.liveEntities.all(clinicId, entity).map(toEntity),
        seriesExceptions: async (seriesIds) => (seriesIds.length === 0 ? [] : s.exceptionsOf.all({ clinicId, seriesIds: JSON.stringify(seriesIds) }).map(toEntity)),
        findSeriesTouching: async (resourceIds, patientIds) => {
          const series = s.seriesTouching.all({ clinicId, resourceIds: JSON.stringify(resourceIds), patientIds: JSON.stringify(patientIds) }).map(toEntity);
          if (series.length === 0) return { series, exceptions: [] };
          return { series, exceptions: s.exceptionsOf.all({ clinicId, seriesIds: JSON.stringify(series.map((record) => record.id)) }).map(toEntity) };
        },
        recordAt: async (entity, id, version) => {
          const row = s.changeAt.get(clinicId, version, entity, id);
          return row?.data ? (JSON.parse(row.data) as Record<string, unknown>) : null;
        },
        deskCopy: async (entity, id): Promise<DeskCopy | null> => {
          const row = s.deskCopy.get(clinicId, entity, id, deviceId);
          return row ? { deskVersion: row.desk_version, data: JSON.parse(row.data) as Record<string, unknown> } : null;
        },
        saveDeskCopy: async (entity, id, copy) => {
          s.putDeskCopy.run(clinicId, entity, id, deviceId, copy.deskVersion, JSON.stringify(copy.data));
        },
        replaceBookingSlots: async (appointmentId, slots: readonly BookingSlot[]) => {
          s.deleteSlots.run(clinicId, appointmentId);
          for (const slot of slots) s.insertSlot.run(clinicId, appointmentId, slot.key, slot.startMs, slot.endMs);
        },
        findOverlappingAppointments: async (keys, startMs, endMs) => {
          const ids = new Set<string>();
          for (const key of keys) {
            for (const row of s.overlapping.all(clinicId, key, endMs, startMs - maxBookingMs - 1, startMs)) ids.add(row.appointment_id);
          }
          return [...ids].sort().flatMap((id) => {
            const row = s.entity.get(clinicId, 'appointment', id);
            return row ? [toEntity(row)] : [];
          });
        },
        insertConflict: async (conflict) => {
          s.insertConflict.run(clinicId, conflict.id, conflict.appointmentId, conflict.detectedAtChange);
        },
        auditHead: async () => s.auditHead.get(clinicId, deviceId) ?? null,
        auditHashAt: async (seq) => s.auditAt.get(clinicId, deviceId, seq)?.hash ?? null,
        appendAudit: async (record: AuditRecord) => {
          s.insertAudit.run(clinicId, deviceId, record.seq, record.hash, record.prevHash, JSON.stringify(record.entry));
        },
      };
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        if (counter !== null) s.setCounter.run(counter, clinicId);
        await this.testHooks?.beforeCommit?.({ clinicId, deviceId });
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  auditHead(clinicId: string, deviceId: string): Promise<AuditHeadRecord | null> {
    return this.run(
      () => this.db.prepare<[string, string], AuditHeadRecord>('SELECT seq, hash FROM audit_entries WHERE clinic_id = ? AND device_id = ? ORDER BY seq DESC LIMIT 1').get(clinicId, deviceId) ?? null,
    );
  }

  readChanges(clinicId: string, after: number, limit: number): Promise<ChangeRecord[]> {
    return this.run(() => this.statements.changes.all(clinicId, after, limit).map(toChange));
  }

  countRequest(scope: string, key: string, windowStartMs: number): Promise<number> {
    return this.run(() => this.statements.countRequest.get(scope, key, windowStartMs)?.count ?? 1);
  }

  purgeRequestCounts(beforeMs: number): Promise<void> {
    return this.run(() => {
      this.db.prepare('DELETE FROM request_counts WHERE window_start < ?').run(beforeMs);
    });
  }

  checkHealth(): Promise<void> {
    return this.run(() => {
      this.db.prepare('SELECT 1').get();
    });
  }

  readAudit(clinicId: string, deviceId: string, fromSeq: number, limit: number): Promise<AuditRecord[]> {
    return this.run(() =>
      this.db
        .prepare<[string, string, number, number], { seq: number; hash: string; prev_hash: string; entry: string }>(
          'SELECT seq, hash, prev_hash, entry FROM audit_entries WHERE clinic_id = ? AND device_id = ? AND seq >= ? ORDER BY seq LIMIT ?',
        )
        .all(clinicId, deviceId, fromSeq, limit)
        .map((row) => ({ seq: row.seq, hash: row.hash, prevHash: row.prev_hash, entry: JSON.parse(row.entry) as Record<string, unknown> })),
    );
  }

  /** Test hook: runs raw SQL, e.g. to prove the audit triggers refuse an UPDATE. */
  rawExecute(sql: string): Promise<void> {
    return this.run(() => {
      this.db.exec(sql);
    });
  }

  async close(): Promise<void> {
    await this.queue.run(async () => {
      if (this.closed) return;
      this.closed = true;
      this.db.close();
    });
  }
}
