import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import { createHttpTransport, createSyncClient } from '../../core/sync';
import { useAppData } from '../data/useAppData';
import { useDoubleBookedFeed } from '../needs-attention/useDoubleBookedFeed';
import { useEnrollment } from './useEnrollment';
import { useResumePendingEnrollment } from './useResumePendingEnrollment';
import { useSyncStore } from './sync-store';

/** How often an idle enrolled desk asks the server for other desks' changes. */
const pollIntervalMs = 15_000;

/**
 * Runs core/sync's client while this desk is enrolled: starts it when the app
 * opens (or on enrolling), follows the browser's online/offline events, syncs
 * every 15 s and right after any local command queues a change (the outbox
 * grows), and stops it on disconnect. Draws nothing; the status goes to
 * {@link useSyncStore}. It also feeds the day view's double-booking marker,
 * and finishes an enrollment interrupted by the desktop app's reload.
 *
 * @example <DataProvider><SyncRunner /><App /></DataProvider>
 */
export function SyncRunner() {
  const { db } = useAppData();
  useDoubleBookedFeed();
  useResumePendingEnrollment();
  const enrollment = useEnrollment();
  const attach = useSyncStore((state) => state.attach);
  const publish = useSyncStore((state) => state.publish);
  const serverUrl = enrollment?.serverUrl;
  const token = enrollment?.token;

  useEffect(() => {
    if (serverUrl === undefined || token === undefined) {
      publish(null);
      return undefined;
    }
    let running = true;
    const client = createSyncClient({
      db,
      transport: createHttpTransport({ baseUrl: serverUrl, token, fetch: window.fetch.bind(window) }),
      clock: () => Date.now(),
      random: Math.random,
      online: navigator.onLine,
      pollIntervalMs,
      // A stopped client may still finish a run; its status no longer belongs on screen.
      onStatus: (status) => running && publish(status),
    });
    attach(client);
    const goOnline = () => client.setOnline(true);
    const goOffline = () => client.setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    // A command that queued a change grows the outbox: send it now rather than at the next poll.
    let queued = Number.POSITIVE_INFINITY;
    const outbox = liveQuery(() => db.outbox.count()).subscribe({
      next: (count) => {
        if (count > queued) void client.syncNow();
        queued = count;
      },
    });
    void client.syncNow();
    return () => {
      running = false;
      outbox.unsubscribe();
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      client.stop();
      attach(null);
      publish(null);
    };
  }, [db, serverUrl, token, attach, publish]);
  return null;
}
