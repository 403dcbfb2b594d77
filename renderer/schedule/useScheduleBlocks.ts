import type { ScheduleBlock } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

/**
 * One resource's schedule blocks, working time first, then by start, live;
 * `undefined` while loading.
 *
 * @example const blocks = useScheduleBlocks('dr-lee') ?? [];
 */
export function useScheduleBlocks(resourceId: string): ScheduleBlock[] | undefined {
  const { db } = useAppData();
  const result = useLiveQuery(`schedule-blocks:${resourceId}`, async () =>
    resourceId === '' ? [] : (await db.scheduleBlocks.where('resourceId').equals(resourceId).toArray()).sort((left, right) => kindOrder[left.kind] - kindOrder[right.kind] || left.wallStart.localeCompare(right.wallStart)),
  );
  return result.status === 'ready' ? result.value : undefined;
}

const kindOrder: Record<ScheduleBlock['kind'], number> = { working: 0, break: 1, override: 2, blockout: 3, leave: 4 };
