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

/**
 * The sync tables and indexes both adapters create, in one place so the two
 * stores cannot drift apart; only the column types differ by dialect. The
 * dialect's own parts (pragmas, append-only triggers) stay in each adapter.
 *
 * @example tablesSql({ integer: 'INTEGER', json: 'TEXT', auditEntry: 'TEXT', boolean: 'INTEGER' }) // 'CREATE TABLE IF NOT EXISTS clinics (…'
 */
export function tablesSql(types: ColumnTypes): string {
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
  hash TEXT NOT NULL, prev_hash TEXT NOT NULL, entry ${auditEntry} NOT NULL, PRIMARY KEY (device_id, seq));
`;
}

/** A column added after its table first shipped; see {@link addedColumns}. */
export interface AddedColumn {
  table: string;
  column: string;
  /** Its SQL type and constraints, the same in both dialects (nullable: existing rows get NULL). */
  definition: string;
}

/**
 * Columns added to existing tables since they first shipped. `CREATE TABLE IF
 * NOT EXISTS` leaves an existing table as it is, so each adapter adds these
 * when its database lacks them (PostgreSQL `ADD COLUMN IF NOT EXISTS`, SQLite
 * after reading `PRAGMA table_info`, which has no such clause). New tables
 * already carry them. Append only; never reorder or remove.
 *
 * @example addedColumns[0] // { table: 'clinics', column: 'set_up_by', definition: 'TEXT' }
 */
export const addedColumns: readonly AddedColumn[] = [
  // The device that enrolled first as a set-up desk (`deskSetUp`): a later one from another device is refused.
  { table: 'clinics', column: 'set_up_by', definition: 'TEXT' },
];
