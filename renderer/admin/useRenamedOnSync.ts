import { readRenamedOnSync } from '../../core/sync';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

const none: ReadonlyMap<string, string> = new Map();

/**
 * The accounts a sync stored under another username on this desk (another
 * account here held theirs), by staff id → the username the clinic knows
 * them by, live; empty while loading. An administrator's rename takes an
 * account off the list (core/sync `readRenamedOnSync`).
 *
 * @example useRenamedOnSync().get('b-admin') // 'admin'
 */
export function useRenamedOnSync(): ReadonlyMap<string, string> {
  const { db } = useAppData();
  const result = useLiveQuery('admin-renamed-on-sync', () => readRenamedOnSync(db));
  return result.status === 'ready' ? result.value : none;
}
