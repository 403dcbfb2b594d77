import pg from 'pg';
import { toClinic, toDevice } from './account-rows';
import type { ClinicRow, DeviceRow } from './account-rows';
import { maxBookingMs } from './booking-window';
import { deviceRefusal, redeemableCode, setUpElsewhereRefusal } from './enrollment-checks';
import type {
  AuditHeadRecord,
  AuditRecord,
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
import { toStorageError } from './postgres-errors';
import { migrations, schemaMigrationsTableSql } from './schema-migrations';

// The service is stateless: several instances may share this database, so
// every piece of coordination is a lock or a constraint in it.
//  - clinics.last_change is the per-clinic change counter; a write transaction
//    locks its row (SELECT … FOR UPDATE before reading the state a booking
//    check depends on, or the UPDATE that bumps it) and keeps the lock until
//    COMMIT, so change numbers commit in order and a pull can never be served
//    past a change that commits later (a plain sequence can).
//  - devices rows are locked FOR UPDATE first, so one device's pushes run one
//    at a time (deviceSeq checks) — always device before clinic, no deadlock.
//  - mutations (clinic_id, mutation_id) and (clinic_id, device_id, device_seq)
//    are unique: idempotency holds even if two instances raced past the lock-free read.
//  - enrollment codes and device tokens are redeemed / replaced under FOR UPDATE,
//    request counters are one upsert: single-use and shared by every instance.
// Queries with values are named: pg prepares each once per connection and
// reuses the plan, which roughly halves the cost of the short write-path statements.

// Arbitrary constant (with the schema's name as the second key): serialises
// migrations when several instances start at once.
const migrationLockKey = 727_001;

interface EntityRow { entity: string; id: string; version: string; data: Record<string, unknown> | null; deleted: boolean; device_id: string }
interface ChangeRow { change: string; entity: string; id: string; op: string; version: string; data: Record<string, unknown> | null }

const toEntity = (row: EntityRow): EntityRecord => ({
  entity: row.entity as SyncEntity,
  id: row.id,
  version: Number(row.version),
  data: row.data,
  deleted: row.deleted,
  deviceId: row.device_id,
});
const toChange = (row: ChangeRow): ChangeRecord => ({
  change: Number(row.change),
  entity: row.entity as SyncEntity,
  id: row.id,
  op: row.op as ChangeRecord['op'],
  version: Number(row.version),
  ...(row.data === null ? {} : { data: row.data }),
});

/** Options for {@link openPostgresStorage}. */
export interface PostgresStorageOptions {
  /** `postgres://user:password@host:port/database` */
  connectionString: string;
  /** A schema to create and use (search_path), e.g. a random one per test run. Default: the role's search_path. */
  schema?: string;
  /** Pool size per instance (default 10): instances × this must stay under the server's max_connections. */
  maxConnections?: number;
  /** How long a request waits for a free connection before a 503 `busy` (default 2000 ms): a full pool answers, it does not hang. */
  connectTimeoutMs?: number;
  /** `statement_timeout` of every connection (default 10000 ms): a statement past it is cancelled, its transaction rolled back, and the request answered 503. */
  statementTimeoutMs?: number;
  /** `idle_in_transaction_session_timeout` (default 60000 ms): a hung instance cannot hold a clinic's change lock for ever. */
  idleInTransactionTimeoutMs?: number;
  /** TEST-ONLY pauses (see {@link StorageTestHooks}). */
  testHooks?: StorageTestHooks;
}

const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens (and migrates, under an advisory lock) the PostgreSQL store behind a
 * pg Pool. Safe to open from several service instances at once.
 *
 * @example const storage = await openPostgresStorage({ connectionString: process.env.DATABASE_URL! });
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage & RawSqlAccess> {
  if (options.schema !== undefined && !schemaNamePattern.test(options.schema)) {
    throw new Error(`schema name "${options.schema}" must match ${schemaNamePattern.source}`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool, options.schema, options.testHooks);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStorage(pool, options.testHooks);
}

/**
 * Applies the migrations the database has not recorded, under a session
 * advisory lock (so instances starting together run each migration once:
 * the others wait, then find it recorded), each in its own transaction with
 * its `schema_migrations` row. PostgreSQL's DDL is transactional: an
 * instance killed mid-migration leaves nothing of it, and its lock goes
 * with its connection.
 */
async function migratePostgres(pool: pg.Pool, schema: string | undefined, hooks: StorageTestHooks | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    // Migrations may run longer than a request's statement timeout.
    await client.query('SET statement_timeout = 0');
    await client.query("SELECT pg_advisory_lock($1, hashtext(coalesce($2, current_schema())))", [migrationLockKey, schema ?? null]);
    try {
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(schemaMigrationsTableSql);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const recorded = new Set(rows.map((row) => Number(row.version)));
      for (const migration of migrations) {
        if (recorded.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          for (const step of migration.steps('postgres')) {
            await client.query(typeof step === 'string' ? step : `ALTER TABLE ${step.addColumn.table} ADD COLUMN IF NOT EXISTS ${step.addColumn.column} ${step.addColumn.definition}`);
          }
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
          await hooks?.beforeMigrationCommit?.({ version: migration.version, name: migration.name });
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext(coalesce($2, current_schema())))", [migrationLockKey, schema ?? null]).catch(() => undefined);
      await client.query('RESET statement_timeout').catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

class PostgresStorage implements Storage, RawSqlAccess {
  readonly kind = 'postgres';

  constructor(
    private readonly pool: pg.Pool,
    private readonly testHooks: StorageTestHooks | undefined,
  ) {}

  async createClinic(clinic: Omit<ClinicRecord, 'lastChange'>): Promise<ClinicRecord> {
    await this.query({ name: 'td_1', text: 'INSERT INTO clinics (id, name, time_zone, created_at) VALUES ($1, $2, $3, $4)', values: [clinic.id, clinic.name, clinic.timeZone, clinic.createdAt] });
    return { ...clinic, lastChange: 0 };
  }

  async getClinic(clinicId: string): Promise<ClinicRecord | null> {
    const { rows } = await this.query<ClinicRow>({ name: 'td_2', text: 'SELECT * FROM clinics WHERE id = $1', values: [clinicId] });
    return rows[0] ? toClinic(rows[0]) : null;
  }

  async listClinics(): Promise<ClinicRecord[]> {
    const { rows } = await this.query<ClinicRow>('SELECT * FROM clinics ORDER BY created_at, id');
    return rows.map(toClinic);
  }

  async createEnrollmentCode(code: { codeHash: string; clinicId: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.query({ name: 'td_3', text: 'INSERT INTO enrollment_codes (code_hash, clinic_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', values: [code.codeHash, code.clinicId, code.createdAt, code.expiresAt] });
  }

  redeemEnrollmentCode(input: Parameters<Storage['redeemEnrollmentCode']>[0]): ReturnType<Storage['redeemEnrollmentCode']> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ clinic_id: string; expires_at: string; used_at: string | null }>({ name: 'td_4', text: 'SELECT clinic_id, expires_at, used_at FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE', values: [input.codeHash] });
      const checked = redeemableCode(rows[0], input.now);
      if (!checked.ok) return checked;
      const code = checked.code;
      // Device ids are unique across clinics: device_tokens finds the device without its clinic.
      const existing = (
        await client.query<DeviceRow>({ name: 'td_5', text: 'SELECT d.* FROM device_tokens t JOIN devices d ON d.clinic_id = t.clinic_id AND d.id = t.device_id WHERE t.device_id = $1 FOR UPDATE', values: [input.device.id] })
      ).rows[0];
      const refused = deviceRefusal(existing, code.clinic_id);
      if (refused) return refused;
      const clinicRecord = (
        await client.query<{ id: string }>({ name: 'td_redeem_clinic_record', text: "SELECT id FROM entities WHERE clinic_id = $1 AND entity = 'clinic' AND NOT deleted", values: [code.clinic_id] })
      ).rows[0];
      // Locked (device, then clinic: the order every writer takes them in) so two set-up desks redeeming at once are decided one after the other.
      const setUpBy =
        (await client.query<{ set_up_by: string | null }>({ name: 'td_redeem_set_up_by', text: 'SELECT set_up_by FROM clinics WHERE id = $1 FOR UPDATE', values: [code.clinic_id] })).rows[0]?.set_up_by ?? null;
      const deskSetUp = input.deskSetUp === true;
      const setUpElsewhere = setUpElsewhereRefusal({ deskSetUp, setUpBy, deviceId: input.device.id, clinicHasRecord: clinicRecord !== undefined, enrolledHere: existing !== undefined });
      if (setUpElsewhere) return setUpElsewhere;
      // The first set-up desk claims the clinic in this same transaction, so a second one is refused even before either pushes.
      if (deskSetUp && setUpBy === null) await client.query({ name: 'td_redeem_claim_set_up', text: 'UPDATE clinics SET set_up_by = $1 WHERE id = $2', values: [input.device.id, code.clinic_id] });
      await client.query({ name: 'td_6', text: 'UPDATE enrollment_codes SET used_at = $1 WHERE code_hash = $2', values: [input.now, input.codeHash] });
      if (existing) {
        await client.query({ name: 'td_7', text: 'WITH named AS (UPDATE devices SET name = $2 WHERE clinic_id = $3 AND id = $4) UPDATE device_tokens SET token_hash = $1 WHERE device_id = $4', values: [input.device.tokenHash, input.device.name, code.clinic_id, input.device.id] });
      } else {
        await client.query({ name: 'td_8', text: 'WITH added AS (INSERT INTO devices (clinic_id, id, name, created_at) VALUES ($1, $2, $3, $5)) INSERT INTO device_tokens (device_id, clinic_id, token_hash) VALUES ($2, $1, $4)', values: [
          code.clinic_id,
          input.device.id,
          input.device.name,
          input.device.tokenHash,
          input.now,
        ] });
      }
      const clinic = (await client.query<ClinicRow>({ name: 'td_9', text: 'SELECT * FROM clinics WHERE id = $1', values: [code.clinic_id] })).rows[0];
      if (!clinic) throw new Error(`enrollment code points at missing clinic ${code.clinic_id}`);
      return { ok: true as const, clinic: toClinic(clinic) };
    });
  }

  async findDeviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const { rows } = await this.query<DeviceRow>({ name: 'td_10', text: 'SELECT d.* FROM device_tokens t JOIN devices d ON d.clinic_id = t.clinic_id AND d.id = t.device_id WHERE t.token_hash = $1', values: [tokenHash] });
    return rows[0] ? toDevice(rows[0]) : null;
  }

  async getDevice(deviceId: string): Promise<DeviceRecord | null> {
    const { rows } = await this.query<DeviceRow>({ name: 'td_11', text: 'SELECT d.* FROM device_tokens t JOIN devices d ON d.clinic_id = t.clinic_id AND d.id = t.device_id WHERE t.device_id = $1', values: [deviceId] });
    return rows[0] ? toDevice(rows[0]) : null;
  }

  async listDevices(clinicId: string): Promise<DeviceRecord[]> {
    const { rows } = await this.query<DeviceRow>({ name: 'td_12', text: 'SELECT * FROM devices WHERE clinic_id = $1 ORDER BY created_at, id', values: [clinicId] });
    return rows.map(toDevice);
  }

  async revokeDevice(deviceId: string, at: string): Promise<boolean> {
    const result = await this.query({ name: 'td_13', text: 'UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND clinic_id = (SELECT clinic_id FROM device_tokens WHERE device_id = $2)', values: [at, deviceId] });
    return (result.rowCount ?? 0) > 0;
  }

  write<T>(clinicId: string, deviceId: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.transaction(async (client) => {
      const tx: WriteTransaction = {
        device: async () => {
          const { rows } = await client.query<DeviceRow>({ name: 'td_14', text: 'SELECT * FROM devices WHERE clinic_id = $2 AND id = $1 FOR UPDATE', values: [deviceId, clinicId] });
          if (!rows[0]) throw new Error(`device ${deviceId} is not enrolled in clinic ${clinicId}`);
          return toDevice(rows[0]);
        },
        findMutation: async (mutationId) => {
          const { rows } = await client.query<{ mutation_id: string; clinic_id: string; device_id: string; device_seq: string; result: MutationRecord['result'] }>({ name: 'td_15', text: 'SELECT * FROM mutations WHERE clinic_id = $1 AND mutation_id = $2', values: [clinicId, mutationId] });
          const row = rows[0];
          return row ? { mutationId: row.mutation_id, clinicId: row.clinic_id, deviceId: row.device_id, deviceSeq: Number(row.device_seq), result: row.result } : null;
        },
        recordMutation: async (record) => {
          // One round trip: every round trip inside a write is time the clinic's change lock is held.
          await client.query({ name: 'td_16', text: `WITH recorded AS (INSERT INTO mutations (mutation_id, clinic_id, device_id, device_seq, result) VALUES ($1, $2, $3, $4, $5))
             UPDATE devices SET last_device_seq = $4 WHERE clinic_id = $2 AND id = $3`, values: [record.mutationId, clinicId, deviceId, record.deviceSeq, JSON.stringify(record.result)] });
        },
        advanceDeviceSeq: async (deviceSeq) => {
          await client.query({ name: 'td_17', text: 'UPDATE devices SET last_device_seq = $1 WHERE clinic_id = $3 AND id = $2', values: [deviceSeq, deviceId, clinicId] });
        },
        savepoint: async (work) => {
          // Row locks the transaction held before the savepoint survive a rollback to it (PostgreSQL ≥ 9.3).
          await client.query('SAVEPOINT mutation');
          try {
            const result = await work();
            await client.query('RELEASE SAVEPOINT mutation');
            return result;
          } catch (error) {
            await client.query('ROLLBACK TO SAVEPOINT mutation');
            await client.query('RELEASE SAVEPOINT mutation');
            throw error;
          }
        },
        lockChanges: async () => {
          const { rows } = await client.query<{ last_change: string }>({ name: 'td_18', text: 'SELECT last_change FROM clinics WHERE id = $1 FOR UPDATE', values: [clinicId] });
          if (!rows[0]) throw new Error(`unknown clinic ${clinicId}`);
          return Number(rows[0].last_change);
        },
        writeRecord: async (record) => {
          // The UPDATE takes the counter row's lock (if not held yet) and keeps it until COMMIT.
          const data = record.data === undefined || record.op === 'delete' ? null : JSON.stringify(record.data);
          const { rows } = await client.query<{ version: string }>({ name: 'td_19', text: `WITH counter AS (
               UPDATE clinics SET last_change = last_change + 1 WHERE id = $1 RETURNING last_change
             ), logged AS (
               INSERT INTO changes (clinic_id, change, entity, id, op, version, data)
               SELECT $1, last_change, $2, $3, $4, last_change, $5::jsonb FROM counter RETURNING change
             )
             INSERT INTO entities (clinic_id, entity, id, version, data, deleted, device_id)
             SELECT $1, $2, $3, change, $5::jsonb, $6, $7 FROM logged
             ON CONFLICT (clinic_id, entity, id) DO UPDATE SET version = excluded.version, data = excluded.data, deleted = excluded.deleted, device_id = excluded.device_id
             RETURNING version`, values: [clinicId, record.entity, record.id, record.op, data, record.op === 'delete', record.deviceId ?? deviceId] });
          if (!rows[0]) throw new Error(`unknown clinic ${clinicId}`);
          return Number(rows[0].version);
        },
        getEntity: async (entity, id) => {
          const { rows } = await client.query<EntityRow>({ name: 'td_20', text: 'SELECT * FROM entities WHERE clinic_id = $1 AND entity = $2 AND id = $3', values: [clinicId, entity, id] });
          return rows[0] ? toEntity(rows[0]) : null;
        },
        getEntities: async (entity, ids) => {
          if (ids.length === 0) return [];
          const { rows } = await client.query<EntityRow>({ name: 'td_21', text: 'SELECT * FROM entities WHERE clinic_id = $1 AND entity = $2 AND id = ANY($3::text[])', values: [clinicId, entity, [...ids]] });
          return rows.map(toEntity);
        },
        prefetch: async () => undefined,
        seriesExceptions: async (seriesIds) => {
          if (seriesIds.length === 0) return [];
          const { rows } = await client.query<EntityRow>({ name: 'td_series_exceptions', text: "SELECT * FROM entities WHERE clinic_id = $1 AND entity = 'seriesException' AND NOT deleted AND data->>'seriesId' = ANY($2::text[]) ORDER BY id", values: [clinicId, [...seriesIds]] });
          return rows.map(toEntity);
        },
        listEntities: async (entity) => {
          const { rows } = await client.query<EntityRow>({ name: 'td_list_entities', text: 'SELECT * FROM entities WHERE clinic_id = $1 AND entity = $2 AND NOT deleted ORDER BY id', values: [clinicId, entity] });
          return rows.map(toEntity);
        },
        findSeriesTouching: async (resourceIds, patientIds) => {
          // jsonb ?| : does the array hold any of these strings. One round trip for both lists.
          const { rows } = await client.query<EntityRow & { list: 'series' | 'exception' }>({ name: 'td_series_touching', text: `WITH touching AS (
               SELECT * FROM entities s WHERE s.clinic_id = $1 AND s.entity = 'series' AND NOT s.deleted AND (
                 s.data->>'patientId' = ANY($3::text[])
                 OR s.data->'resourceIds' ?| $2::text[]
                 OR s.id IN (SELECT x.data->>'seriesId' FROM entities x
                   WHERE x.clinic_id = $1 AND x.entity = 'seriesException' AND NOT x.deleted AND x.data->>'kind' = 'moved' AND x.data->'resourceIds' ?| $2::text[])
               )
             )
             SELECT 'series' AS list, * FROM touching
             UNION ALL
             SELECT 'exception' AS list, e.* FROM entities e
             WHERE e.clinic_id = $1 AND e.entity = 'seriesException' AND NOT e.deleted AND e.data->>'seriesId' IN (SELECT id FROM touching)
             ORDER BY list DESC, id`, values: [clinicId, [...resourceIds], [...patientIds]] });
          return { series: rows.filter((row) => row.list === 'series').map(toEntity), exceptions: rows.filter((row) => row.list === 'exception').map(toEntity) };
        },
        recordAt: async (entity, id, version) => {
          const { rows } = await client.query<{ data: Record<string, unknown> | null }>({ name: 'td_record_at', text: "SELECT data FROM changes WHERE clinic_id = $1 AND change = $2 AND entity = $3 AND id = $4 AND op = 'put'", values: [clinicId, version, entity, id] });
          return rows[0]?.data ?? null;
        },
        deskCopy: async (entity, id): Promise<DeskCopy | null> => {
          const { rows } = await client.query<{ desk_version: string; data: Record<string, unknown> }>({ name: 'td_desk_copy', text: 'SELECT desk_version, data FROM desk_copies WHERE clinic_id = $1 AND entity = $2 AND id = $3 AND device_id = $4', values: [clinicId, entity, id, deviceId] });
          return rows[0] ? { deskVersion: Number(rows[0].desk_version), data: rows[0].data } : null;
        },
        saveDeskCopy: async (entity, id, copy) => {
          await client.query({ name: 'td_save_desk_copy', text: `INSERT INTO desk_copies (clinic_id, entity, id, device_id, desk_version, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
             ON CONFLICT (clinic_id, entity, id, device_id) DO UPDATE SET desk_version = excluded.desk_version, data = excluded.data`, values: [clinicId, entity, id, deviceId, copy.deskVersion, JSON.stringify(copy.data)] });
        },
        replaceBookingSlots: async (appointmentId, slots) => {
          // Drop the keys no longer held and upsert the rest, in one statement (the two touch disjoint rows).
          await client.query({ name: 'td_22', text: `WITH gone AS (
               DELETE FROM booking_slots WHERE clinic_id = $1 AND appointment_id = $2 AND NOT (key = ANY($3::text[]))
             )
             INSERT INTO booking_slots (clinic_id, appointment_id, key, start_ms, end_ms)
             SELECT $1, $2, * FROM unnest($3::text[], $4::bigint[], $5::bigint[])
             ON CONFLICT (clinic_id, appointment_id, key) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms`, values: [clinicId, appointmentId, slots.map((slot) => slot.key), slots.map((slot) => slot.startMs), slots.map((slot) => slot.endMs)] });
        },
        findOverlappingAppointments: async (keys, startMs, endMs) => {
          if (keys.length === 0) return [];
          // start_ms > start − longest booking bounds the index range scan. The
          // lateral join looks each hit up by primary key: an IN (…) let the
          // planner hash-join every appointment of the clinic (20 ms at 1,500).
          const { rows } = await client.query<EntityRow>({ name: 'td_23', text: `SELECT e.* FROM (
               SELECT DISTINCT appointment_id FROM booking_slots
               WHERE clinic_id = $1 AND key = ANY($2::text[]) AND start_ms < $3 AND start_ms > $4 AND end_ms > $5
             ) slot
             CROSS JOIN LATERAL (
               SELECT * FROM entities WHERE clinic_id = $1 AND entity = 'appointment' AND id = slot.appointment_id
             ) e
             ORDER BY e.id`, values: [clinicId, [...keys], endMs, startMs - maxBookingMs - 1, startMs] });
          return rows.map(toEntity);
        },
        insertConflict: async (conflict) => {
          await client.query({ name: 'td_24', text: 'INSERT INTO conflicts (clinic_id, id, appointment_id, detected_at_change) VALUES ($1, $2, $3, $4)', values: [
            clinicId,
            conflict.id,
            conflict.appointmentId,
            conflict.detectedAtChange,
          ] });
        },
        auditHead: async () => {
          const { rows } = await client.query<{ seq: string; hash: string }>({ name: 'td_25', text: 'SELECT seq, hash FROM audit_entries WHERE clinic_id = $2 AND device_id = $1 ORDER BY seq DESC LIMIT 1', values: [deviceId, clinicId] });
          return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
        },
        auditHashAt: async (seq) => {
          const { rows } = await client.query<{ hash: string }>({ name: 'td_26', text: 'SELECT hash FROM audit_entries WHERE clinic_id = $3 AND device_id = $1 AND seq = $2', values: [deviceId, seq, clinicId] });
          return rows[0]?.hash ?? null;
        },
        appendAudit: async (record: AuditRecord) => {
          await client.query({ name: 'td_27', text: 'INSERT INTO audit_entries (clinic_id, device_id, seq, hash, prev_hash, entry) VALUES ($1, $2, $3, $4, $5, $6)', values: [
            clinicId,
            deviceId,
            record.seq,
            record.hash,
            record.prevHash,
            JSON.stringify(record.entry),
          ] });
        },
      };
      const result = await work(tx);
      await this.testHooks?.beforeCommit?.({ clinicId, deviceId });
      return result;
    });
  }

  async auditHead(clinicId: string, deviceId: string): Promise<AuditHeadRecord | null> {
    const { rows } = await this.query<{ seq: string; hash: string }>({ name: 'td_28', text: 'SELECT seq, hash FROM audit_entries WHERE clinic_id = $1 AND device_id = $2 ORDER BY seq DESC LIMIT 1', values: [clinicId, deviceId] });
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  async readChanges(clinicId: string, after: number, limit: number): Promise<ChangeRecord[]> {
    const { rows } = await this.query<ChangeRow>({ name: 'td_29', text: 'SELECT change, entity, id, op, version, data FROM changes WHERE clinic_id = $1 AND change > $2 ORDER BY change LIMIT $3', values: [
      clinicId,
      after,
      limit,
    ] });
    return rows.map(toChange);
  }

  async readAudit(clinicId: string, deviceId: string, fromSeq: number, limit: number): Promise<AuditRecord[]> {
    const { rows } = await this.query<{ seq: string; hash: string; prev_hash: string; entry: Record<string, unknown> }>(
      'SELECT seq, hash, prev_hash, entry FROM audit_entries WHERE clinic_id = $1 AND device_id = $2 AND seq >= $3 ORDER BY seq LIMIT $4',
      [clinicId, deviceId, fromSeq, limit],
    );
    return rows.map((row) => ({ seq: Number(row.seq), hash: row.hash, prevHash: row.prev_hash, entry: row.entry }));
  }

  async rawExecute(sql: string): Promise<void> {
    await this.query(sql);
  }

  async countRequest(scope: string, key: string, windowStartMs: number): Promise<number> {
    // One statement: concurrent requests on any instance queue on the row, none reads a stale count.
    const { rows } = await this.query<{ count: string }>({ name: 'td_count_request', text: `INSERT INTO request_counts (scope, key, window_start, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (scope, key) DO UPDATE SET
         count = CASE WHEN request_counts.window_start = excluded.window_start THEN request_counts.count + 1 ELSE 1 END,
         window_start = excluded.window_start
       RETURNING count`, values: [scope, key, windowStartMs] });
    return Number(rows[0]?.count ?? 1);
  }

  async purgeRequestCounts(beforeMs: number): Promise<void> {
    await this.query({ name: 'td_purge_requests', text: 'DELETE FROM request_counts WHERE window_start < $1', values: [beforeMs] });
  }

  async checkHealth(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** pool.query with the store's errors (503-worthy failures become {@link StorageUnavailableError}). */
  private async query<Row extends pg.QueryResultRow = pg.QueryResultRow>(config: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult<Row>> {
    try {
      return await this.pool.query<Row>(config as pg.QueryConfig, values);
    } catch (error) {
      throw toStorageError(error, this.pool);
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toStorageError(error, this.pool);
    }
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // The connection itself failed: do not hand it back to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw toStorageError(error, this.pool);
    } finally {
      client.release(broken);
    }
  }
}
