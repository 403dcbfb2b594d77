import type { AvailabilityRule } from '../../core/model';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';

/**
 * One resource's weekly hours and breaks, live; `undefined` while loading.
 *
 * @example const rules = useWeeklyHours('dr-lee') ?? [];
 */
export function useWeeklyHours(resourceId: string): AvailabilityRule[] | undefined {
  const { db } = useAppData();
  const result = useLiveQuery(`admin-hours:${resourceId}`, () => (resourceId ? db.availability.where('resourceId').equals(resourceId).toArray() : Promise.resolve([])));
  return result.status === 'ready' ? result.value : undefined;
}
