import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/** A live query's state: still loading, its latest value, or the error it failed with. */
export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown };

/**
 * Runs `query` as a Dexie live query and re-renders whenever the tables it
 * read change (a command committing, another tab, sync). When `key` changes
 * the old value is dropped rather than shown under the new key, so a day
 * sheet never shows yesterday's bookings under today's date.
 *
 * @example const day = useLiveQuery(`day:${date}`, () => readDay(db, date));
 */
export function useLiveQuery<T>(key: string, query: () => Promise<T>): LiveResult<T> {
  const [state, setState] = useState<{ key: string; result: LiveResult<T> }>({ key, result: { status: 'loading' } });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ key, result: { status: 'ready', value } }),
      error: (error: unknown) => setState({ key, result: { status: 'failed', error } }),
    });
    return () => subscription.unsubscribe();
    // The key names everything the query depends on; the closure itself changes every render.
  }, [key]);
  return state.key === key ? state.result : { status: 'loading' };
}
