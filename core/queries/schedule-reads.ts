import type { TimedeskDb } from '../db';
import { readClinicSettings } from '../db';
import type { Closure, ScheduleBlock } from '../model';
import { availability } from '../schedule';
import type { BookableSpan } from '../schedule';

/** Which resources (all, when left out) and which instants, `[from, to)` in epoch ms. */
export interface ScheduleQuery {
  resourceIds?: readonly string[];
  from: number;
  to: number;
}

/** What `availability` needs from the store for a range: the blocks and the closures that can touch it. */
export interface StoredSchedule {
  blocks: ScheduleBlock[];
  closures: Closure[];
}

const dayMs = 86_400_000;
// Above this many resources one read of the whole table beats `anyOf`, which walks a cursor (one round trip per row).
const wholeTableFrom = 8;

/**
 * Reads what core/schedule's `availability` takes for a range — the one way
 * to read it, so every screen and the booking check see the same schedule:
 *
 * - **blocks**: every block of the resources (`scheduleBlocks resourceId`;
 *   the whole table for many resources), whatever their dates — a repeating
 *   block started years ago still holds this week, and a block that ended is
 *   simply without occurrences in the range;
 * - **closures**: the clinic's and those resources', whose days can touch
 *   `[from, to)` in any zone (a day of slack either side: no zone is more
 *   than 14 hours from UTC).
 *
 * @example const { blocks, closures } = await readSchedule(db, { resourceIds: ['dr-lee'], ...dayRange('2027-01-12', 'Europe/London') });
 */
export async function readSchedule(db: TimedeskDb, query: ScheduleQuery): Promise<StoredSchedule> {
  const wanted = query.resourceIds === undefined ? undefined : new Set(query.resourceIds);
  const firstDay = new Date(query.from - dayMs).toISOString().slice(0, 10);
  const lastDay = new Date(query.to + dayMs).toISOString().slice(0, 10);
  const [blocks, closures] = await Promise.all([
    wanted === undefined || wanted.size >= wholeTableFrom ? db.scheduleBlocks.toArray() : db.scheduleBlocks.where('resourceId').anyOf([...wanted]).toArray(),
    db.closures.where('startDate').belowOrEqual(lastDay).toArray(),
  ]);
  return {
    blocks: wanted === undefined ? blocks : blocks.filter((block) => wanted.has(block.resourceId)),
    closures: closures.filter((closure) => closure.endDate >= firstDay && (closure.resourceId === null || wanted === undefined || wanted.has(closure.resourceId))),
  };
}

/**
 * `availability` over the store: {@link readSchedule} plus the clinic's zone.
 *
 * @example await storedAvailability(db, { resourceIds: ['dr-lee'], from, to }) // [{ resourceId: 'dr-lee', start, end, soft? }, …]
 */
export async function storedAvailability(db: TimedeskDb, query: ScheduleQuery): Promise<BookableSpan[]> {
  const [{ blocks, closures }, clinic] = await Promise.all([readSchedule(db, query), readClinicSettings(db)]);
  return availability(blocks, closures, { from: query.from, to: query.to, clinicTimeZone: clinic.timeZone });
}
