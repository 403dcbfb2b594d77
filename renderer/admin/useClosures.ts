import type { Closure } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

/**
 * Every closure and holiday, latest first, live; `undefined` while loading.
 *
 * @example const closures = useClosures() ?? [];
 */
export function useClosures(): Closure[] | undefined {
  const { db } = useAppData();
  const result = useLiveQuery('admin-closures', async () => (await db.closures.toArray()).sort((left, right) => right.startDate.localeCompare(left.startDate)));
  return result.status === 'ready' ? result.value : undefined;
}
