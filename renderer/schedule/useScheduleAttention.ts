import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import { readOpenDisplaced } from './displaced-records';
import type { OpenDisplaced } from './displaced-records';
import { readOpenScheduleEdits } from './schedule-edits';
import type { OpenScheduleEdit } from './schedule-edits';

/**
 * What schedules put on Needs attention, live: visits a schedule change left
 * outside the hours, and blocks two desks changed at once.
 *
 * @example const attention = useScheduleAttention(); if (attention.status === 'ready') attention.value.displaced.length;
 */
export function useScheduleAttention(): LiveResult<{ displaced: OpenDisplaced[]; edits: OpenScheduleEdit[] }> {
  const { db, deviceId } = useAppData();
  return useLiveQuery('schedule-attention', async () => ({ displaced: await readOpenDisplaced(db), edits: await readOpenScheduleEdits(db, deviceId) }));
}
