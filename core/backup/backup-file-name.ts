import { backupKinds, type BackupKind } from './backup-header';

/** Every backup file ends so; a file being written ends `.tdbackup.partial` until it verified. */
export const backupExtension = '.tdbackup';
/** The suffix of a file still being written or verified; never counted as a backup. */
export const partialSuffix = '.partial';

const namePattern = /^timedesk-([a-z0-9-]{1,40})-(\d{8})T(\d{6})(\d{3})Z-([a-z-]+)\.tdbackup$/;

/**
 * The file name of a backup: the clinic (a slug of its name), the UTC
 * instant (sortable, and the same on every OS: no `:`), the kind.
 *
 * @example backupFileName('North Street', '2026-12-05T08:02:00.000Z', 'scheduled') // 'timedesk-north-street-20261205T080200000Z-scheduled.tdbackup'
 */
export function backupFileName(clinicName: string, createdAt: string, kind: BackupKind): string {
  const slug =
    clinicName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/g, '') || 'clinic';
  const stamp = createdAt.replace(/[-:.]/g, '');
  return `timedesk-${slug}-${stamp}-${kind}${backupExtension}`;
}

/** What a backup's file name says. */
export interface NamedBackup {
  name: string;
  createdAt: string;
  kind: BackupKind;
}

/**
 * Reads a backup file name back; null for anything else (other files in a
 * shared folder, partial files), which the retention never touches.
 *
 * @example parseBackupFileName('timedesk-north-street-20261205T080200000Z-scheduled.tdbackup')?.createdAt // '2026-12-05T08:02:00.000Z'
 */
export function parseBackupFileName(name: string): NamedBackup | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  const [, , date, time, millis, kind] = match;
  if (!(backupKinds as readonly string[]).includes(kind!)) return null;
  const createdAt = `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4, 6)}.${millis}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { name, createdAt, kind: kind as BackupKind };
}
