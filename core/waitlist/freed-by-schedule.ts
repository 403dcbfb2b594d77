import type { ScheduleBlock } from '../model';
import { buildTimelines, mergeSpans, subtractSpans } from '../schedule';
import type { ResourceTimeline, ScheduleClosure, Span, TimelineRange } from '../schedule';
import type { FreedSpan } from './freed-time';

/** A change to one resource's schedule: its blocks before and after, over a range, and what is already booked on it. */
export interface ScheduleChangeSpan {
  resourceId: string;
  blocksBefore: readonly ScheduleBlock[];
  blocksAfter: readonly ScheduleBlock[];
  closures: readonly ScheduleClosure[];
  range: TimelineRange;
  /** The resource's visits still holding their time (not cancelled), `[start, end)` epoch ms. */
  booked: readonly Span[];
}

/** Time the front desk may book without a manager: bookable, minus soft blockouts (only a manager books those). */
function plainBookable(timeline: ResourceTimeline | undefined): Span[] {
  if (timeline === undefined) return [];
  return subtractSpans(timeline.bookable, mergeSpans(timeline.soft.map((occurrence) => ({ start: occurrence.start, end: occurrence.end }))));
}

/**
 * What a schedule change gave back on its resource within `range`: the
 * time plainly bookable after it that was not before — hours extended, a
 * working day or an override with hours added, a hard or soft blockout,
 * a break or leave removed or ended — minus what is already booked there.
 * Hours cut, leave added or a soft blockout added free nothing. Read with
 * core/schedule's one resolution (`buildTimelines`), so the booking check
 * agrees the time is free.
 *
 * @example freedBySchedule({ resourceId: 'dr-lee', blocksBefore: [nineToFive], blocksAfter: [nineToSix], closures: [], range, booked: [] })
 * // [{ resourceId: 'dr-lee', start: <17:00>, end: <18:00> }] on each day of the range
 */
export function freedBySchedule(change: ScheduleChangeSpan): FreedSpan[] {
  const before = plainBookable(buildTimelines(change.blocksBefore, change.closures, change.range).get(change.resourceId));
  const after = plainBookable(buildTimelines(change.blocksAfter, change.closures, change.range).get(change.resourceId));
  const gained = subtractSpans(after, before);
  return subtractSpans(gained, mergeSpans(change.booked)).map((span) => ({ resourceId: change.resourceId, ...span }));
}
