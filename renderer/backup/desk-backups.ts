import { nobodySignedIn } from '../../core/commands';
import type { BackupRecipient } from '../../core/backup';
import type { CommandRunner, CommandSession } from '../../core/commands';
import { decideScheduledBackup } from '../../core/backup';
import { BackupLedger, MemoryTarget, inspectBackup, readBackupRecipient, readScheduleFacts, restoreBackup, runBackup } from '../../core/backup-restore';
import type { BackupInspection, BackupRunResult, BackupTarget, CatchUpOutcome } from '../../core/backup-restore';
import { readClinicSettings } from '../../core/db';
import type { TimedeskDb } from '../../core/db';
import { createHttpTransport, fetchDeviceHistory } from '../../core/sync';
import { desktopBridge } from '../desktop/desktop-bridge';
import { desktopBackupTargets } from './desktop-targets';
import { downloadInBrowser } from '../desktop/desktop-bridge';
import { blobSlices } from './file-slices';
import { makeDowntimePack } from './downtime-pack';
import type { DowntimePackOutcome } from './downtime-pack';

/** What the backup screens need from the opened database. */
export interface BackupDeps {
  db: TimedeskDb;
  commands: CommandRunner;
  appVersion: string;
  randomBytes: (count: number) => Uint8Array;
  newId: () => string;
}

/** Progress of a backup or restore, for one progress bar. */
export type BackupProgress = { phase: 'writing' | 'verifying' | 'safety' | 'restoring'; rows: number; totalRows: number };

/** Why a backup could not start at all. */
export class NoBackupPassphrase extends Error {
  constructor() {
    super('No backup passphrase is set.');
    this.name = 'NoBackupPassphrase';
  }
}

/**
 * The desk's backups, bound to its database: where files go (the shell's
 * folders, or a download in the browser), the ledger, and the audit entry
 * of every run.
 *
 * @example const backups = createDeskBackups(deps); await backups.backUp('manual', session);
 */
export interface DeskBackups {
  ledger: BackupLedger;
  /** True in the desktop app: backups are written by themselves (schedule, on quit); the browser downloads. */
  writesFiles: boolean;
  backUp(kind: 'scheduled' | 'manual' | 'on-quit', session: CommandSession | null, onProgress?: (progress: BackupProgress) => void): Promise<BackupRunResult>;
  inspect(file: Blob): Promise<BackupInspection>;
  /** Makes the downtime pack: into the backup folder's `downtime/` in the desktop app, as downloads in the browser. */
  downtimePack(session: CommandSession): Promise<DowntimePackOutcome>;
  /** Whether the daily backup is due now (core/backup's schedule over this desk's facts); false without a passphrase. */
  scheduledBackupDue(now: number): Promise<{ due: boolean; retryAfterMs: number }>;
  restore(options: {
    file: Blob;
    passphrase: string;
    session: CommandSession | null;
    confirmClinicName?: string;
    onProgress?: (progress: BackupProgress) => void;
  }): Promise<{ catchUp: CatchUpOutcome }>;
}

const ledgers = new Map<string, BackupLedger>();

/**
 * The ledger of one database (its own IndexedDB database, `<name>-backups`).
 *
 * @example ledgerFor(db).lastVerified()
 */
export function ledgerFor(db: TimedeskDb): BackupLedger {
  let ledger = ledgers.get(db.name);
  if (!ledger) {
    ledger = new BackupLedger({ name: `${db.name}-backups` });
    ledgers.set(db.name, ledger);
  }
  return ledger;
}

/** Binds backups to the database; see {@link DeskBackups}. */
export function createDeskBackups(deps: BackupDeps): DeskBackups {
  const ledger = ledgerFor(deps.db);
  const bridge = desktopBridge();

  async function run(
    kind: 'scheduled' | 'manual' | 'on-quit' | 'before-restore',
    session: CommandSession | null,
    onProgress?: (progress: BackupProgress) => void,
    fallbackRecipient?: BackupRecipient,
  ): Promise<BackupRunResult> {
    const recipient = (await readBackupRecipient(deps.db)) ?? fallbackRecipient;
    if (!recipient) throw new NoBackupPassphrase();
    const download = new MemoryTarget('download');
    const targets: BackupTarget[] = bridge ? await desktopBackupTargets(bridge) : [download];
    const now = Date.now();
    const result = await runBackup({
      db: deps.db,
      recipient,
      kind,
      now,
      clock: () => Date.now(),
      appVersion: deps.appVersion,
      targets,
      randomBytes: deps.randomBytes,
      ...(onProgress ? { onProgress: (progress) => onProgress(progress) } : {}),
    });
    for (const [name, bytes] of download.files) downloadInBrowser(name, new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    await ledger.record({
      kind: result.kind,
      createdAt: result.createdAt,
      finishedAt: result.finishedAt,
      outcome: result.outcome,
      targets: result.targets,
      auditHeads: result.auditHeads,
      totalRows: result.totalRows,
      ...(result.problem ? { problem: result.problem } : {}),
    });
    await deps.commands.run(
      'backup/record',
      {
        kind,
        createdAt: result.createdAt,
        outcome: result.outcome,
        rows: result.totalRows,
        targets: result.targets.map((target) => ({ target: target.target, outcome: target.outcome, ...(target.problem ? { problem: target.problem.code } : {}) })),
      },
      session ?? nobodySignedIn,
    );
    return result;
  }

  return {
    ledger,
    writesFiles: bridge !== undefined,
    async backUp(kind, session, onProgress) {
      const result = await run(kind, session, onProgress);
      // After the daily backup the pack on the backup folder is refreshed, so the morning's paper is today's.
      if (kind === 'scheduled' && result.outcome === 'verified' && result.targets.some((target) => target.target === 'chosen-folder')) {
        // A failed refresh leaves the last pack in place and never fails the backup that went well.
        const refreshed = await makeDowntimePack({ db: deps.db, commands: deps.commands, bridge }, nobodySignedIn).catch((error: unknown) => ({ outcome: 'failed' as const, problem: String(error) }));
        if (refreshed.outcome === 'failed') console.error('Downtime pack refresh failed', refreshed.problem);
      }
      return result;
    },
    downtimePack: (session) => makeDowntimePack({ db: deps.db, commands: deps.commands, bridge }, session),
    inspect: (file) => inspectBackup(deps.db, blobSlices(file)),
    async scheduledBackupDue(now) {
      if (!(await readBackupRecipient(deps.db))) return { due: false, retryAfterMs: 15 * 60_000 };
      const clinic = await readClinicSettings(deps.db);
      const facts = await readScheduleFacts(deps.db, now, clinic.timeZone);
      const decision = decideScheduledBackup({ now, timeZone: clinic.timeZone, openingTime: facts.openingTime, lastVerifiedAt: (await ledger.lastVerified())?.createdAt ?? null, lastActivityAt: facts.lastActivityAt });
      return decision.due ? { due: true, retryAfterMs: 0 } : { due: false, retryAfterMs: decision.retryAfterMs };
    },
    async restore({ file, passphrase, session, confirmClinicName, onProgress }) {
      const { marker } = await restoreBackup({
        db: deps.db,
        open: () => blobSlices(file),
        passphrase,
        session,
        ...(confirmClinicName !== undefined ? { confirmClinicName } : {}),
        clock: () => Date.now(),
        newId: deps.newId,
        safetyBackup: async (header) => {
          onProgress?.({ phase: 'safety', rows: 0, totalRows: 0 });
          const { kdf, salt, publicKey } = header.encryption;
          const safety = await run('before-restore', session, undefined, { kdf, salt, publicKey });
          if (safety.outcome !== 'verified') throw new Error(safety.problem?.message ?? 'The safety backup failed.');
        },
        catchUp: (enrollment, afterAuditSeq) => fetchDeviceHistory(createHttpTransport({ baseUrl: enrollment.serverUrl, token: enrollment.token, fetch: window.fetch.bind(window) }), afterAuditSeq),
        ...(onProgress ? { onProgress: (progress) => onProgress(progress) } : {}),
      });
      return { catchUp: marker.catchUp };
    },
  };
}
