import type { TimedeskDb } from '../db';
import { readSyncState } from './sync-state';
import type { PullResponse } from './sync-transport';
import { syncedTables, writeRecord } from './write-record';

/**
 * Applies one pulled page in ONE transaction: every change (with the
 * server's version), then this desk's still-pending outbox effects for the
 * records the page touched, then the new cursor and the measured clock skew.
 * A failure anywhere leaves neither changes nor cursor, so the same page is
 * pulled again; applying a page twice gives the same rows.
 *
 * Re-applying pending effects is what keeps a local edit the server has not
 * yet acknowledged from being overwritten by an older server copy; once the
 * server acknowledges it, the outbox row is gone and the server's copy (which
 * includes it) wins.
 *
 * @example await applyPulledPage(db, page, { clockSkewMs: 1200 });
 */
export async function applyPulledPage(db: TimedeskDb, page: PullResponse, measured: { clockSkewMs: number | null }): Promise<void> {
  await db.transaction('rw', [...syncedTables(db), db.outbox, db.syncState], async () => {
    const touched = new Set<string>();
    for (const change of page.changes) {
      await writeRecord(db, change.entity, change.id, change.op, change.data, change.version);
      touched.add(`${change.entity}\u0000${change.id}`);
    }
    if (touched.size > 0) {
      const pending = await db.outbox.orderBy('deviceSeq').toArray();
      for (const mutation of pending) {
        for (const effect of mutation.effects) {
          if (touched.has(`${effect.entity}\u0000${effect.id}`)) await writeRecord(db, effect.entity, effect.id, effect.op, effect.data);
        }
      }
    }
    const state = await readSyncState(db);
    await db.syncState.put({ ...state, cursor: page.nextCursor, clockSkewMs: measured.clockSkewMs ?? state.clockSkewMs });
  });
}
