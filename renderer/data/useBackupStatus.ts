import { readBackupKey } from '../../core/backup-restore';
import type { BackupRun } from '../../core/backup-restore';
import type { BackupKeyRow } from '../../core/backup';
import { useAppData } from './useAppData';
import { useDeskBackups } from './useDeskBackups';
import { useLiveQuery } from './useLiveQuery';

/** What the screens show about backups. */
export interface BackupStatus {
  lastVerified: BackupRun | null;
  last: BackupRun | null;
  recent: BackupRun[];
  key: BackupKeyRow | null;
}

/**
 * The ledger's runs and the backup key, live (a backup finishing in another tab updates it too).
 *
 * @example const status = useBackupStatus(); status?.lastVerified?.createdAt
 */
export function useBackupStatus(): BackupStatus | null {
  const { ledger } = useDeskBackups();
  const { db } = useAppData();
  const runs = useLiveQuery('backup-runs', async () => ({
    recent: await ledger.runs.orderBy('id').reverse().limit(10).toArray(),
    lastVerified: await ledger.lastVerified(),
  }));
  const key = useLiveQuery('backup-key', () => readBackupKey(db));
  if (runs.status !== 'ready' || key.status !== 'ready') return null;
  return { lastVerified: runs.value.lastVerified, last: runs.value.recent[0] ?? null, recent: runs.value.recent, key: key.value };
}
