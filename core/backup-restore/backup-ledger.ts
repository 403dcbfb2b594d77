import Dexie from 'dexie';
import type { DexieOptions, Table } from 'dexie';
import type { BackupAuditHead, BackupKind, BackupProblem } from '../backup';

/** How one target's copy of a backup ended. */
export interface TargetOutcome {
  target: string;
  fileName: string;
  outcome: 'verified' | 'failed';
  bytes: number;
  problem?: BackupProblem;
}

/** One backup attempt, as the settings screen and the warning read it. */
export interface BackupRun {
  id?: number;
  kind: BackupKind;
  /** The backup's moment (UTC instant, also in its header and file name). */
  createdAt: string;
  /** Finished (UTC instant). */
  finishedAt: string;
  /** `verified` when at least one target verified. */
  outcome: 'verified' | 'failed';
  targets: TargetOutcome[];
  /** The audit heads the backup holds: the anchors kept apart from the log. */
  auditHeads: BackupAuditHead[];
  totalRows: number;
  problem?: BackupProblem;
}

/** How many runs are kept (each holds the heads: "the last few heads"). */
export const keptRuns = 60;

/**
 * The desk's record of its backups, in its OWN IndexedDB database
 * (`<name>-backups`), apart from the clinic database: it is not in the
 * backups, a restore does not replace it, and it keeps the audit heads of
 * the last backups apart from the log they anchor.
 *
 * @example const ledger = new BackupLedger({ name: 'timedesk-backups' });
 */
export class BackupLedger extends Dexie {
  declare readonly runs: Table<BackupRun, number>;

  constructor(options: { name: string; indexedDB?: DexieOptions['indexedDB']; IDBKeyRange?: DexieOptions['IDBKeyRange'] }) {
    super(options.name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores({ runs: '++id, createdAt, outcome' });
  }

  /** Records a run and drops the oldest beyond {@link keptRuns}. */
  async record(run: BackupRun): Promise<void> {
    await this.transaction('rw', this.runs, async () => {
      await this.runs.add(run);
      const count = await this.runs.count();
      if (count > keptRuns) await this.runs.orderBy('id').limit(count - keptRuns).delete();
    });
  }

  /** The newest verified run, or null. */
  async lastVerified(): Promise<BackupRun | null> {
    return (await this.runs.where('outcome').equals('verified').reverse().sortBy('createdAt'))[0] ?? null;
  }

  /** The newest run whatever its outcome, or null. */
  async last(): Promise<BackupRun | null> {
    return (await this.runs.orderBy('id').last()) ?? null;
  }
}
