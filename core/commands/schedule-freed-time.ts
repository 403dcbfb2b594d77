import type { TimedeskDb } from '../db';
import { readClinicSettings } from '../db';
import { calendarRange, impactRange, previewDays, readSchedule } from '../queries';
import type { PlannedScheduleChange } from '../queries';
import { freedBySchedule } from '../waitlist';
import type { FreedSpan } from '../waitlist';

const dayMs = 86_400_000;

/**
 * The time a planned schedule change gives back on its resource from `now`
 * on (core/waitlist `freedBySchedule`: newly bookable and not booked), over
 * the time it touches but at most four weeks of it (`previewDays`): the
 * freed-slot notice offers it to the waitlist at once, and a slot further
 * off is the waitlist's daily work, not the moment's. Read in the command's
 * transaction, so it sees exactly the blocks the change replaced.
 *
 * @example await scheduleFreedTime(db, plan, now) // [{ resourceId: 'dr-lee', start, end }, …]
 */
export async function scheduleFreedTime(db: TimedeskDb, plan: PlannedScheduleChange, now: number): Promise<FreedSpan[]> {
  const touched = impactRange(plan.before, plan.after, now);
  if (touched === null) return [];
  const range = { from: touched.from, to: Math.min(touched.to, touched.from + previewDays * dayMs) };
  const resourceIds = [plan.resource.id];
  const [{ closures }, clinic, items] = await Promise.all([readSchedule(db, { resourceIds, ...range }), readClinicSettings(db), calendarRange(db, { resourceIds, ...range, includeCancelled: false })]);
  const booked = items.map((item) => (item.kind === 'appointment' ? item.appointment : item.occurrence)).map((visit) => ({ start: Date.parse(visit.start), end: Date.parse(visit.end) }));
  return freedBySchedule({ resourceId: plan.resource.id, blocksBefore: plan.blocksBefore, blocksAfter: plan.blocksAfter, closures, range: { ...range, clinicTimeZone: clinic.timeZone }, booked });
}
