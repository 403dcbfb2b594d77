import pg from 'pg';
import { toClinic, toDevice } from './account-rows';
import type { ClinicRow, DeviceRow } from './account-rows';
import { deviceRefusal, redeemableCode, setUpElsewhereRefusal } from './enrollment-checks';
import type {
  AuditHeadRecord,
  AuditRecord,
  ChangeRecord,
  ClinicRecord,
  DeviceRecord,
  RawSqlAccess,
  Storage,
  StorageTestHooks,
  SyncEntity,
  WriteTransaction,
} from './storage';
import { BufferedWriteTransaction } from './buffered-write-transaction';
import { toStorageError } from './postgres-errors';
import { postgresPushStore } from './postgres-push-store';
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

interface ChangeRow { change: string; entity: string; id: string; op: string; version: string; data: Record<string, unknown> | null }

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
  /** `application_name` of its connections (default `timedesk-sync`): tells instances apart in pg_stat_activity. */
  applicationName?: string;
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
    application_name: options.applicationName ?? 'timedesk-sync',
    // Generic plans: every statement is a lookup by clinic and key, so planning
    // it again for each push's values buys nothing and costs a millisecond under the lock.
    options: `-c plan_cache_mode=force_generic_plan${options.schema === undefined ? '' : ` -c search_path=${options.schema}`}`,
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

const ignoreCheckedOutError = () => undefined;

/** Hands a connection back (destroying it when `broken`), without the checked-out error listener. */
function release(client: pg.PoolClient, broken: Error | undefined): void {
  client.off('error', ignoreCheckedOutError);
  client.release(broken);
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

  async write<T>(clinicId: string, deviceId: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    // Reads ahead and writes behind (buffered-write-transaction.ts): a push is
    // two round trips whatever its size — BEGIN with the locks and the reads,
    // the writes with COMMIT — not ten per mutation under the clinic's change lock.
    const client = await this.connect();
    const store = postgresPushStore(client, clinicId, deviceId);
    let broken: Error | undefined;
    try {
      const tx = new BufferedWriteTransaction(store, clinicId, deviceId);
      const result = await work(tx);
      const beforeCommit = this.testHooks?.beforeCommit;
      if (beforeCommit === undefined) {
        await tx.flush({ commit: true });
      } else {
        await tx.flush({ commit: false });
        await beforeCommit({ clinicId, deviceId });
        await tx.flush({ commit: true });
      }
      return result;
    } catch (error) {
      if (store.begun) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // The connection itself failed: do not hand it back to the pool.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
      }
      throw toStorageError(error, this.pool);
    } finally {
      release(client, broken);
    }
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
    // One upsert: concurrent requests on any instance queue on the row, none reads a stale
    // count. Committed without waiting for the WAL flush (synchronous_commit off for this
    // transaction only): a count lost in a crash lets a desk make a few requests more, while
    // waiting for the disk on every request would cost every push an fsync. One round trip
    // (a simple query; the values are escaped literals).
    const literal = (value: string) => pg.escapeLiteral(value);
    const result = (await this.simpleTransaction(`BEGIN; SET LOCAL synchronous_commit TO off;
      INSERT INTO request_counts (scope, key, window_start, count) VALUES (${literal(scope)}, ${literal(key)}, ${Math.trunc(windowStartMs)}, 1)
      ON CONFLICT (scope, key) DO UPDATE SET
        count = CASE WHEN request_counts.window_start = excluded.window_start THEN request_counts.count + 1 ELSE 1 END,
        window_start = excluded.window_start
      RETURNING count; COMMIT`)) as unknown as pg.QueryResult<{ count: string }>[];
    return Number(result[2]?.rows[0]?.count ?? 1);
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

  /**
   * Runs a simple query that opens and commits its own transaction (`BEGIN; …; COMMIT`, one
   * round trip); on failure rolls back, so the connection never goes back to the pool inside
   * an aborted transaction.
   */
  private async simpleTransaction(text: string): Promise<pg.QueryResult | pg.QueryResult[]> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      return (await client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw toStorageError(error, this.pool);
    } finally {
      release(client, broken);
    }
  }

  /**
   * A pooled connection for one transaction. While it is checked out, a
   * connection dropped by the server emits `error` on it (pg-pool listens only
   * on idle ones): the query in flight rejects anyway, so the event is
   * swallowed here rather than crash the process; {@link release} drops it.
   */
  private async connect(): Promise<pg.PoolClient> {
    try {
      const client = await this.pool.connect();
      client.on('error', ignoreCheckedOutError);
      return client;
    } catch (error) {
      throw toStorageError(error, this.pool);
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
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
      release(client, broken);
    }
  }
}
