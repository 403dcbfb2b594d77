import Dexie from 'dexie';
import { readDevice, type TimedeskDb } from '../db';
import { instantToWallTime } from '../time';

/** When no working hours say when the clinic opens. */
export const defaultOpeningTime = '08:00';

/**
 * What the daily schedule (core/backup `decideScheduledBackup`) needs from
 * the database: when this desk last changed anything (its newest audit
 * entry: every command writes one) and when the clinic opens today (the
 * earliest working hours of any resource on today's weekday, read from
 * whatever rows the `availability` table holds; 08:00 when none say).
 *
 * @example await readScheduleFacts(db, Date.now(), 'Europe/London') // { lastActivityAt: 1765…, openingTime: '08:30' }
 */
export async function readScheduleFacts(db: TimedeskDb, now: number, timeZone: string): Promise<{ lastActivityAt: number | null; openingTime: string }> {
  const device = await readDevice(db);
  const last = await db.audit.where('[deviceId+seq]').between([device.deviceId, Dexie.minKey], [device.deviceId, Dexie.maxKey]).last();
  const date = instantToWallTime(now, timeZone).slice(0, 10);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1; // ISO: Monday 1 … Sunday 7
  const starts = (await db.table('availability').toArray())
    .filter((row: { weekday?: unknown; kind?: unknown; start?: unknown }) => row.weekday === weekday && (row.kind === undefined || row.kind === 'working') && typeof row.start === 'string')
    .map((row: { start: string }) => row.start)
    .sort();
  return { lastActivityAt: last ? Date.parse(last.at) : null, openingTime: starts[0] ?? defaultOpeningTime };
}
