import Dexie from 'dexie';
import { z } from 'zod';
import { appendEntry, computeEntryHash, GENESIS_HASH, parseAuditEntry, type AuditEntry } from '../audit';
import {
  BackupError,
  ContentsCheck,
  auditTableName,
  decryptBackupSegments,
  fileKeyForReading,
  readBackupHeader,
  sameClinic,
  summarizeHeader,
  type BackupHeader,
  type BackupSummary,
  type CheckedSegment,
  type ChunkCodec,
  type ContentsReport,
  type TableSegment,
} from '../backup';
import { currentSchemaVersion, type DeviceMeta, type SyncStateRow, type TimedeskDb } from '../db';
import type { DeviceHistory } from '../sync/device-history';
import type { CommandSession } from '../commands';
import { instantToWallTime } from '../time';
import { openRawConnection, storageOf } from './raw-connection';
import { readClinicIdentity } from './desk-backup-settings';

/** What the restore screen shows before asking for the passphrase. */
export interface BackupInspection {
  header: BackupHeader;
  summary: BackupSummary;
  /**
   * `fresh-desk`: this desk holds no clinic yet, nothing to compare;
   * `same`: the file is this clinic's; `other`: another clinic's (a restore
   * then needs the admin to type the file's clinic name).
   */
  clinic: 'fresh-desk' | 'same' | 'other';
  /** The file was made on another device than this desk's: this desk continues as that device. */
  otherDevice: boolean;
}

async function deskIsSetUp(db: TimedeskDb): Promise<boolean> {
  return (await db.staff.count()) > 0;
}

/**
 * Reads a file's plain header and compares it with this desk, without the
 * passphrase. Throws a BackupError for what is not a readable backup.
 *
 * @example (await inspectBackup(db, slices)).summary.counts.appointments
 */
export async function inspectBackup(db: TimedeskDb, source: AsyncIterable<Uint8Array>): Promise<BackupInspection> {
  const header = await readBackupHeader(source);
  if (header.database.version > currentSchemaVersion) {
    throw new BackupError('newer-format', `The backup holds database version ${header.database.version}; this Timedesk knows up to ${currentSchemaVersion}. Update Timedesk to restore it.`);
  }
  const device = (await db.meta.get('device')) as DeviceMeta | undefined;
  let clinic: BackupInspection['clinic'] = 'fresh-desk';
  if (await deskIsSetUp(db)) {
    const identity = await readClinicIdentity(db);
    clinic = sameClinic(header.clinic, { id: identity.id ?? '', serverClinicId: identity.serverClinicId }) ? 'same' : 'other';
  }
  return { header, summary: summarizeHeader(header), clinic, otherDevice: device !== undefined && device.deviceId !== header.deviceId };
}

/** What a restore needs. */
export interface RestoreOptions {
  db: TimedeskDb;
  /** Opens the file from its start; called once per pass (inspect, verify, write). */
  open: () => AsyncIterable<Uint8Array>;
  passphrase: string;
  /** The signed-in admin; null on a desk that is not set up (after a wiped profile). */
  session: CommandSession | null;
  /** For another clinic's file: its clinic name, typed by the admin. */
  confirmClinicName?: string;
  clock: () => number;
  newId: () => string;
  /**
   * Backs up the current database before it is replaced (runBackup with kind
   * `before-restore`); must resolve only once that copy verified. Not called
   * on a desk that holds no clinic. Gets the file's header: a desk with no
   * backup passphrase of its own encrypts the copy to the file's key.
   */
  safetyBackup: (header: BackupHeader) => Promise<void>;
  /**
   * For a backup of a desk enrolled with a sync server: reads what the server
   * holds of this device after the backup (core/sync `fetchDeviceHistory`
   * over a transport built from the backup's own enrollment), so the restored
   * desk continues its audit chain and mutation numbering from there instead
   * of forking them. A rejection or null: the restore goes on without it
   * (the result says so; the sync client then renumbers new mutations).
   */
  catchUp?: (enrollment: BackupEnrollment, afterAuditSeq: number) => Promise<DeviceHistory | null>;
  codec?: ChunkCodec;
  onProgress?: (progress: { phase: 'verifying' | 'restoring'; rows: number; totalRows: number }) => void;
}

/** The sync enrollment a backup holds (renderer/sync's `enrollment` row in `syncState`). */
export interface BackupEnrollment {
  serverUrl: string;
  token: string;
  deviceId: string;
  clinicId: string;
}

/**
 * How the restored desk took up its history on the sync server:
 * `not-enrolled` (the backup's desk did not sync), `caught-up` (the server's
 * later entries were appended and the numbering moved past its last
 * mutation), `unreachable` (no answer; new mutations are renumbered when the
 * server names the next free seq, and the audit log stays refused there
 * until an administrator looks), `diverged` (the server's entries do not
 * continue the backup's chain).
 */
export type CatchUpOutcome = 'not-enrolled' | 'caught-up' | 'unreachable' | 'diverged';

const backupEnrollmentSchema = z.object({ key: z.literal('enrollment'), serverUrl: z.string(), token: z.string(), deviceId: z.string(), clinicId: z.string() });

/** The row core/sync reads to know the desk was restored (its next pushes may meet seqs the server holds). */
export interface RestoreMarker {
  key: 'restore';
  restoredAt: string;
  backupCreatedAt: string;
  /** The device's last deviceSeq after the restore (and catch-up). */
  deviceSeq: number;
  catchUp: CatchUpOutcome;
  /** Audit entries taken from the server. */
  caughtUpEntries: number;
}

async function refuseUnlessAdmin(db: TimedeskDb, session: CommandSession | null): Promise<void> {
  if (!(await deskIsSetUp(db))) return;
  const member = session ? await db.staff.get(session.staffId) : undefined;
  if (!session || !member || !member.active || member.role !== 'admin' || session.role !== 'admin') {
    throw new BackupError('not-permitted', 'Only an administrator may restore a backup on this desk.');
  }
}

function totalRowsOf(header: BackupHeader): number {
  return Object.values(header.counts).reduce((sum, count) => sum + count, 0);
}

/**
 * Restores a backup, all or nothing (issue 14's steps, in order):
 *
 * 1. on a set-up desk only an administrator may (`not-permitted`);
 * 2. the header: a newer format or database version is refused; another
 *    clinic's file only with its clinic name typed (`other-clinic`);
 * 3. the passphrase opens the file's key (`wrong-passphrase`);
 * 4. the WHOLE file is decrypted and checked first — every chunk's tag, the
 *    counts, the audit chain against the header's heads — writing nothing;
 * 5. the current database is backed up (`safetyBackup`);
 * 6. ONE read-write transaction clears every table and writes the file's
 *    rows (decrypted and checked again as they stream, so a file changed
 *    between the passes aborts it), appends `BACKUP_RESTORED` to the restored
 *    device's chain and marks the desk restored for sync. Closing the app or
 *    any failure before the commit leaves the old database exactly as it was.
 *
 * An older database version is restored into a staging database first and
 * upgraded there by the app's own schema upgrades, then copied in the same
 * single transaction. The caller reloads the app afterwards.
 *
 * @example await restoreBackup({ db, open: () => slices(file), passphrase, session, clock: Date.now, newId, safetyBackup });
 */
export async function restoreBackup(options: RestoreOptions): Promise<{ header: BackupHeader; report: ContentsReport; entry: AuditEntry; marker: RestoreMarker }> {
  const { db } = options;
  await refuseUnlessAdmin(db, options.session);
  const inspection = await inspectBackup(db, options.open());
  const { header } = inspection;
  if (inspection.clinic === 'other' && options.confirmClinicName?.trim() !== header.clinic.name.trim()) {
    throw new BackupError('other-clinic', `This backup belongs to ${header.clinic.name}, not to this desk's clinic. Type its name to replace this clinic with it.`);
  }
  const key = await fileKeyForReading(options.passphrase, header.encryption);
  const keyFor = async (read: BackupHeader) => {
    if (JSON.stringify(read) !== JSON.stringify(header)) throw new BackupError('file-altered', 'The file changed while it was being restored.');
    return key;
  };
  const totalRows = totalRowsOf(header);

  // Pass 1: verify everything, write nothing.
  const check = new ContentsCheck(header);
  let rows = 0;
  let enrollment: BackupEnrollment | null = null;
  for await (const text of decryptBackupSegments(options.open(), keyFor, options.codec)) {
    const checked = check.push(text);
    if (checked.kind !== 'rows') continue;
    options.onProgress?.({ phase: 'verifying', rows: (rows += checked.segment.rows.length), totalRows });
    if (checked.segment.tableName === 'syncState') {
      for (const row of checked.segment.rows) {
        const parsed = backupEnrollmentSchema.safeParse(row);
        if (parsed.success) enrollment = parsed.data;
      }
    }
  }
  const report = check.finish();

  let history: DeviceHistory | null | 'unreachable' = null;
  if (enrollment && options.catchUp) {
    try {
      const ownHead = header.auditHeads.find((head) => head.deviceId === header.deviceId);
      history = await options.catchUp(enrollment, ownHead?.seq ?? 0);
    } catch {
      history = 'unreachable';
    }
  }

  if (await deskIsSetUp(db)) await options.safetyBackup(header);

  // Pass 2: the file's rows, checked again as they stream.
  const pass2 = new ContentsCheck(header);
  async function* checkedSegments(): AsyncGenerator<CheckedSegment> {
    for await (const text of decryptBackupSegments(options.open(), keyFor, options.codec)) yield pass2.push(text);
    pass2.finish();
  }
  const now = options.clock();
  let source = checkedSegments();
  let staging: Dexie | null = null;
  if (header.database.version < currentSchemaVersion) {
    const staged = await stageAndUpgrade(db, source);
    staging = staged.db;
    source = staged.segments();
  }
  try {
    const restored = await replaceDatabase(db, header, source, {
      session: options.session,
      now,
      newId: options.newId,
      history: enrollment === null ? 'not-enrolled' : history === null ? 'unreachable' : history,
      onRows: (done) => options.onProgress?.({ phase: 'restoring', rows: done, totalRows }),
    });
    return { header, report, ...restored };
  } finally {
    // Dexie's delete() closes the staging connection first.
    if (staging) await staging.delete();
  }
}

const waitForAll = <T>(promise: Promise<T>) => Dexie.waitFor(promise, 10 * 60_000);

/** The restore's one transaction; see {@link restoreBackup}, step 6. */
async function replaceDatabase(
  db: TimedeskDb,
  header: BackupHeader,
  segments: AsyncGenerator<CheckedSegment>,
  context: RestoreContext & { onRows: (rows: number) => void },
): Promise<{ entry: AuditEntry; marker: RestoreMarker }> {
  const raw = await openRawConnection(db.name, storageOf(db));
  try {
    const names = new Set(raw.tables.map((table) => table.name));
    return await raw.transaction('rw', raw.tables, async () => {
      for (const table of raw.tables) await table.clear();
      let rows = 0;
      for (;;) {
        const next = await waitForAll(segments.next());
        if (next.done) break;
        if (next.value.kind !== 'rows') continue;
        const { tableName, rows: pageRows } = next.value.segment;
        if (!names.has(tableName)) throw new BackupError('contents-invalid', `The backup has a table ${tableName} this database does not.`, { table: tableName });
        await addPage(raw, next.value.segment);
        context.onRows((rows += pageRows.length));
      }
      return appendRestoredEntry(raw, header, context);
    });
  } finally {
    raw.close();
  }
}

interface RestoreContext {
  session: CommandSession | null;
  now: number;
  newId: () => string;
  history: DeviceHistory | 'not-enrolled' | 'unreachable';
}

/**
 * The server's later entries of this device, when they continue the
 * restored chain exactly (each parsed, linked and re-hashed); null otherwise.
 */
function continuation(last: AuditEntry | undefined, deviceId: string, entries: readonly unknown[]): AuditEntry[] | null {
  const out: AuditEntry[] = [];
  let previous: Pick<AuditEntry, 'seq' | 'hash'> = last ?? { seq: 0, hash: GENESIS_HASH };
  for (const row of entries) {
    let entry: AuditEntry;
    try {
      entry = parseAuditEntry(row);
    } catch {
      return null;
    }
    if (entry.deviceId !== deviceId || entry.seq !== previous.seq + 1 || entry.prevHash !== previous.hash || computeEntryHash(entry) !== entry.hash) return null;
    out.push(entry);
    previous = entry;
  }
  return out;
}

/**
 * Inside the restore's transaction: takes up the server's later history of
 * this device (when there is one that continues the chain), appends
 * BACKUP_RESTORED to the restored device's chain and marks the desk restored.
 */
async function appendRestoredEntry(raw: Dexie, header: BackupHeader, context: RestoreContext): Promise<{ entry: AuditEntry; marker: RestoreMarker }> {
  const meta = raw.table('meta');
  const device = (await meta.get('device')) as DeviceMeta | undefined;
  if (!device) throw new BackupError('contents-invalid', 'The backup holds no device row.', { table: 'meta' });
  const audit = raw.table(auditTableName);
  const last = (await audit.where(':id').between([device.deviceId, Dexie.minKey], [device.deviceId, Dexie.maxKey]).last()) as AuditEntry | undefined;
  if ((last?.seq ?? 0) !== device.auditSeq || (last?.hash ?? GENESIS_HASH) !== device.auditHead) {
    throw new BackupError('contents-invalid', 'The backup\'s device row does not match its audit log.', { table: 'meta' });
  }
  let catchUp: CatchUpOutcome = typeof context.history === 'string' ? context.history : 'caught-up';
  let caughtUpEntries = 0;
  let head = last;
  if (typeof context.history !== 'string') {
    const { auditHead: serverHead } = context.history;
    const entries = continuation(last, device.deviceId, context.history.audit);
    // The server's head must be this chain's: an entry the backup holds (it never got the newest), or the last one fetched.
    const ownHead = serverHead === null || (entries !== null && entries.length > 0 ? entries.at(-1)!.hash === serverHead.hash && entries.at(-1)!.seq === serverHead.seq : ((await audit.get([device.deviceId, serverHead.seq])) as AuditEntry | undefined)?.hash === serverHead.hash);
    if (entries === null || !ownHead) catchUp = 'diverged';
    else {
      if (entries.length > 0) await audit.bulkAdd(entries);
      head = entries.at(-1) ?? last;
      caughtUpEntries = entries.length;
      device.deviceSeq = Math.max(device.deviceSeq, context.history.lastDeviceSeq);
      // The server holds this chain up to its head: the next push sends what follows.
      const syncRow = ((await raw.table('syncState').get('sync')) ?? { key: 'sync', cursor: null, lastSyncAt: null, clockSkewMs: null }) as SyncStateRow;
      await raw.table('syncState').put({ ...syncRow, auditSeqAcked: serverHead?.seq ?? 0 });
    }
  }
  const at = new Date(context.now).toISOString();
  const wall = instantToWallTime(Date.parse(header.createdAt), header.clinic.timeZone).slice(0, 16).replace('T', ' ');
  const entry = appendEntry(head ?? null, {
    id: context.newId(),
    deviceId: device.deviceId,
    appVersion: device.appVersion,
    at,
    actor: context.session
      ? { kind: 'staff', staffId: context.session.staffId, displayName: context.session.displayName, role: context.session.role }
      : { kind: 'system', systemId: 'restore', displayName: 'Restore from a backup' },
    action: 'BACKUP_RESTORED',
    entityType: 'backup',
    entityId: header.createdAt,
    patientId: null,
    changes: {
      backupCreatedAt: { before: null, after: header.createdAt },
      backupKind: { before: null, after: header.kind },
      rows: { before: null, after: totalRowsOf(header) },
    },
    reason: `Restored from the backup of ${wall} (${header.clinic.timeZone}).`,
    outcome: 'success',
    mutationId: null,
  });
  await audit.add(entry);
  await meta.put({ ...device, auditSeq: entry.seq, auditHead: entry.hash });
  const marker: RestoreMarker = { key: 'restore', restoredAt: at, backupCreatedAt: header.createdAt, deviceSeq: device.deviceSeq, catchUp, caughtUpEntries };
  await raw.table('syncState').put(marker);
  return { entry, marker };
}

/** Writes one page of rows (Dexie's format: outbound tables as [key, value] pairs). */
async function addPage(target: Dexie, page: TableSegment): Promise<void> {
  const table = target.table(page.tableName);
  if (page.inbound) await table.bulkAdd(page.rows);
  else {
    const pairs = page.rows as [unknown, unknown][];
    await table.bulkAdd(
      pairs.map((pair) => pair[1]),
      pairs.map((pair) => pair[0] as never),
    );
  }
}

/**
 * An older database version: its rows go into a staging database declared
 * with the backup's own schema (from the prelude), which is then opened with
 * the app's schema class, so Dexie runs every upgrade since — the same code
 * that upgrades a desk in place. Yields the upgraded database as segments.
 */
async function stageAndUpgrade(db: TimedeskDb, source: AsyncGenerator<CheckedSegment>) {
  const storage = storageOf(db);
  const name = `${db.name}-restore-staging`;
  await new Dexie(name, storage).delete();
  const first = await source.next();
  if (first.done || first.value.kind !== 'prelude') throw new BackupError('contents-invalid', 'The backup does not begin with its prelude.', { chunk: 0 });
  const { databaseVersion, tables } = first.value.prelude.data;
  const staged = new Dexie(name, storage);
  staged.version(databaseVersion).stores(Object.fromEntries(tables.map((table) => [table.name, table.schema])));
  await staged.open();
  for await (const checked of source) if (checked.kind === 'rows') await addPage(staged, checked.segment);
  staged.close();
  const AppDatabase = db.constructor as new (options: { name: string } & ReturnType<typeof storageOf>) => TimedeskDb;
  const upgraded = new AppDatabase({ name, ...storage });
  await upgraded.open();
  return {
    db: upgraded as Dexie,
    async *segments(): AsyncGenerator<CheckedSegment> {
      for (const table of upgraded.tables) {
        const keyPath = table.schema.primKey.keyPath;
        const inbound = keyPath !== null && keyPath !== undefined;
        let lastKey: unknown = undefined;
        for (;;) {
          const page = lastKey === undefined ? table.orderBy(':id').limit(2000) : table.where(':id').above(lastKey).limit(2000);
          const [keys, values] = await Promise.all([page.primaryKeys(), page.toArray()]);
          if (values.length === 0) break;
          yield { kind: 'rows', segment: { tableName: table.name, inbound, rows: inbound ? values : keys.map((key, index) => [key, values[index]]) } };
          lastKey = keys[keys.length - 1];
          if (values.length < 2000) break;
        }
      }
    },
  };
}
