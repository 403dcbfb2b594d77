import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackupError, decryptBackupSegments, fileKeyForReading, readBackupHeader, toDexieExportText } from '../backup';
import { verifyAuditChain, type AuditEntry } from '../audit';
import { admin, frontDesk } from '../commands/commands.fixture';
import { TimedeskDb } from '../db';
import { freshStorage } from '../db/fake-database.fixture';
import { backUp, bookedClinic, dumpTables, passphrase } from './backup-restore.fixture';
import { MemoryTarget, slicesOf } from './memory-target';
import { restoreBackup } from './restore-backup';
import { loadDexieExportImport } from './dexie-export-import.fixture';

async function problemOf(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

function only(target: MemoryTarget): { name: string; bytes: Uint8Array } {
  const [entry] = [...target.files];
  if (!entry) throw new Error('no backup file');
  return { name: entry[0], bytes: entry[1] };
}

describe('backup run', () => {
  it('writes every table, verified, with the header saying what it holds', async () => {
    const { db, recipient } = await bookedClinic();
    const target = new MemoryTarget('app-data');
    const result = await backUp(db, recipient, target);
    expect(result.outcome).toBe('verified');
    expect(target.partial.size).toBe(0);
    const { name, bytes } = only(target);
    expect(name).toBe('timedesk-test-clinic-20260110T080200000Z-manual.tdbackup');
    const header = await readBackupHeader(slicesOf(bytes, 100));
    expect(header.clinic.name).toBe('Test Clinic');
    expect(header.counts.appointments).toBe(5);
    expect(header.counts.series).toBe(1);
    // Every table of the database, with no list kept in code.
    expect(Object.keys(header.counts).sort()).toEqual(db.tables.map((table) => table.name).sort());
    const device = await db.meta.get('device');
    expect(header.auditHeads).toEqual([{ deviceId: header.deviceId, seq: (device as { auditSeq: number }).auditSeq, hash: (device as { auditHead: string }).auditHead, count: header.counts.audit }]);
    expect(result.report?.auditEntries).toBe(header.counts.audit);
  });

  it('is Dexie\'s own export format once decrypted: dexie-export-import imports it', async () => {
    const { db, recipient } = await bookedClinic();
    const target = new MemoryTarget('download');
    await backUp(db, recipient, target);
    const segments: string[] = [];
    for await (const text of decryptBackupSegments(slicesOf(only(target).bytes, 4096), (header) => fileKeyForReading(passphrase, header.encryption))) segments.push(text);
    const blob = new Blob([toDexieExportText(segments)]);
    const { importInto, peakImportFile } = await loadDexieExportImport();
    const meta = await peakImportFile(blob);
    expect(meta.data.tables.find((table) => table.name === 'appointments')?.rowCount).toBe(5);
    const storage = freshStorage('plain-import');
    const copy = new TimedeskDb(storage);
    await copy.open();
    copy.close();
    // dexie-export-import clears and bulk-puts, which the app's append-only audit guard refuses: import through a plain connection.
    const plain = new Dexie(storage.name, { indexedDB: storage.indexedDB, IDBKeyRange: storage.IDBKeyRange });
    await plain.open();
    await importInto(plain, blob, { clearTablesBeforeImport: true, acceptNameDiff: true });
    expect(await plain.table('appointments').count()).toBe(5);
    expect(await plain.table('audit').count()).toBe(await db.audit.count());
  });

  it('keeps no file and leaves the previous generation alone when the disk fills mid-write', async () => {
    const { db, recipient, clock, must } = await bookedClinic();
    const target = new MemoryTarget('chosen-folder');
    await backUp(db, recipient, target, Date.UTC(2026, 0, 9, 8));
    const previous = only(target);
    await must('patient/register', { id: 'p3', givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1906-12-09' }, frontDesk);
    target.failAfterBytes = 2000;
    const failed = await backUp(db, recipient, target, Date.UTC(2026, 0, 10, 8));
    expect(failed.outcome).toBe('failed');
    expect(failed.targets[0]).toMatchObject({ target: 'chosen-folder', outcome: 'failed', problem: { code: 'write-failed' } });
    expect(target.partial.size).toBe(0);
    expect([...target.files.keys()]).toEqual([previous.name]);
    expect(target.files.get(previous.name)).toEqual(previous.bytes);
    void clock;
  });

  it('goes on to the other targets when one fails', async () => {
    const { db, recipient } = await bookedClinic();
    const appData = new MemoryTarget('app-data');
    const stick = new MemoryTarget('chosen-folder');
    stick.failAfterBytes = 500;
    const now = Date.UTC(2026, 0, 10, 8);
    const { runBackup } = await import('./run-backup');
    const { randomBytes } = await import('@noble/hashes/utils.js');
    const result = await runBackup({ db, recipient, kind: 'scheduled', now, clock: () => now, appVersion: 'x', targets: [appData, stick], randomBytes, rowsPerSegment: 3 });
    expect(result.outcome).toBe('verified');
    expect(result.targets.map((target) => [target.target, target.outcome])).toEqual([['app-data', 'verified'], ['chosen-folder', 'failed']]);
    expect(appData.files.size).toBe(1);
    expect(stick.files.size).toBe(0);
  });
});

describe('restore', () => {
  it('replaces the database with the backup, audited in the restored chain', async () => {
    const { db, recipient, must } = await bookedClinic();
    const target = new MemoryTarget('app-data');
    await backUp(db, recipient, target);
    const before = await dumpTables(db);
    // Later work that the restore takes back.
    await must('patient/register', { id: 'p9', givenName: 'Later', familyName: 'Patient', dateOfBirth: '1990-01-01' }, frontDesk);
    let safetyCopies = 0;
    const { bytes } = only(target);
    const { entry } = await restoreBackup({
      db,
      open: () => slicesOf(bytes, 1000),
      passphrase,
      session: admin,
      clock: () => Date.UTC(2026, 0, 11, 9),
      newId: () => 'restore-entry',
      safetyBackup: async () => void (safetyCopies += 1),
    });
    expect(safetyCopies).toBe(1);
    const after = await dumpTables(db);
    expect(await db.patients.get('p9')).toBeUndefined();
    for (const table of Object.keys(before)) {
      if (table === 'audit' || table === 'meta' || table === 'syncState') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    expect(entry).toMatchObject({ action: 'BACKUP_RESTORED', reason: 'Restored from the backup of 2026-01-10 03:02 (America/New_York).', actor: { staffId: admin.staffId } });
    const audit = after.audit as AuditEntry[];
    expect(audit.slice(0, -1)).toEqual(before.audit);
    expect(audit.at(-1)).toEqual(entry);
    expect(verifyAuditChain(audit).ok).toBe(true);
    const device = (await db.meta.get('device')) as { auditSeq: number; auditHead: string };
    expect([device.auditSeq, device.auditHead]).toEqual([entry.seq, entry.hash]);
    // The app keeps working on the restored database: the next command chains on.
    await must('patient/register', { id: 'p10', givenName: 'After', familyName: 'Restore', dateOfBirth: '1990-01-01' }, frontDesk);
    expect(verifyAuditChain(await db.audit.toArray()).ok).toBe(true);
  });

  it('restores onto a wiped desk with no one signed in', async () => {
    const { db, recipient } = await bookedClinic();
    const target = new MemoryTarget('download');
    await backUp(db, recipient, target);
    const fresh = new TimedeskDb(freshStorage('wiped'));
    await fresh.open();
    const { bytes } = only(target);
    const { entry } = await restoreBackup({ db: fresh, open: () => slicesOf(bytes, 777), passphrase, session: null, clock: () => 0, newId: () => 'r1', safetyBackup: async () => expect.fail('nothing to save on a fresh desk') });
    expect(entry.actor).toEqual({ kind: 'system', systemId: 'restore', displayName: 'Restore from a backup' });
    expect(await fresh.appointments.count()).toBe(5);
    expect(await fresh.staff.count()).toBe(2);
  });

  it('refuses a wrong passphrase, a front-desk user, an altered file and another clinic — changing nothing', async () => {
    const { db, recipient } = await bookedClinic();
    const target = new MemoryTarget('app-data');
    await backUp(db, recipient, target);
    const { bytes } = only(target);
    const before = await dumpTables(db);
    const attempt = (overrides: Partial<Parameters<typeof restoreBackup>[0]>) =>
      problemOf(restoreBackup({ db, open: () => slicesOf(bytes, 4096), passphrase, session: admin, clock: () => 0, newId: () => 'x', safetyBackup: async () => undefined, ...overrides }));
    expect((await attempt({ passphrase: 'wrong wrong wrong wrong' })).code).toBe('wrong-passphrase');
    expect((await attempt({ session: frontDesk })).code).toBe('not-permitted');
    const altered = bytes.slice();
    altered[altered.length - 30]! ^= 0xff;
    expect((await attempt({ open: () => slicesOf(altered, 4096) })).code).toBe('file-altered');
    await db.meta.put({ key: 'clinic-identity', clinicId: 'another-clinic' } as never);
    expect((await attempt({})).code).toBe('other-clinic');
    expect((await attempt({ confirmClinicName: 'Test Clinik' })).code).toBe('other-clinic');
    await db.meta.put({ key: 'clinic-identity', clinicId: (await readBackupHeader(slicesOf(bytes, 4096))).clinic.id } as never);
    expect(await dumpTables(db)).toEqual(before);
  });

  it('leaves the old database whole when the file fails half-way through the write', async () => {
    const { db, recipient } = await bookedClinic();
    const target = new MemoryTarget('app-data');
    await backUp(db, recipient, target);
    const { bytes } = only(target);
    const before = await dumpTables(db);
    // Pass 1 reads the real file; pass 2 (the write) gets a copy cut short: the transaction aborts.
    let opened = 0;
    const problem = await problemOf(
      restoreBackup({
        db,
        open: () => (++opened <= 2 ? slicesOf(bytes, 4096) : slicesOf(bytes.slice(0, bytes.length - 100), 4096)),
        passphrase,
        session: admin,
        clock: () => 0,
        newId: () => 'x',
        safetyBackup: async () => undefined,
      }),
    );
    expect(problem.code).toBe('file-truncated');
    expect(opened).toBe(3);
    expect(await dumpTables(db)).toEqual(before);
  });
});

describe('restore of an older database version', () => {
  it('upgrades the backup through the app\'s own schema upgrades before it replaces the database', async () => {
    const { randomBytes } = await import('@noble/hashes/utils.js');
    const { appendEntry } = await import('../audit');
    const { v2Stores } = await import('../db');
    const { BackupWriter, fileKeyForWriting } = await import('../backup');
    const { testRecipient } = await import('../backup/backup-file.fixture');
    const { streamSnapshot } = await import('./database-snapshot');
    // A desk still on schema v2: one patient, one audit entry, an outbox row from before v3 (no `effects`).
    const storage = freshStorage('old-desk');
    const old = new Dexie(storage.name, { indexedDB: storage.indexedDB, IDBKeyRange: storage.IDBKeyRange });
    old.version(2).stores(v2Stores);
    await old.open();
    const entry = appendEntry(null, {
      id: 'e1', deviceId: 'old-desk', appVersion: '0.0.9', at: '2025-06-01T09:00:00.000Z',
      actor: { kind: 'staff', staffId: 's1', displayName: 'Sam', role: 'admin' }, action: 'PATIENT_REGISTERED',
      entityType: 'patient', entityId: 'p1', patientId: 'p1', changes: {}, reason: null, outcome: 'success', mutationId: 'm1',
    });
    await old.table('audit').add(entry);
    await old.table('patients').add({ id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' });
    await old.table('staff').add({ id: 's1', displayName: 'Sam', username: 'sam', role: 'admin', active: true });
    await old.table('outbox').add({ mutationId: 'm1', deviceId: 'old-desk', deviceSeq: 1, hlc: 'h', name: 'patient/register', args: {}, baseVersion: null, schemaVersion: 2 });
    await old.table('meta').bulkAdd([
      { key: 'device', deviceId: 'old-desk', appVersion: '0.0.9', firstRunAt: '2025-06-01T08:00:00.000Z', auditSeq: 1, auditHead: entry.hash, deviceSeq: 1, hlc: { millis: 0, counter: 0 } },
      { key: 'clinic', name: 'Old Clinic', timeZone: 'Europe/London', locale: 'en-GB', idleLockMinutes: 5 },
    ]);
    const recipient = await testRecipient(passphrase);
    const { key, ephemeralPublicKey } = fileKeyForWriting(recipient, randomBytes);
    const parts: Uint8Array[] = [];
    let writer: Awaited<ReturnType<typeof BackupWriter.start>> | null = null;
    await streamSnapshot(old, {
      begin: async (facts) => {
        writer = await BackupWriter.start({
          key, randomBytes, write: async (bytes) => void parts.push(bytes),
          header: {
            app: 'timedesk', format: 1, kind: 'manual', createdAt: '2025-06-02T08:00:00.000Z', appVersion: '0.0.9',
            clinic: { id: 'old', serverClinicId: null, name: 'Old Clinic', timeZone: 'Europe/London' }, deviceId: 'old-desk',
            database: { name: facts.databaseName, version: facts.databaseVersion }, counts: facts.counts, auditHeads: facts.auditHeads,
            encryption: { ...recipient, cipher: 'AES-256-GCM', compression: 'deflate-raw', ephemeralPublicKey },
          },
        });
      },
      segment: async (text) => writer!.add(text),
    });
    await writer!.finish();
    old.close();
    const bytes = new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
    expect((await readBackupHeader(slicesOf(bytes, 4096))).database.version).toBe(2);

    const freshOptions = freshStorage('new-desk');
    const fresh = new TimedeskDb(freshOptions);
    await fresh.open();
    await restoreBackup({ db: fresh, open: () => slicesOf(bytes, 4096), passphrase, session: null, clock: () => Date.UTC(2026, 0, 1), newId: () => 'r1', safetyBackup: async () => undefined });
    expect(await fresh.patients.get('p1')).toMatchObject({ familyName: 'Lovelace' });
    // v3's upgrade ran on the staged copy: the old outbox row now has its (empty) effects.
    expect(await fresh.outbox.get(1)).toMatchObject({ mutationId: 'm1', effects: [] });
    expect((await fresh.audit.toArray()).map((row) => row.action)).toEqual(['PATIENT_REGISTERED', 'BACKUP_RESTORED']);
    expect(verifyAuditChain(await fresh.audit.toArray()).ok).toBe(true);
    expect((await (freshOptions.indexedDB as unknown as IDBFactory).databases()).map((info: IDBDatabaseInfo) => info.name)).toEqual(['new-desk']);
  });
});
