import { readDeskNames } from '../../core/sync';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

const none: Readonly<Record<string, string>> = {};

/**
 * The names the clinic's desks enrolled under ("Front desk 2"), by device
 * id, live: every pull page brings the server's list (core/sync
 * `readDeskNames`). Empty while loading or before the first pull. Use
 * core/sync's `deskName(names, id)` to fall back to the id.
 *
 * @example const names = useDeskNames(); deskName(names, conflict.deviceIds[0]) // 'Front desk 2'
 */
export function useDeskNames(): Readonly<Record<string, string>> {
  const { db } = useAppData();
  const result = useLiveQuery('sync-desk-names', () => readDeskNames(db));
  return result.status === 'ready' ? result.value : none;
}
