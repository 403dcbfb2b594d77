import type { TimedeskDb } from '../db';
import { storeDeskNames } from './desk-names';
import { readSyncState } from './sync-state';
import { legacyWeeklyRuleEntity } from './sync-transport';
import type { PullResponse } from './sync-transport';
import { recordRenamedStaff } from './renamed-staff';
import { writeRecords } from './write-record';
import type { RecordWrite } from './write-record';

/**
 * Applies one pulled page in ONE transaction: every change (with the
 * server's version), then this desk's still-pending outbox effects for the
 * records the page touched, then the new cursor, the measured clock skew
 * and the desk names the page listed (desk-names.ts). A pulled account
 * stored under a free name (username-clash.ts) gets a `STAFF_RENAMED_ON_SYNC`
 * audit entry in the same transaction (renamed-staff.ts).
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
  // Every table: a renamed account's audit entry is written by a command nested in this transaction.
  await db.transaction('rw', db.tables, async () => {
    // The last write of each record wins, so the page collapses to one write per record.
    const writes = new Map<string, RecordWrite>();
    for (const change of page.changes) {
      // A v3 weekday rule: the server wrote it again as a schedule block further on (sync-transport.ts).
      if (change.entity === legacyWeeklyRuleEntity) continue;
      const key = `${change.entity}\u0000${change.id}`;
      writes.delete(key);
      writes.set(key, { entity: change.entity, id: change.id, op: change.op, data: change.data, version: change.version });
    }
    if (writes.size > 0) {
      // Still-pending local effects replace what the page brought for the same records (oldest first, so the newest wins).
      const pending = await db.outbox.orderBy('deviceSeq').toArray();
      for (const mutation of pending) {
        for (const effect of mutation.effects) {
          const key = `${effect.entity}\u0000${effect.id}`;
          if (writes.has(key)) writes.set(key, { entity: effect.entity, id: effect.id, op: effect.op, data: effect.data });
        }
      }
    }
    const { renamedStaff } = await writeRecords(db, [...writes.values()]);
    if (renamedStaff.length > 0) await recordRenamedStaff(db, renamedStaff, page);
    if (page.devices) await storeDeskNames(db, page.devices);
    const state = await readSyncState(db);
    await db.syncState.put({ ...state, cursor: page.nextCursor, clockSkewMs: measured.clockSkewMs ?? state.clockSkewMs });
  });
}
