import { backupWarningAfterMs } from '../../core/backup';

/**
 * Whether the day view warns: no verified backup for 24 h (counted from the
 * desk's first run when it never had one) and no sync that would hold a copy
 * (never synced, or not within those 24 h either). Pure, for the test.
 *
 * @example needsBackupWarning({ now, firstRunAt, lastVerifiedAt: null, lastSyncAt: null }) // true a day after first run
 */
export function needsBackupWarning(input: { now: number; firstRunAt: string; lastVerifiedAt: string | null; lastSyncAt: number | null }): { warn: false } | { warn: true; sinceMs: number | null } {
  const synced = input.lastSyncAt !== null && input.now - input.lastSyncAt < backupWarningAfterMs;
  if (synced) return { warn: false };
  const since = Date.parse(input.lastVerifiedAt ?? input.firstRunAt);
  if (input.now - since < backupWarningAfterMs) return { warn: false };
  return { warn: true, sinceMs: input.lastVerifiedAt === null ? null : input.now - since };
}
