import { readDevice } from '../db';
import type { DeviceMeta, TimedeskDb } from '../db';

/**
 * After a restore from a backup (core/backup-restore writes the `restore`
 * row in `syncState`), the server may already hold mutations of this device
 * numbered past the backup — made after the backup, on the disk that died.
 * The restore takes those numbers up when it can reach the server; when it
 * could not, the desk's next mutations reuse taken numbers and the server
 * answers 409 `sequence-gap` with the seq it expects.
 *
 * Then, and only on a restored desk, the mutations the server has not
 * recorded — the one it refused and every later one (a desk's outbox is
 * pushed in order, so the server knows a prefix of it) — are renumbered from
 * the expected seq, in order, in one transaction with the device counter.
 * Nothing is lost (the rows move, they are not dropped) and nothing doubles
 * (each keeps its mutation id; mutations the server has are never renumbered).
 * Returns whether it renumbered; false leaves the gap to be reported.
 *
 * @example if (await renumberRestoredOutbox(db, error.details.expected, error.details.results.length)) retry();
 */
export async function renumberRestoredOutbox(db: TimedeskDb, expected: unknown, answeredBeforeGap: number): Promise<boolean> {
  if (typeof expected !== 'number' || !Number.isInteger(expected) || expected < 1) return false;
  return db.transaction('rw', db.outbox, db.meta, db.syncState, async () => {
    if (!(await db.syncState.get('restore' as never))) return false;
    const pending = await db.outbox.orderBy('deviceSeq').toArray();
    const unknown = pending.slice(answeredBeforeGap);
    const first = unknown[0];
    // The server must be AHEAD of this desk: a desk that skipped numbers itself is a bug to report, not to paper over.
    if (!first || expected <= first.deviceSeq) return false;
    await db.outbox.bulkDelete(unknown.map((row) => row.deviceSeq));
    await db.outbox.bulkAdd(unknown.map((row, index) => ({ ...row, deviceSeq: expected + index })));
    const device: DeviceMeta = await readDevice(db);
    await db.meta.put({ ...device, deviceSeq: expected + unknown.length - 1 });
    return true;
  });
}
