import type { AuditEntry } from '../../core/audit';

type Ordered = Pick<AuditEntry, 'at' | 'deviceId' | 'seq'>;

/**
 * Whether `entry` comes before `than` in the audit screen's newest-first
 * order (core/queries' `auditLog` order: time, then device, then seq, all
 * descending), i.e. whether it is newer.
 *
 * @example isNewer({ at: '2026-11-25T14:00:01.000Z', deviceId: 'a', seq: 9 }, { at: '2026-11-25T14:00:00.000Z', deviceId: 'a', seq: 8 }) // true
 */
export function isNewer(entry: Ordered, than: Ordered): boolean {
  if (entry.at !== than.at) return entry.at > than.at;
  if (entry.deviceId !== than.deviceId) return entry.deviceId > than.deviceId;
  return entry.seq > than.seq;
}

/**
 * Puts freshly read entries (newest first) on top of the list already shown,
 * keeping only those newer than its top, so a re-read page never duplicates
 * a row.
 *
 * @example withNewerOnTop([e5, e4], [e6, e5]) // [e6, e5, e4]
 */
export function withNewerOnTop<Entry extends Ordered>(shown: readonly Entry[], fresh: readonly Entry[]): Entry[] {
  const top = shown[0];
  if (!top) return [...fresh];
  const newer = fresh.filter((entry) => isNewer(entry, top));
  return newer.length === 0 ? (shown as Entry[]) : [...newer, ...shown];
}
