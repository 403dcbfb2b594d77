import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

/**
 * A series' repeat rule (its RRULE), live; `undefined` while loading, for no
 * series, or when it is gone. Moving a weekly series' visit to another day
 * may move the whole series' weekdays (core/recurrence `weekdayMoveBlocker`
 * says when it cannot).
 *
 * @example const seriesRule = useSeriesRule(item.seriesId); // 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10'
 */
export function useSeriesRule(seriesId: string | undefined): string | undefined {
  const { db } = useAppData();
  const result = useLiveQuery(`series-rule:${seriesId ?? ''}`, async () => (seriesId ? ((await db.series.get(seriesId))?.rrule ?? null) : null));
  return result.status === 'ready' ? (result.value ?? undefined) : undefined;
}
