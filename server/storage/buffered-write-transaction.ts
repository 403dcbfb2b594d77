import { maxBookingMs } from './booking-window';
import type {
  AuditHeadRecord,
  AuditRecord,
  BookingSlot,
  DeskCopy,
  DeviceRecord,
  EntityRecord,
  MutationRecord,
  MutationResult,
  ReadPlan,
  SyncEntity,
  WriteTransaction,
} from './storage';

/** One stored booking slot as read back: which appointment holds it. */
export interface StoredSlot {
  appointmentId: string;
  key: string;
  startMs: number;
  endMs: number;
}

/** What a store answers for a {@link ReadPlan}: the rows as they stood when it was read. */
export interface PlanRows {
  mutations: MutationRecord[];
  /** Records named by the plan, and the appointments holding a slot it read (present ones; absent ones are simply missing). */
  records: EntityRecord[];
  deskCopies: { entity: SyncEntity; id: string; copy: DeskCopy }[];
  recordsAt: { entity: SyncEntity; id: string; version: number; data: Record<string, unknown> }[];
  /** Every slot on the plan's keys overlapping its intervals. */
  slots: StoredSlot[];
  /** The live series touching the plan's resources / patients (its `seriesTouching`). */
  touchingSeries: EntityRecord[];
  /** Every live exception of the touching series and of the plan's `seriesExceptions`. */
  exceptions: EntityRecord[];
  /** The device's audit chain head when the plan asked for it (null: no entry yet). */
  auditHead: AuditHeadRecord | null;
  auditHashes: { seq: number; hash: string }[];
}

/** Everything a buffered transaction wrote, for one set-based flush. */
export interface BufferedWrites {
  /** Every change, in change-number order, with the device its record is authored by. */
  changes: { change: number; entity: SyncEntity; id: string; op: 'put' | 'delete'; data: Record<string, unknown> | null; deviceId: string; staffId: string | null }[];
  /** The clinic's counter after the push, when it moved. */
  lastChange: number | null;
  mutations: { mutationId: string; deviceSeq: number; result: MutationResult }[];
  /** The device's last sequence after the push, when it moved. */
  lastDeviceSeq: number | null;
  /** Appointments whose slots were replaced: their complete new set (empty: holds none). */
  slots: { appointmentId: string; slots: BookingSlot[] }[];
  deskCopies: { entity: SyncEntity; id: string; copy: DeskCopy }[];
  conflicts: { id: string; appointmentId: string; detectedAtChange: number }[];
  audit: AuditRecord[];
}

/** The round trips a buffered transaction makes; the PostgreSQL adapter implements them (postgres-push-store.ts). */
export interface PushStore {
  /**
   * Takes the locks asked for — the device row, then the clinic's change
   * counter, both `FOR UPDATE` and held to COMMIT — and then reads `plan`,
   * seeing whatever the locks' previous holders committed. One round trip.
   */
  lock(plan: ReadPlan, locks: { device: boolean; changes: boolean }): Promise<{ device: DeviceRecord | null; counter: number | null; rows: PlanRows }>;
  /** Reads what a plan names, in one round trip. */
  read(plan: ReadPlan): Promise<PlanRows>;
  /** Every live record of one kind (not planned: rare). */
  listEntities(entity: SyncEntity): Promise<EntityRecord[]>;
  /** Writes everything at once (null: nothing to write) and, with `commit`, commits in the same round trip. */
  flush(writes: BufferedWrites | null, options: { commit: boolean }): Promise<void>;
}

const emptyPlan: ReadPlan = { mutationIds: [], records: [], deskCopies: [], recordsAt: [], overlaps: [], seriesTouching: { resourceIds: [], patientIds: [] }, seriesExceptions: [], auditSeqs: [] };
const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const intersects = (values: unknown, wanted: ReadonlySet<string>) => Array.isArray(values) && values.some((value) => typeof value === 'string' && wanted.has(value));

/**
 * A {@link WriteTransaction} that reads ahead and writes behind: reads come
 * from what the push prefetched (one query per table, in one round trip)
 * overlaid with the push's own writes, and every write is buffered in memory
 * until {@link flush} sends them all in one statement. Savepoints are marks
 * in an undo log, so a mutation's rollback costs no round trip. What the
 * plan did not name is still read, one round trip per miss, and cached.
 *
 * Correct because the push holds its device's row lock and its clinic's
 * change lock (taken before the prefetch) until COMMIT: nobody else writes
 * what it read in between, so the prefetched rows plus its own writes are
 * exactly what the database would answer. The PostgreSQL adapter uses it;
 * SQLite, in-process, writes through (a call costs microseconds there).
 *
 * Generic over entity kinds: records are (entity, id) → data; only the two
 * queries the booking check makes (slots by key and time, series touching
 * resources or patients) know any fields, and they mirror the SQL filters
 * in postgres-push-store.ts.
 *
 * @example
 * const tx = new BufferedWriteTransaction(pushStore);
 * await work(tx);
 * await tx.flush();
 */
export class BufferedWriteTransaction implements WriteTransaction {
  // --- what the database held before the push (read once, never changed) ---
  private device_: DeviceRecord | null = null;
  private counter: number | null = null;
  private readonly records = new Map<string, EntityRecord | null>();
  private readonly mutationsRead = new Map<string, MutationRecord | null>();
  private readonly deskCopiesRead = new Map<string, DeskCopy | null>();
  private readonly recordsAtRead = new Map<string, Record<string, unknown> | null>();
  /** Per slot key: the intervals read so far, and the slots found in them. */
  private readonly slotCover = new Map<string, { intervals: [number, number][]; slots: Map<string, StoredSlot> }>();
  private readonly touchingResources = new Set<string>();
  private readonly touchingPatients = new Set<string>();
  /** Series the touching queries returned (touching one of the resources / patients read, as stored). */
  private readonly touchingSeriesIds = new Set<string>();
  /** Series whose every stored exception has been read. */
  private readonly exceptionsRead = new Map<string, EntityRecord[]>();
  private auditHeadRead: AuditHeadRecord | null | undefined = undefined;
  private readonly auditHashesRead = new Map<number, string | null>();

  // --- what the push wrote (undone to a mark when a savepoint fails) ---
  private readonly written = new Map<string, EntityRecord>();
  private readonly writtenSlots = new Map<string, BookingSlot[]>();
  private readonly writtenDeskCopies = new Map<string, DeskCopy>();
  private readonly writtenMutations = new Map<string, MutationRecord>();
  private readonly writtenAudit = new Map<number, AuditRecord>();
  private changes: BufferedWrites['changes'] = [];
  private mutations: BufferedWrites['mutations'] = [];
  private conflicts: BufferedWrites['conflicts'] = [];
  private audit: AuditRecord[] = [];
  private deviceSeq: number | null = null;
  private counterAfter: number | null = null;
  private readonly undo: (() => void)[] = [];
  /** What changed since the last flush (the maps above also serve reads, so they keep everything). */
  private readonly dirtySlots = new Set<string>();
  private readonly dirtyDeskCopies = new Set<string>();
  private flushedDeviceSeq: number | null = null;
  private flushedCounter: number | null = null;

  constructor(
    private readonly store: PushStore,
    private readonly clinicId: string,
    private readonly deviceId: string,
  ) {}

  async lockForPush(plan: ReadPlan, options: { changes: boolean }): Promise<void> {
    const locks = { device: this.device_ === null, changes: options.changes && this.counter === null };
    if (!locks.device && !locks.changes) return this.prefetch(plan);
    const missing = this.unread(plan) ?? emptyPlan;
    const locked = await this.store.lock(missing, locks);
    if (locks.device) {
      if (locked.device === null) throw new Error(`device ${this.deviceId} is not enrolled in clinic ${this.clinicId}`);
      this.device_ = locked.device;
    }
    if (locks.changes) {
      if (locked.counter === null) throw new Error(`unknown clinic ${this.clinicId}`);
      this.counter = locked.counter;
    }
    this.remember(missing, locked.rows);
  }

  async device(): Promise<DeviceRecord> {
    if (this.device_ === null) await this.lockForPush(emptyPlan, { changes: false });
    const device = this.device_ as DeviceRecord;
    return this.deviceSeq === null ? device : { ...device, lastDeviceSeq: this.deviceSeq };
  }

  async lockChanges(): Promise<number> {
    if (this.counter === null) await this.lockForPush(emptyPlan, { changes: true });
    return this.counterAfter ?? (this.counter as number);
  }

  async prefetch(plan: ReadPlan): Promise<void> {
    const missing = this.unread(plan);
    if (missing !== null) this.remember(missing, await this.store.read(missing));
  }

  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const mark = { undo: this.undo.length, changes: this.changes.length, mutations: this.mutations.length, conflicts: this.conflicts.length, audit: this.audit.length, deviceSeq: this.deviceSeq, counterAfter: this.counterAfter };
    try {
      return await work();
    } catch (error) {
      while (this.undo.length > mark.undo) this.undo.pop()?.();
      this.changes.length = mark.changes;
      this.mutations.length = mark.mutations;
      this.conflicts.length = mark.conflicts;
      this.audit.length = mark.audit;
      this.deviceSeq = mark.deviceSeq;
      this.counterAfter = mark.counterAfter;
      throw error;
    }
  }

  async findMutation(mutationId: string): Promise<MutationRecord | null> {
    const own = this.writtenMutations.get(mutationId);
    if (own !== undefined) return own;
    if (!this.mutationsRead.has(mutationId)) await this.prefetch({ ...emptyPlan, mutationIds: [mutationId] });
    return this.mutationsRead.get(mutationId) ?? null;
  }

  async recordMutation(record: Omit<MutationRecord, 'clinicId' | 'deviceId'>): Promise<void> {
    const full: MutationRecord = { ...record, clinicId: this.clinicId, deviceId: this.deviceId };
    this.set(this.writtenMutations, record.mutationId, full);
    this.mutations.push({ mutationId: record.mutationId, deviceSeq: record.deviceSeq, result: record.result });
    this.deviceSeq = record.deviceSeq;
  }

  async advanceDeviceSeq(deviceSeq: number): Promise<void> {
    this.deviceSeq = deviceSeq;
  }

  async writeRecord(record: { entity: SyncEntity; id: string; op: 'put' | 'delete'; data?: Record<string, unknown>; deviceId?: string; staffId?: string | null }): Promise<number> {
    const change = (await this.lockChanges()) + 1;
    this.counterAfter = change;
    const data = record.op === 'delete' || record.data === undefined ? null : record.data;
    const deviceId = record.deviceId ?? this.deviceId;
    const staffId = record.staffId ?? null;
    this.changes.push({ change, entity: record.entity, id: record.id, op: record.op, data, deviceId, staffId });
    this.set(this.written, keyOf(record.entity, record.id), { entity: record.entity, id: record.id, version: change, data, deleted: record.op === 'delete', deviceId, staffId });
    return change;
  }

  async getEntity(entity: SyncEntity, id: string): Promise<EntityRecord | null> {
    return (await this.getEntities(entity, [id]))[0] ?? null;
  }

  async getEntities(entity: SyncEntity, ids: readonly string[]): Promise<EntityRecord[]> {
    const unread = ids.filter((id) => !this.written.has(keyOf(entity, id)) && !this.records.has(keyOf(entity, id)));
    if (unread.length > 0) await this.prefetch({ ...emptyPlan, records: unread.map((id) => ({ entity, id })) });
    return ids.flatMap((id) => {
      const record = this.current(entity, id);
      return record === null ? [] : [record];
    });
  }

  async listEntities(entity: SyncEntity): Promise<EntityRecord[]> {
    const stored = await this.store.listEntities(entity);
    const ids = new Set(stored.map((record) => record.id));
    for (const record of this.written.values()) if (record.entity === entity) ids.add(record.id);
    return [...ids].flatMap((id) => {
      const record = this.written.get(keyOf(entity, id)) ?? stored.find((row) => row.id === id) ?? null;
      return record === null || record.deleted ? [] : [record];
    }).sort(byId);
  }

  async seriesExceptions(seriesIds: readonly string[]): Promise<EntityRecord[]> {
    const unread = seriesIds.filter((id) => !this.exceptionsRead.has(id));
    if (unread.length > 0) await this.prefetch({ ...emptyPlan, seriesExceptions: unread });
    const wanted = new Set(seriesIds);
    const found = new Map<string, EntityRecord>();
    for (const seriesId of seriesIds) for (const row of this.exceptionsRead.get(seriesId) ?? []) found.set(row.id, row);
    for (const record of this.written.values()) if (record.entity === 'seriesException') found.set(record.id, record);
    return [...found.values()]
      .map((row) => this.written.get(keyOf('seriesException', row.id)) ?? row)
      .filter((row) => !row.deleted && row.data !== null && wanted.has(String(row.data['seriesId'])))
      .sort(byId);
  }

  async findSeriesTouching(resourceIds: readonly string[], patientIds: readonly string[]): Promise<{ series: EntityRecord[]; exceptions: EntityRecord[] }> {
    const newResources = resourceIds.filter((id) => !this.touchingResources.has(id));
    const newPatients = patientIds.filter((id) => !this.touchingPatients.has(id));
    if (newResources.length > 0 || newPatients.length > 0) await this.prefetch({ ...emptyPlan, seriesTouching: { resourceIds: newResources, patientIds: newPatients } });
    const resources = new Set(resourceIds);
    const patients = new Set(patientIds);
    // Candidates: every series read as touching, every series this push wrote, and the
    // series of every exception this push moved onto one of the resources.
    const candidates = new Set(this.touchingSeriesIds);
    for (const record of this.written.values()) {
      if (record.entity === 'series') candidates.add(record.id);
      if (record.entity === 'seriesException' && record.data !== null && record.data['kind'] === 'moved' && intersects(record.data['resourceIds'], resources)) candidates.add(String(record.data['seriesId']));
    }
    const series = (await this.getEntities('series', [...candidates])).filter((record) => !record.deleted && record.data !== null);
    const exceptions = await this.seriesExceptions(series.map((record) => record.id));
    const touching = series.filter((record) => {
      const data = record.data as Record<string, unknown>;
      if (typeof data['patientId'] === 'string' && patients.has(data['patientId'])) return true;
      if (intersects(data['resourceIds'], resources)) return true;
      return exceptions.some((exception) => exception.data?.['seriesId'] === record.id && exception.data['kind'] === 'moved' && intersects(exception.data['resourceIds'], resources));
    });
    const touchingIds = new Set(touching.map((record) => record.id));
    return { series: touching.sort(byId), exceptions: exceptions.filter((exception) => touchingIds.has(String(exception.data?.['seriesId']))) };
  }

  async recordAt(entity: SyncEntity, id: string, version: number): Promise<Record<string, unknown> | null> {
    const own = this.changes.find((change) => change.change === version && change.entity === entity && change.id === id);
    if (own !== undefined) return own.op === 'put' ? own.data : null;
    const key = `${keyOf(entity, id)}\u0000${version}`;
    if (!this.recordsAtRead.has(key)) await this.prefetch({ ...emptyPlan, recordsAt: [{ entity, id, version }] });
    return this.recordsAtRead.get(key) ?? null;
  }

  async deskCopy(entity: SyncEntity, id: string): Promise<DeskCopy | null> {
    const key = keyOf(entity, id);
    const own = this.writtenDeskCopies.get(key);
    if (own !== undefined) return own;
    if (!this.deskCopiesRead.has(key)) await this.prefetch({ ...emptyPlan, deskCopies: [{ entity, id }] });
    return this.deskCopiesRead.get(key) ?? null;
  }

  async saveDeskCopy(entity: SyncEntity, id: string, copy: DeskCopy): Promise<void> {
    this.set(this.writtenDeskCopies, keyOf(entity, id), copy);
    this.dirtyDeskCopies.add(keyOf(entity, id));
  }

  async replaceBookingSlots(appointmentId: string, slots: readonly BookingSlot[]): Promise<void> {
    this.set(this.writtenSlots, appointmentId, [...slots]);
    this.dirtySlots.add(appointmentId);
  }

  async findOverlappingAppointments(keys: readonly string[], startMs: number, endMs: number): Promise<EntityRecord[]> {
    const unread = keys.filter((key) => !(this.slotCover.get(key)?.intervals.some(([from, to]) => from <= startMs && endMs <= to) ?? false));
    if (unread.length > 0) await this.prefetch({ ...emptyPlan, overlaps: [{ keys: unread, startMs, endMs }] });
    const wanted = new Set(keys);
    // The same bounds as the SQL: start before the end, end after the start, and no booking longer than maxBookingMs.
    const overlaps = (slot: { startMs: number; endMs: number }) => slot.startMs < endMs && slot.startMs > startMs - maxBookingMs - 1 && slot.endMs > startMs;
    const ids = new Set<string>();
    for (const key of keys) {
      for (const slot of this.slotCover.get(key)?.slots.values() ?? []) if (!this.writtenSlots.has(slot.appointmentId) && overlaps(slot)) ids.add(slot.appointmentId);
    }
    for (const [appointmentId, slots] of this.writtenSlots) if (slots.some((slot) => wanted.has(slot.key) && overlaps(slot))) ids.add(appointmentId);
    return (await this.getEntities('appointment', [...ids])).sort(byId);
  }

  async insertConflict(conflict: { id: string; appointmentId: string; detectedAtChange: number }): Promise<void> {
    this.conflicts.push(conflict);
  }

  async auditHead(): Promise<AuditHeadRecord | null> {
    const appended = [...this.writtenAudit.values()].reduce<AuditRecord | null>((last, record) => (last === null || record.seq > last.seq ? record : last), null);
    if (appended !== null) return { seq: appended.seq, hash: appended.hash };
    if (this.auditHeadRead === undefined) await this.prefetch({ ...emptyPlan, auditHead: true });
    return this.auditHeadRead ?? null;
  }

  async auditHashAt(seq: number): Promise<string | null> {
    const own = this.writtenAudit.get(seq);
    if (own !== undefined) return own.hash;
    if (!this.auditHashesRead.has(seq)) await this.prefetch({ ...emptyPlan, auditSeqs: [seq] });
    return this.auditHashesRead.get(seq) ?? null;
  }

  async appendAudit(record: AuditRecord): Promise<void> {
    this.set(this.writtenAudit, record.seq, record);
    this.audit.push(record);
  }

  /**
   * Sends every buffered write in one go and, with `commit`, commits in the
   * same round trip (nothing to send: just the COMMIT, or nothing at all).
   */
  async flush(options: { commit: boolean } = { commit: false }): Promise<void> {
    // A flush happens between savepoints only, so everything buffered is final.
    const deviceSeqBefore = this.flushedDeviceSeq ?? this.device_?.lastDeviceSeq;
    const writes: BufferedWrites = {
      changes: this.changes,
      lastChange: this.counterAfter !== this.flushedCounter ? this.counterAfter : null,
      mutations: this.mutations,
      lastDeviceSeq: this.deviceSeq !== null && this.deviceSeq !== deviceSeqBefore ? this.deviceSeq : null,
      slots: [...this.dirtySlots].map((appointmentId) => ({ appointmentId, slots: this.writtenSlots.get(appointmentId) ?? [] })),
      deskCopies: [...this.dirtyDeskCopies].map((key) => {
        const [entity, id] = key.split('\u0000') as [SyncEntity, string];
        return { entity, id, copy: this.writtenDeskCopies.get(key) as DeskCopy };
      }),
      conflicts: [...new Map(this.conflicts.map((conflict) => [conflict.id, conflict])).values()],
      audit: this.audit,
    };
    const nothing =
      writes.changes.length + writes.mutations.length + writes.slots.length + writes.deskCopies.length + writes.conflicts.length + writes.audit.length === 0 &&
      writes.lastChange === null &&
      writes.lastDeviceSeq === null;
    await this.store.flush(nothing ? null : writes, options);
    // Sent: the next flush sends only what is written after this one (reads keep the overlay).
    this.changes = [];
    this.mutations = [];
    this.conflicts = [];
    this.audit = [];
    this.dirtySlots.clear();
    this.dirtyDeskCopies.clear();
    this.undo.length = 0;
    this.flushedCounter = this.counterAfter;
    this.flushedDeviceSeq = this.deviceSeq ?? this.flushedDeviceSeq;
  }

  /** The record as the push sees it: its own write, else what was read (null: absent). */
  private current(entity: SyncEntity, id: string): EntityRecord | null {
    return this.written.get(keyOf(entity, id)) ?? this.records.get(keyOf(entity, id)) ?? null;
  }

  /** Sets a written value, remembering how to undo it. */
  private set<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const before = map.get(key);
    map.set(key, value);
    this.undo.push(() => (had ? map.set(key, before as V) : map.delete(key)));
  }

  /** The part of a plan not read yet, or null when everything in it is. */
  private unread(plan: ReadPlan): ReadPlan | null {
    const missing: ReadPlan = {
      mutationIds: plan.mutationIds.filter((id) => !this.mutationsRead.has(id)),
      records: plan.records.filter(({ entity, id }) => !this.records.has(keyOf(entity, id))),
      deskCopies: plan.deskCopies.filter(({ entity, id }) => !this.deskCopiesRead.has(keyOf(entity, id))),
      recordsAt: plan.recordsAt.filter(({ entity, id, version }) => !this.recordsAtRead.has(`${keyOf(entity, id)}\u0000${version}`)),
      overlaps: plan.overlaps.filter(({ keys, startMs, endMs }) => keys.some((key) => !(this.slotCover.get(key)?.intervals.some(([from, to]) => from <= startMs && endMs <= to) ?? false))),
      seriesTouching: { resourceIds: plan.seriesTouching.resourceIds.filter((id) => !this.touchingResources.has(id)), patientIds: plan.seriesTouching.patientIds.filter((id) => !this.touchingPatients.has(id)) },
      seriesExceptions: plan.seriesExceptions.filter((id) => !this.exceptionsRead.has(id)),
      auditSeqs: plan.auditSeqs.filter((seq) => !this.auditHashesRead.has(seq)),
      auditHead: plan.auditHead === true && this.auditHeadRead === undefined,
    };
    const empty =
      missing.mutationIds.length + missing.records.length + missing.deskCopies.length + missing.recordsAt.length + missing.overlaps.length + missing.seriesExceptions.length + missing.auditSeqs.length === 0 &&
      missing.seriesTouching.resourceIds.length + missing.seriesTouching.patientIds.length === 0 &&
      !missing.auditHead;
    return empty ? null : missing;
  }

  /** Files what the store answered for `plan`, marking everything the plan asked for as read (found or not). */
  private remember(plan: ReadPlan, rows: PlanRows): void {
    for (const id of plan.mutationIds) this.mutationsRead.set(id, null);
    for (const row of rows.mutations) this.mutationsRead.set(row.mutationId, row);
    for (const { entity, id } of plan.records) this.records.set(keyOf(entity, id), null);
    for (const { entity, id } of plan.deskCopies) this.deskCopiesRead.set(keyOf(entity, id), null);
    for (const row of rows.deskCopies) this.deskCopiesRead.set(keyOf(row.entity, row.id), row.copy);
    for (const { entity, id, version } of plan.recordsAt) this.recordsAtRead.set(`${keyOf(entity, id)}\u0000${version}`, null);
    for (const row of rows.recordsAt) this.recordsAtRead.set(`${keyOf(row.entity, row.id)}\u0000${row.version}`, row.data);
    for (const { keys, startMs, endMs } of plan.overlaps) {
      for (const key of keys) {
        const cover = this.slotCover.get(key) ?? { intervals: [], slots: new Map<string, StoredSlot>() };
        cover.intervals.push([startMs, endMs]);
        this.slotCover.set(key, cover);
      }
    }
    for (const slot of rows.slots) this.slotCover.get(slot.key)?.slots.set(slot.appointmentId, slot);
    for (const id of plan.seriesTouching.resourceIds) this.touchingResources.add(id);
    for (const id of plan.seriesTouching.patientIds) this.touchingPatients.add(id);
    // A touching series comes with all its exceptions; so does every series the plan named.
    const exceptionSeries = [...plan.seriesExceptions, ...rows.touchingSeries.map((record) => record.id)];
    for (const seriesId of exceptionSeries) if (!this.exceptionsRead.has(seriesId)) this.exceptionsRead.set(seriesId, []);
    for (const row of rows.exceptions) {
      const seriesId = String(row.data?.['seriesId']);
      const list = this.exceptionsRead.get(seriesId);
      if (list !== undefined && !list.some((known) => known.id === row.id)) list.push(row);
      if (!this.records.has(keyOf(row.entity, row.id))) this.records.set(keyOf(row.entity, row.id), row);
    }
    for (const row of [...rows.records, ...rows.touchingSeries]) this.records.set(keyOf(row.entity, row.id), row);
    for (const row of rows.touchingSeries) this.touchingSeriesIds.add(row.id);
    if (plan.auditHead === true) this.auditHeadRead ??= rows.auditHead;
    for (const seq of plan.auditSeqs) this.auditHashesRead.set(seq, null);
    for (const row of rows.auditHashes) this.auditHashesRead.set(row.seq, row.hash);
  }
}
