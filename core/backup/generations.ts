import { instantToWallTime } from '../time';
import type { NamedBackup } from './backup-file-name';

/** How many generations to keep: the newest backup of each of the last N days, weeks and months. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** Safety copies made before a restore, kept apart from the generations. */
  beforeRestore: number;
}

/** 7 daily, 4 weekly, 12 monthly (the default; grandfather-father-son). */
export const defaultRetention: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, beforeRestore: 3 };

/** Which files to keep and which to delete. */
export interface RetentionPlan {
  keep: string[];
  remove: string[];
}

function localDate(createdAt: string, timeZone: string): string {
  return instantToWallTime(Date.parse(createdAt), timeZone).slice(0, 10);
}

/** The Monday of the local date's ISO week, as `YYYY-MM-DD`. */
function weekOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(year, month - 1, day);
  const weekday = (new Date(utc).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(utc - weekday * 86_400_000).toISOString().slice(0, 10);
}

function newestPerPeriod(backups: readonly NamedBackup[], periodOf: (backup: NamedBackup) => string, count: number): string[] {
  const kept: string[] = [];
  const periods = new Set<string>();
  for (const backup of backups) {
    if (periods.size >= count) break;
    const period = periodOf(backup);
    if (periods.has(period)) continue;
    periods.add(period);
    kept.push(backup.name);
  }
  return kept;
}

/**
 * Grandfather-father-son retention over the verified backups in one folder:
 * keep the newest backup of each of the last `daily` local days that have
 * one, of the last `weekly` ISO weeks and of the last `monthly` months (days,
 * weeks and months in the clinic's zone), plus the newest `beforeRestore`
 * safety copies; the newest backup is always kept. Everything else listed
 * is to be removed. Files that are not backups are never listed here.
 *
 * @example planRetention(backups, 'Europe/London').remove // ['timedesk-…-20261120T…-scheduled.tdbackup', …]
 */
export function planRetention(backups: readonly NamedBackup[], timeZone: string, policy: RetentionPolicy = defaultRetention): RetentionPlan {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const generations = newestFirst.filter((backup) => backup.kind !== 'before-restore');
  const safety = newestFirst.filter((backup) => backup.kind === 'before-restore');
  const keep = new Set<string>([
    ...newestPerPeriod(generations, (backup) => localDate(backup.createdAt, timeZone), policy.daily),
    ...newestPerPeriod(generations, (backup) => weekOf(localDate(backup.createdAt, timeZone)), policy.weekly),
    ...newestPerPeriod(generations, (backup) => localDate(backup.createdAt, timeZone).slice(0, 7), policy.monthly),
    ...safety.slice(0, policy.beforeRestore).map((backup) => backup.name),
  ]);
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  return {
    keep: newestFirst.filter((backup) => keep.has(backup.name)).map((backup) => backup.name),
    remove: newestFirst.filter((backup) => !keep.has(backup.name)).map((backup) => backup.name),
  };
}
