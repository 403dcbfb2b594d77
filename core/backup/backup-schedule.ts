import { instantToWallTime } from '../time';

/** When the automatic backup runs. */
export interface BackupScheduleInput {
  /** "Now", epoch ms. */
  now: number;
  timeZone: string;
  /** The clinic's opening time today, `HH:MM` wall time (the earliest working hours), or null on a closed day. */
  openingTime: string | null;
  /** When the last verified backup of this desk was made (UTC instant), or null. */
  lastVerifiedAt: string | null;
  /** When anyone last changed data on this desk (epoch ms), or null. */
  lastActivityAt: number | null;
  /** How long nothing must happen before a backup starts; one minute by default. */
  quietMs?: number;
}

/** Whether to back up now, and if not, why (for the settings screen and tests). */
export type BackupScheduleDecision =
  | { due: true; reason: 'first-today' | 'overdue' }
  | { due: false; reason: 'done-today' | 'before-opening' | 'busy'; retryAfterMs: number };

/** 24 hours: a desk older than this without a verified backup (and without sync) is warned. */
export const backupWarningAfterMs = 24 * 60 * 60 * 1000;

/**
 * The daily schedule: once per local day, at the first quiet minute after the
 * clinic opens (a backup holds a read transaction, so commands wait while it
 * runs: it should not start while the counter is busy). A desk that has gone
 * 24 h without a verified backup does not wait for opening time (it may be
 * switched on only at night). Closed days back up only when overdue.
 *
 * @example decideScheduledBackup({ now, timeZone: 'Europe/London', openingTime: '08:00', lastVerifiedAt: null, lastActivityAt: null }) // { due: true, reason: 'first-today' } after 08:00
 */
export function decideScheduledBackup(input: BackupScheduleInput): BackupScheduleDecision {
  const quietMs = input.quietMs ?? 60_000;
  const wallNow = instantToWallTime(input.now, input.timeZone);
  const today = wallNow.slice(0, 10);
  const last = input.lastVerifiedAt === null ? null : Date.parse(input.lastVerifiedAt);
  const overdue = last === null || input.now - last >= backupWarningAfterMs;
  if (last !== null && instantToWallTime(last, input.timeZone).slice(0, 10) === today && !overdue) {
    return { due: false, reason: 'done-today', retryAfterMs: 15 * 60_000 };
  }
  const afterOpening = input.openingTime !== null && wallNow.slice(11, 16) >= input.openingTime;
  if (!afterOpening && !overdue) return { due: false, reason: 'before-opening', retryAfterMs: 60_000 };
  const quietFor = input.lastActivityAt === null ? Number.POSITIVE_INFINITY : input.now - input.lastActivityAt;
  if (quietFor < quietMs) return { due: false, reason: 'busy', retryAfterMs: quietMs - quietFor };
  return { due: true, reason: overdue && last !== null ? 'overdue' : 'first-today' };
}
