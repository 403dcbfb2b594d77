import { useMemo } from 'react';
import { createDeskBackups } from '../backup/desk-backups';
import type { DeskBackups } from '../backup/desk-backups';
import { appVersion, randomBytes, randomId } from './app-database';
import { useAppData } from './useAppData';

/**
 * The desk's backups bound to the opened database (renderer/backup/desk-backups.ts).
 *
 * @example const backups = useDeskBackups(); await backups.backUp('manual', staff);
 */
export function useDeskBackups(): DeskBackups {
  const { db, commands } = useAppData();
  return useMemo(() => createDeskBackups({ db, commands, appVersion, randomBytes, newId: randomId }), [db, commands]);
}
