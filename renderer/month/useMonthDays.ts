import { readMonth } from '../../core/queries';
import type { MonthDay } from '../../core/month';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';

/**
 * One resource's month grid, day by day, live (a booking, a cancellation or
 * a schedule change shows at once): core/queries' `readMonth`, one read of
 * the grid's whole range. Null while no resource is chosen.
 *
 * @example const days = useMonthDays('dr-lee', '2027-03', 1, 'Europe/London');
 */
export function useMonthDays(resourceId: string | null, month: string, weekStart: number, timeZone: string): LiveResult<MonthDay[] | null> {
  const { db } = useAppData();
  return useLiveQuery(`month:${resourceId}:${month}:${weekStart}:${timeZone}`, async () => (resourceId === null ? null : readMonth(db, { resourceId, month, weekStart, timeZone })));
}
