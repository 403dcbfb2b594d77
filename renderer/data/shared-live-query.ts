import { liveQuery } from 'dexie';
import type { LiveResult } from './useLiveQuery';

interface SharedQuery {
  listeners: Set<(result: LiveResult<unknown>) => void>;
  latest: LiveResult<unknown>;
  unsubscribe(): void;
}

/** Live queries by owner (the opened database) and key, so two databases never share a key. */
const running = new WeakMap<object, Map<string, SharedQuery>>();

/**
 * Subscribes `listener` to the Dexie live query named `key` on `owner`,
 * starting it if no one else is subscribed and joining it otherwise: one
 * query run per change however many components show the same data (the day
 * view and the hidden print sheet both read the day). A late subscriber gets
 * the latest result at once. The query stops when its last listener leaves.
 * `key` must name everything the query depends on, as with useLiveQuery.
 *
 * @example const stop = subscribeSharedLiveQuery(db, `day:${date}`, () => readDaySheet(db, date, zone), (result) => render(result));
 */
export function subscribeSharedLiveQuery<T>(owner: object, key: string, query: () => Promise<T>, listener: (result: LiveResult<T>) => void): () => void {
  let byKey = running.get(owner);
  if (!byKey) {
    byKey = new Map();
    running.set(owner, byKey);
  }
  let shared = byKey.get(key);
  if (!shared) {
    const started: SharedQuery = { listeners: new Set(), latest: { status: 'loading' }, unsubscribe: () => undefined };
    const publish = (result: LiveResult<unknown>) => {
      started.latest = result;
      for (const each of [...started.listeners]) each(result);
    };
    const subscription = liveQuery(query).subscribe({
      next: (value) => publish({ status: 'ready', value }),
      error: (error: unknown) => publish({ status: 'failed', error }),
    });
    started.unsubscribe = () => subscription.unsubscribe();
    byKey.set(key, started);
    shared = started;
  }
  const joined = shared;
  const typed = listener as (result: LiveResult<unknown>) => void;
  joined.listeners.add(typed);
  if (joined.latest.status !== 'loading') typed(joined.latest);
  return () => {
    joined.listeners.delete(typed);
    if (joined.listeners.size > 0) return;
    joined.unsubscribe();
    if (byKey.get(key) === joined) byKey.delete(key);
  };
}
