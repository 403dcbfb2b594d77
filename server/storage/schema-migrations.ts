import { pushFunctionsSql } from './postgres-push-functions';

/** The two SQL dialects the sync server stores in. */
export type Dialect = 'sqlite' | 'postgres';

/** The column types one SQL dialect stores the sync tables' values in. */
export interface ColumnTypes {
  /** Counters, versions, sequences and millisecond instants (they pass 2^31). */
  integer: string;
  /** Record data and mutation results, read back as a whole. */
  json: string;
  /** Audit entries (PostgreSQL: JSON, not JSONB, which keeps the text as written, key order included). */
  auditEntry: string;
  /** The `deleted` flag of an entity. */
  boolean: string;
}

/** Each dialect's {@link ColumnTypes}. */
export const columnTypes: Readonly<Record<Dialect, ColumnTypes>> = {
  sqlite: { integer: 'INTEGER', json: 'TEXT', auditEntry: 'TEXT', boolean: 'INTEGER' },
  postgres: { integer: 'BIGINT', json: 'JSONB', auditEntry: 'JSON', boolean: 'BOOLEAN' },
};

/** A column added to a table that may already exist without it (a database older than the column). */
export interface AddedColumn {
  table: string;
  column: string;
  /** Its SQL type and constraints, the same in both dialects (nullable: existing rows get NULL). */
  definition: string;
}

/**
 * One step of a migration: SQL (one or more statements), or a column to add
 * when the table lacks it — PostgreSQL has `ADD COLUMN IF NOT EXISTS`, SQLite
 * does not, so its runner reads `PRAGMA table_info` first.
 */
export type MigrationStep = string | { addColumn: AddedColumn };

/**
 * A numbered change to the schema. The runners (sqlite-storage.ts,
 * postgres-storage.ts) apply every migration a database has not recorded in
 * `schema_migrations`, in order, each in its own transaction together with
 * its row, so a migration is applied completely or not at all, and exactly
 * once: PostgreSQL instances starting together queue on an advisory lock,
 * and a process killed mid-migration leaves it unrecorded and rolled back
 * (`schema-migrations.test.ts`, `main-process.test.ts`).
 *
 * Rules: append only, never edit a shipped migration; every table is keyed
 * by clinic first (server/README.md, "Distributing by clinic") except the
 * lookups by a secret's hash (`enrollment_codes`, `device_tokens`).
 */
export interface Migration {
  version: number;
  name: string;
  steps(dialect: Dialect): readonly MigrationStep[];
}

function appendOnlyAudit(dialect: Dialect): string {
  if (dialect === 'sqlite') {
    return `CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;`;
  }
  return `CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP; END $$;
CREATE OR REPLACE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE OR REPLACE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();`;
}

/**
 * The tables as they shipped before migrations were numbered (issue 6). Every
 * statement is "if not exists", so a database created by that code passes
 * through it unchanged and is then recorded at version 1.
 */
function baselineSql(types: ColumnTypes): string {
  const { integer, json, auditEntry, boolean } = types;
  return `CREATE TABLE IF NOT EXISTS clinics (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, time_zone TEXT NOT NULL, created_at TEXT NOT NULL,
  last_change ${integer} NOT NULL DEFAULT 0, set_up_by TEXT);
CREATE TABLE IF NOT EXISTS enrollment_codes (
  code_hash TEXT PRIMARY KEY, clinic_id TEXT NOT NULL REFERENCES clinics(id), created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL, used_at TEXT);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, clinic_id TEXT NOT NULL REFERENCES clinics(id), name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT,
  last_device_seq ${integer} NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS devices_clinic ON devices(clinic_id);
CREATE TABLE IF NOT EXISTS mutations (
  mutation_id TEXT PRIMARY KEY, clinic_id TEXT NOT NULL, device_id TEXT NOT NULL REFERENCES devices(id),
  device_seq ${integer} NOT NULL, result ${json} NOT NULL, UNIQUE (device_id, device_seq));
CREATE TABLE IF NOT EXISTS entities (
  clinic_id TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL, version ${integer} NOT NULL,
  data ${json}, deleted ${boolean} NOT NULL, device_id TEXT NOT NULL, PRIMARY KEY (clinic_id, entity, id));
CREATE TABLE IF NOT EXISTS booking_slots (
  clinic_id TEXT NOT NULL, appointment_id TEXT NOT NULL, key TEXT NOT NULL, start_ms ${integer} NOT NULL,
  end_ms ${integer} NOT NULL, PRIMARY KEY (clinic_id, appointment_id, key));
CREATE INDEX IF NOT EXISTS booking_slots_key_start ON booking_slots(clinic_id, key, start_ms);
CREATE TABLE IF NOT EXISTS changes (
  clinic_id TEXT NOT NULL, change ${integer} NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL, op TEXT NOT NULL,
  version ${integer} NOT NULL, data ${json}, PRIMARY KEY (clinic_id, change));
CREATE TABLE IF NOT EXISTS conflicts (
  clinic_id TEXT NOT NULL, id TEXT NOT NULL, appointment_id TEXT NOT NULL, detected_at_change ${integer} NOT NULL,
  PRIMARY KEY (clinic_id, id));
CREATE TABLE IF NOT EXISTS desk_copies (
  clinic_id TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL, device_id TEXT NOT NULL,
  desk_version ${integer} NOT NULL, data ${json} NOT NULL, PRIMARY KEY (clinic_id, entity, id, device_id));
CREATE TABLE IF NOT EXISTS audit_entries (
  clinic_id TEXT NOT NULL, device_id TEXT NOT NULL REFERENCES devices(id), seq ${integer} NOT NULL,
  hash TEXT NOT NULL, prev_hash TEXT NOT NULL, entry ${auditEntry} NOT NULL, PRIMARY KEY (device_id, seq));`;
}

/**
 * Clinic-first keys (for distributing by clinic, e.g. on Citus): `devices`,
 * `mutations` and `audit_entries` get keys that start with `clinic_id`, and
 * the token lookup moves to `device_tokens`, the one table besides
 * `enrollment_codes` read by a hash before the clinic is known. Device ids
 * stay unique across clinics (`device_tokens.device_id`); mutation ids are
 * unique per clinic.
 */
function clinicFirstKeys(dialect: Dialect): string {
  const { integer, json, auditEntry } = columnTypes[dialect];
  const tokens = `CREATE TABLE device_tokens (
  device_id TEXT PRIMARY KEY, clinic_id TEXT NOT NULL REFERENCES clinics(id), token_hash TEXT NOT NULL UNIQUE);
INSERT INTO device_tokens (device_id, clinic_id, token_hash) SELECT id, clinic_id, token_hash FROM devices;`;
  if (dialect === 'postgres') {
    // In place: no row is rewritten, and ALTER TABLE fires no row trigger on audit_entries.
    return `${tokens}
ALTER TABLE mutations DROP CONSTRAINT mutations_device_id_fkey;
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_device_id_fkey;
DROP INDEX devices_clinic;
ALTER TABLE devices DROP CONSTRAINT devices_pkey, DROP COLUMN token_hash, ADD PRIMARY KEY (clinic_id, id);
ALTER TABLE mutations DROP CONSTRAINT mutations_pkey, DROP CONSTRAINT mutations_device_id_device_seq_key,
  ADD PRIMARY KEY (clinic_id, mutation_id), ADD UNIQUE (clinic_id, device_id, device_seq),
  ADD FOREIGN KEY (clinic_id, device_id) REFERENCES devices (clinic_id, id);
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_pkey, ADD PRIMARY KEY (clinic_id, device_id, seq),
  ADD FOREIGN KEY (clinic_id, device_id) REFERENCES devices (clinic_id, id);`;
  }
  // SQLite cannot change a primary key: rebuild the three tables (its documented
  // procedure, with foreign keys off during the migration) and re-create the triggers.
  return `${tokens}
CREATE TABLE devices_v2 (
  clinic_id TEXT NOT NULL REFERENCES clinics(id), id TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL,
  revoked_at TEXT, last_device_seq ${integer} NOT NULL DEFAULT 0, PRIMARY KEY (clinic_id, id));
INSERT INTO devices_v2 (clinic_id, id, name, created_at, revoked_at, last_device_seq)
  SELECT clinic_id, id, name, created_at, revoked_at, last_device_seq FROM devices;
CREATE TABLE mutations_v2 (
  clinic_id TEXT NOT NULL, mutation_id TEXT NOT NULL, device_id TEXT NOT NULL, device_seq ${integer} NOT NULL,
  result ${json} NOT NULL, PRIMARY KEY (clinic_id, mutation_id), UNIQUE (clinic_id, device_id, device_seq),
  FOREIGN KEY (clinic_id, device_id) REFERENCES devices (clinic_id, id));
INSERT INTO mutations_v2 (clinic_id, mutation_id, device_id, device_seq, result)
  SELECT clinic_id, mutation_id, device_id, device_seq, result FROM mutations;
CREATE TABLE audit_entries_v2 (
  clinic_id TEXT NOT NULL, device_id TEXT NOT NULL, seq ${integer} NOT NULL, hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL, entry ${auditEntry} NOT NULL, PRIMARY KEY (clinic_id, device_id, seq),
  FOREIGN KEY (clinic_id, device_id) REFERENCES devices (clinic_id, id));
INSERT INTO audit_entries_v2 (clinic_id, device_id, seq, hash, prev_hash, entry)
  SELECT clinic_id, device_id, seq, hash, prev_hash, entry FROM audit_entries;
DROP TABLE mutations;
DROP TABLE audit_entries;
DROP TABLE devices;
ALTER TABLE devices_v2 RENAME TO devices;
ALTER TABLE mutations_v2 RENAME TO mutations;
ALTER TABLE audit_entries_v2 RENAME TO audit_entries;
${appendOnlyAudit('sqlite')}`;
}

/**
 * Every schema change, oldest first. Append a new one at the end with the
 * next version; never edit or reorder a shipped one.
 *
 * @example migrations.at(-1)?.version // the schema version a fully migrated database records
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'baseline (the tables of issue 6)',
    steps: (dialect) => [
      baselineSql(columnTypes[dialect]),
      // Added after `clinics` first shipped: the device that enrolled first as a set-up desk.
      { addColumn: { table: 'clinics', column: 'set_up_by', definition: 'TEXT' } },
      appendOnlyAudit(dialect),
    ],
  },
  { version: 2, name: 'clinic-first keys; device tokens in their own lookup table', steps: (dialect) => [clinicFirstKeys(dialect)] },
  {
    version: 3,
    name: 'request counters (rate limits shared by every instance)',
    steps: (dialect) => [
      `CREATE TABLE request_counts (
  scope TEXT NOT NULL, key TEXT NOT NULL, window_start ${columnTypes[dialect].integer} NOT NULL, count ${columnTypes[dialect].integer} NOT NULL,
  PRIMARY KEY (scope, key));`,
    ],
  },
  {
    version: 4,
    name: 'index of series exceptions by series',
    // A series save reads only the exceptions of the series it touches.
    steps: (dialect) => [
      dialect === 'postgres'
        ? `CREATE INDEX entities_exceptions_by_series ON entities (clinic_id, (data->>'seriesId')) WHERE entity = 'seriesException';`
        : `CREATE INDEX entities_exceptions_by_series ON entities (clinic_id, json_extract(data, '$.seriesId')) WHERE entity = 'seriesException';`,
    ],
  },
  {
    version: 5,
    name: 'push functions (PostgreSQL: a push in two round trips); the staff member who wrote each record',
    steps: (dialect) => [
      // A concurrent-edit record names who made the kept change, not only the desk.
      { addColumn: { table: 'entities', column: 'staff_id', definition: 'TEXT' } },
      // SQLite runs in-process: a statement costs microseconds there, it needs no functions.
      ...(dialect === 'postgres' ? [pushFunctionsSql] : []),
    ],
  },
];

/**
 * The version a fully migrated database is at.
 *
 * @example latestSchemaVersion // 5
 */
export const latestSchemaVersion: number = migrations.at(-1)?.version ?? 0;

/**
 * `schema_migrations`: which migrations a database holds (created by the runners before anything else).
 *
 * @example schemaMigrationsTableSql // 'CREATE TABLE IF NOT EXISTS schema_migrations (…'
 */
export const schemaMigrationsTableSql = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';
