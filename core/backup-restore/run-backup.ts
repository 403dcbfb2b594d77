import {
  BackupError,
  BackupWriter,
  ContentsCheck,
  backupFileName,
  backupFormatVersion,
  decryptBackupSegments,
  fileKeyForWriting,
  parseBackupFileName,
  planRetention,
  readBackupHeader,
  type BackupHeader,
  type BackupKind,
  type BackupProblem,
  type BackupRecipient,
  type ChunkCodec,
  type ContentsReport,
  type NamedBackup,
  type RetentionPolicy,
} from '../backup';
import { readClinicSettings, readDevice, type TimedeskDb } from '../db';
import type { BackupRun, TargetOutcome } from './backup-ledger';
import type { BackupTarget, PendingBackupFile } from './backup-target';
import { streamSnapshot } from './database-snapshot';
import { ensureClinicIdentity } from './desk-backup-settings';

/** What a backup run needs. */
export interface RunBackupOptions {
  db: TimedeskDb;
  recipient: BackupRecipient;
  kind: BackupKind;
  /** "Now", epoch ms: the backup's moment. */
  now: number;
  /** When the run finished (the clock is read again at the end). */
  clock: () => number;
  appVersion: string;
  targets: readonly BackupTarget[];
  randomBytes: (count: number) => Uint8Array;
  retention?: RetentionPolicy;
  rowsPerSegment?: number;
  codec?: ChunkCodec;
  onProgress?: (progress: { rows: number; totalRows: number; phase: 'writing' | 'verifying' }) => void;
}

/** A run's result: the header written, and per target whether its copy verified. */
export interface BackupRunResult extends BackupRun {
  header: BackupHeader | null;
  report: ContentsReport | null;
}

function problemOf(error: unknown, fallback: BackupProblem['code']): BackupProblem {
  if (error instanceof BackupError) return error.toJSON();
  return { code: fallback, message: error instanceof Error ? error.message : String(error) };
}

/** Several pending files written as one; a target that fails is dropped and the others go on. */
class FanOut {
  readonly failures = new Map<string, BackupProblem>();
  constructor(readonly files: Map<string, PendingBackupFile>) {}

  async write(bytes: Uint8Array): Promise<void> {
    await Promise.all(
      [...this.files].map(async ([target, file]) => {
        try {
          await file.write(bytes);
        } catch (error) {
          this.failures.set(target, problemOf(error, 'write-failed'));
          this.files.delete(target);
          await file.discard();
        }
      }),
    );
    if (this.files.size === 0) throw new BackupError('write-failed', 'No destination could be written.');
  }
}

/**
 * One backup: a consistent snapshot of the whole database (core/backup-restore
 * database-snapshot.ts) streamed through the encrypted file writer to every
 * target at once, then each target's copy closed, READ BACK from its medium,
 * decrypted, parsed, counted and its audit chain verified (core/backup
 * ContentsCheck) before it gets its real name; a copy that fails anywhere is
 * deleted. Verified copies then prune their folder to the retention policy.
 * Never throws for a target's failure: the result says what happened where.
 *
 * @example
 * const result = await runBackup({ db, recipient, kind: 'scheduled', now: Date.now(), clock: Date.now, appVersion, targets, randomBytes });
 * result.outcome; // 'verified'
 */
export async function runBackup(options: RunBackupOptions): Promise<BackupRunResult> {
  const { db, recipient, kind } = options;
  const createdAt = new Date(options.now).toISOString();
  const identity = await ensureClinicIdentity(db, options.randomBytes);
  const clinic = await readClinicSettings(db);
  const fileName = backupFileName(clinic.name, createdAt, kind);
  const { key, ephemeralPublicKey } = fileKeyForWriting(recipient, options.randomBytes);
  const files = new Map<string, PendingBackupFile>();
  const failures = new Map<string, BackupProblem>();
  for (const target of options.targets) {
    try {
      files.set(target.id, await target.create(fileName));
    } catch (error) {
      failures.set(target.id, problemOf(error, 'write-failed'));
    }
  }
  let header: BackupHeader | null = null;
  let bytes = 0;
  let totalRows = 0;
  let report: ContentsReport | null = null;
  const fanOut = new FanOut(files);
  const finish = async (problem?: BackupProblem): Promise<BackupRunResult> => {
    for (const [target, failure] of fanOut.failures) failures.set(target, failure);
    const targets: TargetOutcome[] = options.targets.map((target) => {
      const failure = failures.get(target.id);
      return failure
        ? { target: target.id, fileName, outcome: 'failed', bytes: 0, problem: failure }
        : { target: target.id, fileName, outcome: 'verified', bytes };
    });
    const verified = targets.some((target) => target.outcome === 'verified') && !problem;
    return {
      kind,
      createdAt,
      finishedAt: new Date(options.clock()).toISOString(),
      outcome: verified ? 'verified' : 'failed',
      targets: verified ? targets : targets.map((target) => ({ ...target, outcome: 'failed' as const, problem: target.problem ?? problem })),
      auditHeads: header?.auditHeads ?? [],
      totalRows,
      header,
      report,
      ...(problem ? { problem } : {}),
    };
  };
  if (files.size === 0) return finish(failures.values().next().value ?? { code: 'write-failed', message: 'No backup destination.' });

  try {
    let writer: BackupWriter | null = null;
    let rows = 0;
    await streamSnapshot(
      db,
      {
        begin: async (facts) => {
          totalRows = Object.values(facts.counts).reduce((sum, count) => sum + count, 0);
          header = {
            app: 'timedesk',
            format: backupFormatVersion,
            kind,
            createdAt,
            appVersion: options.appVersion,
            clinic: { id: identity.id, serverClinicId: identity.serverClinicId, name: clinic.name, timeZone: clinic.timeZone },
            deviceId: (await readDevice(db)).deviceId,
            database: { name: facts.databaseName, version: facts.databaseVersion },
            counts: facts.counts,
            auditHeads: facts.auditHeads,
            encryption: { ...recipient, cipher: 'AES-256-GCM', compression: 'deflate-raw', ephemeralPublicKey },
          };
          writer = await BackupWriter.start({ header, key, randomBytes: options.randomBytes, write: (chunk) => fanOut.write(chunk), ...(options.codec ? { codec: options.codec } : {}) });
        },
        segment: async (text, count) => {
          await writer!.add(text);
          rows += count;
          options.onProgress?.({ rows, totalRows, phase: 'writing' });
        },
      },
      options.rowsPerSegment,
    );
    bytes = (await (writer as BackupWriter | null)!.finish()).bytes;
  } catch (error) {
    await Promise.all([...fanOut.files.values()].map((file) => file.discard()));
    return finish(problemOf(error, 'write-failed'));
  }

  const written = header as unknown as BackupHeader;
  for (const [target, file] of [...fanOut.files]) {
    try {
      await file.close();
      report = await verifyCopy(file.read(), written, key, options);
      await file.commit();
    } catch (error) {
      fanOut.failures.set(target, problemOf(error, 'write-failed'));
      fanOut.files.delete(target);
      await file.discard();
    }
  }
  const result = await finish();
  if (result.outcome === 'verified') await pruneTargets(options, result, written.clinic.timeZone);
  return result;
}

/** Reads a written copy back: the same header, every chunk decrypts, the contents check passes. */
async function verifyCopy(source: AsyncIterable<Uint8Array>, written: BackupHeader, key: Uint8Array, options: RunBackupOptions): Promise<ContentsReport> {
  const check = new ContentsCheck(written);
  let rows = 0;
  for await (const text of decryptBackupSegments(source, async (header) => {
    if (JSON.stringify(header) !== JSON.stringify(written)) throw new BackupError('file-altered', 'The header read back differs from the one written.');
    return key;
  }, options.codec)) {
    const checked = check.push(text);
    if (checked.kind === 'rows') {
      rows += checked.segment.rows.length;
      options.onProgress?.({ rows, totalRows: Object.values(written.counts).reduce((sum, count) => sum + count, 0), phase: 'verifying' });
    }
  }
  return check.finish();
}

async function pruneTargets(options: RunBackupOptions, result: BackupRunResult, timeZone: string): Promise<void> {
  for (const target of options.targets) {
    if (!result.targets.some((outcome) => outcome.target === target.id && outcome.outcome === 'verified')) continue;
    try {
      const named = (await target.list()).map(parseBackupFileName).filter((backup): backup is NamedBackup => backup !== null);
      const plan = planRetention(named, timeZone, options.retention);
      for (const name of plan.remove) await target.remove(name);
    } catch {
      // Pruning is housekeeping: a folder that cannot be listed keeps its old files, the backup still counts.
    }
  }
}

/**
 * Reads the header of a committed file (what a list of backups shows).
 *
 * @example (await peekBackup(file.read())).createdAt
 */
export const peekBackup = readBackupHeader;
