import { useEffect, useState } from 'react';
import { subscribeSharedLiveQuery } from './shared-live-query';
import type { LiveResult } from './useLiveQuery';

/**
 * {@link useLiveQuery} for data several mounted components show at once:
 * they share one Dexie live query per `owner` and `key`
 * (shared-live-query.ts), so a change re-reads it once, not once per
 * component. Like useLiveQuery, a new key drops the old key's value.
 *
 * @example const day = useSharedLiveQuery(db, `day:${date}:${zone}`, () => readDaySheet(db, date, zone));
 */
export function useSharedLiveQuery<T>(owner: object, key: string, query: () => Promise<T>): LiveResult<T> {
  const [state, setState] = useState<{ key: string; result: LiveResult<T> }>({ key, result: { status: 'loading' } });
  useEffect(
    () => subscribeSharedLiveQuery(owner, key, query, (result) => setState({ key, result })),
    // The key names everything the query depends on; the closure itself changes every render.
    [owner, key],
  );
  return state.key === key ? state.result : { status: 'loading' };
}
