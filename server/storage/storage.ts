/**
 * The ONE storage interface of the sync server. Two adapters implement it
 * (sqlite-storage.ts, postgres-storage.ts) and pass the same contract suite
 * (storage.contract.ts). Business rules (sequence checks, effect validation,
 * double-booking detection, audit chains) live in server/sync and server/accounts
 * and run on top of these primitives, so there is one copy of them.
 *
 * Every method is scoped: clinic data is only reachable with a clinic id, and
 * a write transaction is opened for one (clinic, device) pair.
 */

/** A clinic (tenant). `lastChange` is its change counter: the newest change number handed out. */
export interface ClinicRecord {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
  lastChange: number;
}

/** An enrolled desk. Its token is never stored, only the token's SHA-256 (`device_tokens`), which no read returns. */
export interface DeviceRecord {
  id: string;
  clinicId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  /** The deviceSeq of the newest mutation recorded for this device (0 before the first). */
  lastDeviceSeq: number;
}

/** A one-time enrollment code, stored hashed. */
export interface EnrollmentCodeRecord {
  codeHash: string;
  clinicId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** Why a code could not be redeemed. */
export type RedeemProblem = 'unknown-code' | 'code-expired' | 'code-used' | 'device-taken' | 'device-revoked' | 'clinic-set-up-elsewhere';

/** The outcome a mutation is recorded with; replays return it unchanged. */
export interface MutationResult {
  mutationId: string;
  status: 'applied' | 'conflict' | 'rejected';
  change?: number;
  conflictId?: string;
  reason?: { code: string; field: string; message: string };
}

/** A recorded mutation, keyed by its id within the clinic. */
export interface MutationRecord {
  mutationId: string;
  clinicId: string;
  deviceId: string;
  deviceSeq: number;
  result: MutationResult;
}

/**
 * Entities the protocol syncs (see server/PROTOCOL.md). `availability` (the
 * v3 weekday rule) is kept for the records and change log stored before
 * schedule blocks: the upgrade tombstones those rules (schedule-upgrade.ts)
 * and effect validation refuses new ones.
 */
export const syncEntities = ['appointment', 'series', 'seriesException', 'patient', 'resource', 'scheduleBlock', 'visitConfirmation', 'waitlistEntry', 'contactConsent', 'availability', 'closure', 'staff', 'conflict', 'clinic', 'staffCredential'] as const;

/** One of {@link syncEntities}. */
export type SyncEntity = (typeof syncEntities)[number];

/** The current state of one record in a clinic. `version` is the change number that wrote it. */
export interface EntityRecord {
  entity: SyncEntity;
  id: string;
  version: number;
  data: Record<string, unknown> | null;
  deleted: boolean;
  /** The device whose mutation wrote this state. */
  deviceId: string;
  /** The staff member whose mutation wrote it, when the push's audit entries said (null: not known). */
  staffId: string | null;
}

/** One row of a clinic's change log, in change-number order. */
export interface ChangeRecord {
  change: number;
  entity: SyncEntity;
  id: string;
  op: 'put' | 'delete';
  version: number;
  data?: Record<string, unknown>;
}

/**
 * One booked interval per (appointment, key) — key `resource:<id>` or
 * `patient:<id>` — the index the double-booking check queries instead of
 * scanning every appointment. Times are epoch ms, half-open.
 */
export interface BookingSlot {
  key: string;
  startMs: number;
  endMs: number;
}

/**
 * The last copy of a record one device pushed, as that desk holds it: the
 * base of the desk's next offline edit of the record, whose `baseVersion` is
 * then the desk's own `version` (`deskVersion`), not a server change number.
 */
export interface DeskCopy {
  deskVersion: number;
  data: Record<string, unknown>;
}

/** A stored audit entry with its chain fields pulled out for indexing. */
export interface AuditRecord {
  seq: number;
  hash: string;
  prevHash: string;
  entry: Record<string, unknown>;
}

/** The last entry of a device's audit chain on the server. */
export interface AuditHeadRecord {
  seq: number;
  hash: string;
}

/**
 * What a push is about to read, so a store that pays per round trip
 * (PostgreSQL) can fetch it all at once: one query per table, `= ANY(…)`.
 * Advisory: a read the plan did not name still works, it only costs a round
 * trip. server/sync/push-read-plan.ts builds it from a push's effects; it
 * names records by (entity, id) and never by kind, so a new synced entity
 * needs nothing here.
 */
export interface ReadPlan {
  /** Mutation ids to look up (a replayed push). */
  mutationIds: readonly string[];
  /** Current records. */
  records: readonly { entity: SyncEntity; id: string }[];
  /** This device's last pushed copies. */
  deskCopies: readonly { entity: SyncEntity; id: string }[];
  /** Change-log copies at a version (the base of a stale edit). */
  recordsAt: readonly { entity: SyncEntity; id: string; version: number }[];
  /** Booking-slot queries ({@link WriteTransaction.findOverlappingAppointments}). */
  overlaps: readonly { keys: readonly string[]; startMs: number; endMs: number }[];
  /** Series a booking on these resources / of these patients can touch ({@link WriteTransaction.findSeriesTouching}). */
  seriesTouching: { resourceIds: readonly string[]; patientIds: readonly string[] };
  /** Series whose exceptions are read ({@link WriteTransaction.seriesExceptions}). */
  seriesExceptions: readonly string[];
  /** Audit seqs whose stored hash is compared (a resend). */
  auditSeqs: readonly number[];
  /** Whether the device's audit chain head is read too (a push reports it). */
  auditHead?: boolean;
}

/**
 * The store could not serve the request now, through no fault of the
 * request: its connection pool is exhausted, a statement ran past its
 * timeout, or the connection to the database was lost. Nothing of the
 * request was committed. The app answers 503 with `Retry-After`, and the
 * desk's retry is safe (pushes are idempotent).
 *
 * @example throw new StorageUnavailableError('busy', 'no database connection free within 2000 ms', 1);
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(
    readonly reason: 'busy' | 'timeout' | 'connection-lost',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * What a write transaction may do. Opened by {@link Storage.write} for one
 * clinic and one device; everything commits together or not at all.
 *
 * @example
 * await storage.write('clinic-1', 'desk-1', async (tx) => {
 *   const device = await tx.device();
 *   const change = await tx.writeRecord({ entity: 'patient', id: 'p1', op: 'put', data });
 * });
 */
export interface WriteTransaction {
  /** The device row, locked for the rest of the transaction (one push per device at a time). */
  device(): Promise<DeviceRecord>;
  /**
   * How a push starts: locks the device row, then (with `changes`) the
   * clinic's change counter — the order every writer takes them in — and
   * reads ahead what the push will read ({@link ReadPlan}), after the locks,
   * so nothing it read can change before the commit. On PostgreSQL all of it
   * is one round trip (postgres-push-functions.ts).
   */
  lockForPush(plan: ReadPlan, options: { changes: boolean }): Promise<void>;
  /** Reads ahead what `plan` names; later reads of it are answered without a round trip. */
  prefetch(plan: ReadPlan): Promise<void>;
  /**
   * Runs `work` as one unit inside the transaction (a SAVEPOINT): if it
   * throws, everything it wrote is undone and the error rethrown, and the
   * transaction goes on. Locks taken before it stay held either way. A push
   * applies each mutation in one, so a mutation and its recorded result are
   * all-or-nothing while the push commits once.
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
  /** A recorded mutation of this clinic, by any of its devices; the caller checks which. */
  findMutation(mutationId: string): Promise<MutationRecord | null>;
  /** Records a result and advances the device's lastDeviceSeq to `deviceSeq`. */
  recordMutation(record: Omit<MutationRecord, 'clinicId' | 'deviceId'>): Promise<void>;
  /** Advances the device's lastDeviceSeq without recording under a mutation id (a refused id collision). */
  advanceDeviceSeq(deviceSeq: number): Promise<void>;
  /**
   * Takes the clinic's change-counter lock and returns the counter. Held until
   * commit, so no change can commit behind a cursor already served. Call it
   * BEFORE reading state a decision depends on (the booking check);
   * {@link writeRecord} takes it anyway.
   */
  lockChanges(): Promise<number>;
  /**
   * Writes one effect: assigns the clinic's next change number (taking the
   * change lock), appends the change-log row and sets the record's current
   * state (version = that change number; a delete keeps a tombstone). Returns
   * the change number. One call, so a change row never exists without its state.
   * `deviceId` names the record's author when it is not this transaction's
   * device (a concurrent edit re-puts the kept record under its author), and
   * `staffId` the staff member (kept on the record, not in the change log).
   */
  writeRecord(record: { entity: SyncEntity; id: string; op: 'put' | 'delete'; data?: Record<string, unknown>; deviceId?: string; staffId?: string | null }): Promise<number>;
  getEntity(entity: SyncEntity, id: string): Promise<EntityRecord | null>;
  getEntities(entity: SyncEntity, ids: readonly string[]): Promise<EntityRecord[]>;
  /** Every live (not deleted) record of one entity in the clinic, by id. */
  listEntities(entity: SyncEntity): Promise<EntityRecord[]>;
  /** The live exceptions of these series, by id: a series save reads only its own, not the clinic's. */
  seriesExceptions(seriesIds: readonly string[]): Promise<EntityRecord[]>;
  /**
   * The live series a booking on `resourceIds` or of `patientIds` can collide
   * with — naming one of those resources or patients, or with a live `moved`
   * exception on one of the resources — and every live exception of those
   * series, each list ordered by id. Filtered in the database, so the
   * double-booking check reads a handful of series rather than every series
   * of the clinic (bench/sync-server.bench.ts).
   */
  findSeriesTouching(resourceIds: readonly string[], patientIds: readonly string[]): Promise<{ series: EntityRecord[]; exceptions: EntityRecord[] }>;
  /**
   * The record as the change `version` wrote it (the change log keeps every
   * version), or null when that change did not put this record.
   */
  recordAt(entity: SyncEntity, id: string, version: number): Promise<Record<string, unknown> | null>;
  /** This device's last pushed copy of a record (see {@link DeskCopy}), or null. */
  deskCopy(entity: SyncEntity, id: string): Promise<DeskCopy | null>;
  /** Replaces this device's copy of a record. */
  saveDeskCopy(entity: SyncEntity, id: string, copy: DeskCopy): Promise<void>;
  /** Replaces the booking slots of one appointment (empty: it no longer blocks anything). */
  replaceBookingSlots(appointmentId: string, slots: readonly BookingSlot[]): Promise<void>;
  /** Appointments holding a slot on any of `keys` that overlaps [startMs, endMs). */
  findOverlappingAppointments(keys: readonly string[], startMs: number, endMs: number): Promise<EntityRecord[]>;
  /** Indexes a double-booking conflict (its record itself is a 'conflict' entity). */
  insertConflict(conflict: { id: string; appointmentId: string; detectedAtChange: number }): Promise<void>;
  /** The device's audit chain head, or null before its first entry. */
  auditHead(): Promise<AuditHeadRecord | null>;
  /** The stored hash of the device's entry `seq`, or null. */
  auditHashAt(seq: number): Promise<string | null>;
  /** Appends one entry to the device's chain. There is no update or delete. */
  appendAudit(record: AuditRecord): Promise<void>;
}

/**
 * Everything the server stores. Both adapters pass storage.contract.ts.
 *
 * @example
 * const storage = await openSqliteStorage({ path: ':memory:' });
 * await storage.createClinic({ id: 'c1', name: 'North', timeZone: 'Europe/London', createdAt });
 */
export interface Storage {
  /** `sqlite` or `postgres`, for logs and the health endpoint. */
  readonly kind: 'sqlite' | 'postgres';
  createClinic(clinic: Omit<ClinicRecord, 'lastChange'>): Promise<ClinicRecord>;
  getClinic(clinicId: string): Promise<ClinicRecord | null>;
  listClinics(): Promise<ClinicRecord[]>;
  createEnrollmentCode(code: Omit<EnrollmentCodeRecord, 'usedAt'>): Promise<void>;
  /**
   * Atomically marks an unused, unexpired code used and enrolls the device
   * (a device already enrolled in the same clinic gets its token replaced).
   * `deskSetUp`: the desk already holds its own clinic (it ran first run).
   * The first such device is recorded on the clinic (`clinics.set_up_by`) in
   * the same transaction; a later one from another device that is not
   * enrolled here is refused with `clinic-set-up-elsewhere`, using nothing up
   * (a clinic from before that column: when its `clinic` record exists).
   */
  redeemEnrollmentCode(input: {
    codeHash: string;
    now: string;
    device: { id: string; name: string; tokenHash: string };
    deskSetUp?: boolean;
  }): Promise<{ ok: true; clinic: ClinicRecord } | { ok: false; problem: RedeemProblem }>;
  findDeviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  getDevice(deviceId: string): Promise<DeviceRecord | null>;
  listDevices(clinicId: string): Promise<DeviceRecord[]>;
  /** Marks a device revoked; false when no such device. Idempotent. */
  revokeDevice(deviceId: string, at: string): Promise<boolean>;
  /** The device's audit chain head without locking anything (a push with no audit entries). */
  auditHead(clinicId: string, deviceId: string): Promise<AuditHeadRecord | null>;
  /**
   * Counts one request against a fixed window in the database, so every
   * instance sees the same count: returns how many requests `key` has made
   * in the window starting at `windowStartMs` (this one included). `scope` is
   * the clinic for a device's requests, `enroll` for enrollment attempts by
   * IP. Counters of windows before `windowStartMs` are reset, never summed.
   */
  countRequest(scope: string, key: string, windowStartMs: number): Promise<number>;
  /** Drops the counters of windows that started before `beforeMs` (keys that went quiet). */
  purgeRequestCounts(beforeMs: number): Promise<void>;
  /** Answers when the database does (a trivial query); throws when it cannot be reached. */
  checkHealth(): Promise<void>;
  /** Runs `work` in one transaction for (clinic, device); rolls back if it throws. */
  write<T>(clinicId: string, deviceId: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  /** Up to `limit` changes of the clinic with change > after, in order. */
  readChanges(clinicId: string, after: number, limit: number): Promise<ChangeRecord[]>;
  /** A device's audit entries from `fromSeq`, in seq order (for checks and exports). */
  readAudit(clinicId: string, deviceId: string, fromSeq: number, limit: number): Promise<AuditRecord[]>;
  /** Finishes in-flight work and releases the database. */
  close(): Promise<void>;
}

/**
 * TEST-ONLY pauses, so the process tests can kill the server at the worst
 * moment (main.ts installs them only when config.ts lets their variables
 * through, which it does only under NODE_ENV=test).
 */
export interface StorageTestHooks {
  /** Awaited in every write transaction once all its writes reached the database, just before COMMIT. */
  beforeCommit?: (info: { clinicId: string; deviceId: string }) => Promise<void>;
  /** Awaited inside each migration's transaction once its statements ran, just before its COMMIT. */
  beforeMigrationCommit?: (info: { version: number; name: string }) => Promise<void>;
}

/**
 * Raw SQL for tests only: the contract suite uses it to prove the database
 * itself refuses UPDATE/DELETE on audit_entries. Never used by the service.
 */
export interface RawSqlAccess {
  rawExecute(sql: string): Promise<void>;
}
