/**
 * `npm run bench -- backup` (issue 14): a backup and a verified restore of a
 * clinic of 200,000 appointments (+ their booking rows) and 1,000,000 audit
 * entries on one valid chain, beside a plain dexie-export-import export and
 * import of the same data in the same run. Under Node on fake-indexeddb (an
 * IndexedDB written in JavaScript, kept in memory: absolute figures are not
 * Chromium's, and the database itself lives in the process), so memory is
 * reported as the PEAK RISE of the process's resident set over its level
 * when the phase started (sampled every 25 ms), plus the JS heap's rise.
 *
 * Backup = the streamed snapshot → encrypted file on disk (electron's
 * BackupFileStore, a real temporary folder) → read back → decrypted, counted,
 * audit chain verified → renamed. Restore = header → passphrase (scrypt
 * N=2^17) → pass 1 verifies the whole file → pass 2 replaces a fresh
 * database in one transaction. `TIMEDESK_BENCH_APPOINTMENTS` /
 * `TIMEDESK_BENCH_AUDIT` scale the clinic (defaults 200000 / 1000000).
 * Targets: backup + verified restore < 60 s and < 500 MB.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from '@noble/hashes/utils.js';
import Dexie from 'dexie';
import { GENESIS_HASH, computeEntryHash } from '../core/audit';
import type { AuditEntry } from '../core/audit';
import { sampleAuditEntry } from '../core/audit/sample-chain';
import { createBackupRecipient } from '../core/backup';
import { restoreBackup, runBackup } from '../core/backup-restore';
import type { BackupTarget } from '../core/backup-restore';
import { appointmentDay, bookingRows, TimedeskDb } from '../core/db';
import type { AppointmentRow } from '../core/db';
import { freshStorage } from '../core/db/fake-database.fixture';
import { bookedHistory } from '../core/model';
import { BackupFileStore } from '../electron/backup-files';
import { loadDexieExportImport } from '../core/backup-restore/dexie-export-import.fixture';

const appointmentsWanted = Number(process.env.TIMEDESK_BENCH_APPOINTMENTS ?? 200_000);
const auditWanted = Number(process.env.TIMEDESK_BENCH_AUDIT ?? 1_000_000);
const passphrase = 'bench backup passphrase';
const hashText = (text: string) => createHash('sha256').update(text).digest('hex');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs `work`, sampling memory; returns its time and the peak rises of RSS and heap. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; rss: number; heap: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const startRss = process.memoryUsage().rss;
  const startHeap = process.memoryUsage().heapUsed;
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss - startRss);
    heap = Math.max(heap, usage.heapUsed - startHeap);
  };
  const timer = setInterval(sample, 25);
  const started = performance.now();
  try {
    const value = await work();
    sample();
    return { value, ms: performance.now() - started, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

function appointment(index: number): AppointmentRow {
  const start = Date.UTC(2025, 0, 6, 13) + Math.floor(index / 40) * 86_400_000; // 40 providers; 12 visits each per day, 45 minutes apart
  const at = '2025-01-01T12:00:00.000Z';
  const row = {
    id: `a-${index}`,
    resourceIds: [`dr-${index % 40}`],
    patientId: `p-${index % 5000}`,
    wallStart: new Date(start - 5 * 3_600_000 + (index % 12) * 2_700_000).toISOString().slice(0, 19),
    timeZone: 'America/New_York',
    durationMinutes: 45,
    start: new Date(start + (index % 12) * 2_700_000).toISOString(),
    end: new Date(start + (index % 12) * 2_700_000 + 2_700_000).toISOString(),
    status: 'booked' as const,
    statusHistory: bookedHistory({ at, by: 'seed' }),
    visitReason: 'Follow-up visit',
    version: index,
    createdAt: at,
    updatedAt: at,
  };
  return { ...row, day: appointmentDay(row) };
}

async function seed(db: TimedeskDb): Promise<void> {
  for (let from = 0; from < appointmentsWanted; from += 10_000) {
    const rows = Array.from({ length: Math.min(10_000, appointmentsWanted - from) }, (_, i) => appointment(from + i));
    await db.transaction('rw', db.appointments, db.bookings, async () => {
      await db.appointments.bulkAdd(rows);
      await db.bookings.bulkAdd(rows.flatMap(bookingRows));
    });
  }
  let prevHash = GENESIS_HASH;
  for (let from = 1; from <= auditWanted; from += 10_000) {
    const entries: AuditEntry[] = [];
    for (let seq = from; seq < from + 10_000 && seq <= auditWanted; seq += 1) {
      const unhashed = sampleAuditEntry(seq, prevHash);
      const entry = { ...unhashed, hash: computeEntryHash(unhashed, hashText) } as AuditEntry;
      prevHash = entry.hash;
      entries.push(entry);
    }
    await db.audit.bulkAdd(entries);
  }
  const device = await db.meta.get('device');
  await db.meta.put({ ...(device as object), key: 'device', deviceId: 'desk-1', auditSeq: auditWanted, auditHead: prevHash } as never);
  await db.meta.put({ key: 'clinic', name: 'Bench Clinic', timeZone: 'America/New_York', locale: 'en-US', idleLockMinutes: 5 });
}

function folderTarget(store: BackupFileStore): BackupTarget {
  return {
    id: 'app-data',
    async create(name) {
      const handle = await store.create('app-data', name);
      return {
        write: (bytes) => store.write(handle, bytes),
        close: () => store.close(handle),
        async *read() {
          for (let offset = 0; ; offset += 4 << 20) {
            const bytes = await store.read(handle, offset, 4 << 20);
            if (bytes.length === 0) return;
            yield bytes;
          }
        },
        commit: () => store.commit(handle),
        discard: () => store.discard(handle),
      };
    },
    list: () => store.list('app-data'),
    remove: (name) => store.remove('app-data', name),
  };
}

async function* fileSlices(file: string): AsyncGenerator<Uint8Array> {
  const { createReadStream } = await import('node:fs');
  for await (const piece of createReadStream(file, { highWaterMark: 4 << 20 })) yield piece as Uint8Array;
}

export async function run(): Promise<void> {
  console.log(`seeding ${appointmentsWanted.toLocaleString()} appointments and ${auditWanted.toLocaleString()} audit entries (fake-indexeddb)…`);
  const storage = freshStorage('bench-backup');
  const db = new TimedeskDb(storage);
  await db.open();
  await db.meta.put({ key: 'device', deviceId: 'desk-1', appVersion: 'bench', firstRunAt: '2025-01-01T00:00:00.000Z', auditSeq: 0, auditHead: GENESIS_HASH, deviceSeq: 0, hlc: { millis: 0, counter: 0 } });
  const seeded = await measure(() => seed(db));
  console.log(`  seeded in ${s(seeded.ms)}; process RSS now ${mb(process.memoryUsage().rss)}`);

  // Baseline: dexie-export-import's plain export of the same database (no encryption, no verification, one Blob).
  const { exportDB } = await loadDexieExportImport();
  const plain = await measure(() => exportDB(db));
  console.log(`baseline  dexie-export-import exportDB: ${s(plain.ms)}, peak RSS +${mb(plain.rss)}, heap +${mb(plain.heap)}, ${mb(plain.value.size)} of JSON`);
  void plain.value;

  const recipient = await createBackupRecipient(passphrase, randomBytes);
  const userData = mkdtempSync(path.join(tmpdir(), 'timedesk-bench-backup-'));
  try {
    const store = new BackupFileStore(userData);
    const backup = await measure(() => runBackup({ db, recipient, kind: 'manual', now: Date.UTC(2026, 11, 5, 13, 2), clock: Date.now, appVersion: 'bench', targets: [folderTarget(store)], randomBytes }));
    const [target] = backup.value.targets;
    console.log(`backup    snapshot → encrypt → disk → read back → verify: ${s(backup.ms)}, peak RSS +${mb(backup.rss)}, heap +${mb(backup.heap)}, ${mb(target?.bytes ?? 0)} file, ${backup.value.outcome}`);
    if (backup.value.outcome !== 'verified') throw new Error(JSON.stringify(backup.value.problem ?? target?.problem));
    const file = path.join(store.appDataFolder, target!.fileName);
    db.close();

    const fresh = new TimedeskDb(freshStorage('bench-restore'));
    await fresh.open();
    const restore = await measure(() =>
      restoreBackup({ db: fresh, open: () => fileSlices(file), passphrase, session: null, clock: Date.now, newId: () => 'bench-restore', safetyBackup: async () => undefined }),
    );
    console.log(`restore   header → passphrase → verify all → replace in one transaction: ${s(restore.ms)}, peak RSS +${mb(restore.rss)}, heap +${mb(restore.heap)}`);
    const restored = [await fresh.appointments.count(), await fresh.audit.count()];
    console.log(`          restored ${restored[0]!.toLocaleString()} appointments, ${restored[1]!.toLocaleString()} audit entries`);
    fresh.close();

    const { importInto } = await loadDexieExportImport();
    const plainTarget = new Dexie('bench-import', { indexedDB: new (await import('fake-indexeddb')).IDBFactory(), IDBKeyRange: storage.IDBKeyRange });
    const imported = await measure(async () => {
      const copy = new TimedeskDb({ name: 'bench-import', indexedDB: (plainTarget as unknown as { _options: { indexedDB: IDBFactory } })._options.indexedDB, IDBKeyRange: storage.IDBKeyRange });
      await copy.open();
      copy.close();
      await plainTarget.open();
      await importInto(plainTarget, plain.value, { acceptNameDiff: true });
    }).catch((error: unknown) => ({ error }));
    if ('error' in imported) console.log(`baseline  dexie-export-import importInto: failed in Node (${String(imported.error).slice(0, 80)})`);
    else console.log(`baseline  dexie-export-import importInto (no verification): ${s(imported.ms)}, peak RSS +${mb(imported.rss)}, heap +${mb(imported.heap)}`);

    const total = backup.ms + restore.ms;
    const peak = Math.max(backup.rss, restore.rss);
    console.log(`backup + verified restore: ${s(total)} (target < 60 s: ${total < 60_000 ? 'PASS' : 'MISS'}), peak RSS rise ${mb(peak)} (target < 500 MB: ${peak < 500 * 1024 * 1024 ? 'PASS' : 'MISS'})`);
    console.log(`ratio backup / plain export: ${(backup.ms / plain.ms).toFixed(2)}x time, ${(backup.rss / Math.max(1, plain.rss)).toFixed(2)}x peak RSS rise`);
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
}
