import type { SyncStateRow, TimedeskDb } from '../db';

/** What a desk that has never synced starts from: no cursor, nothing acknowledged. */
export const initialSyncState: SyncStateRow = { key: 'sync', cursor: null, auditSeqAcked: 0, lastSyncAt: null, clockSkewMs: null };

/**
 * The sync client's persisted state (defaults before the first sync). Call
 * inside a transaction that includes `syncState` to read it consistently with
 * the data it describes.
 *
 * @example (await readSyncState(db)).cursor // null before the first pull
 */
export async function readSyncState(db: TimedeskDb): Promise<SyncStateRow> {
  return (await db.syncState.get('sync')) ?? initialSyncState;
}
