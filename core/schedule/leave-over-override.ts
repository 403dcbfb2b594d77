import type { ScheduleBlock } from '../model';
import { localMsToInstant, parseWallTime, wallPartsToLocalMs, zoneFor } from '../time';
import { blockOccurrences } from './block-occurrences';
import { spansOverlap } from './instant-spans';

/** A day with both an override and leave: the leave wins (availability subtracts it from the override's hours). */
export interface LeaveOverOverride {
  resourceId: string;
  /** The local date, `YYYY-MM-DD`. */
  day: string;
  overrideId: string;
  leaveId: string;
}

const dayMs = 86_400_000;

/**
 * The days in `[from, to)` where an override's hours (or its day off) meet a
 * leave of the same resource, so the desk can say "leave wins" when either is
 * saved instead of leaving the receptionist to wonder why the new hours do
 * not show. Sorted by day, then resource.
 *
 * @example leaveOverOverrides([christmasEveHours, annualLeave], from, to) // [{ resourceId: 'dr-lee', day: '2026-12-24', overrideId: 'ov1', leaveId: 'lv1' }]
 */
export function leaveOverOverrides(blocks: readonly ScheduleBlock[], from: number, to: number): LeaveOverOverride[] {
  const found: LeaveOverOverride[] = [];
  const occurrencesOf = (kind: ScheduleBlock['kind']) =>
    blocks.flatMap((block, index) => (block.kind === kind ? blockOccurrences(block, from, to, `blocks.${index}`) : []));
  const leaves = occurrencesOf('leave');
  for (const override of occurrencesOf('override')) {
    const zone = zoneFor(override.block.timeZone);
    const midnight = wallPartsToLocalMs(parseWallTime(`${override.day}T00:00`, 'day'));
    // A day off claims the whole day; hours claim only themselves.
    const claimed = override.block.wallEnd === null ? { start: localMsToInstant(midnight, zone), end: localMsToInstant(midnight + dayMs, zone) } : override;
    for (const leave of leaves) {
      if (leave.block.resourceId !== override.block.resourceId || !spansOverlap(leave, claimed)) continue;
      found.push({ resourceId: override.block.resourceId, day: override.day, overrideId: override.block.id, leaveId: leave.block.id });
    }
  }
  return found.sort((left, right) => (left.day < right.day ? -1 : left.day > right.day ? 1 : left.resourceId < right.resourceId ? -1 : left.resourceId > right.resourceId ? 1 : 0));
}
