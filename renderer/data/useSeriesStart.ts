import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';

/**
 * A series' first start (`dtstart`, a wall time in its zone), live; `undefined`
 * while loading, for no series, or when it is gone. "Change all visits" moves
 * it by the same wall-clock amount as the visit the user moved.
 *
 * @example const seriesStart = useSeriesStart(item.seriesId); // '2026-01-05T09:00:00'
 */
export function useSeriesStart(seriesId: string | undefined): string | undefined {
  const { db } = useAppData();
  const result = useLiveQuery(`series-start:${seriesId ?? ''}`, async () => (seriesId ? ((await db.series.get(seriesId))?.dtstart ?? null) : null));
  return result.status === 'ready' ? (result.value ?? undefined) : undefined;
}
