import { nearestOpenings } from '../../core/openings';
import type { NearestOpeningQuery, NearestOpenings } from '../../core/openings';
import { useAppData } from '../data/useAppData';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';

/**
 * The nearest free times around a refused start (core/openings
 * `nearestOpenings`), as a live query: a booking saved meanwhile re-runs it.
 * `null` reads nothing — the dialog passes a query only once its debounced
 * dry run has refused the time (see `nearestTimesQuery`), so typing never
 * queues a lookup and a clear check never runs one. "Now" is the desk's
 * clock when the lookup runs, as for the dry run.
 *
 * @example const nearest = useNearestOpenings(nearestTimesQuery(checkInput, check));
 */
export function useNearestOpenings(query: NearestOpeningQuery | null): LiveResult<NearestOpenings | null> {
  const { db } = useAppData();
  return useLiveQuery(`nearest:${query === null ? '' : JSON.stringify(query)}`, () => (query === null ? Promise.resolve(null) : nearestOpenings(db, query, { now: Date.now() })));
}
