import type { AvailabilityRule, ScheduleBlock } from '../model';

/**
 * The upgrade from the v3 weekday rules (`AvailabilityRule`: ISO weekday,
 * `HH:mm`–`HH:mm` or `24:00`, working or break) to schedule blocks, shared by
 * the desk's Dexie upgrade (core/db v4) and the sync server's upgrade of its
 * stored records, so both turn one rule into exactly the same block (the same
 * id, so the server's copy replaces the desk's on the next pull).
 *
 * A weekday rule held every week, past and future, so the block repeats
 * `FREQ=WEEKLY;BYDAY=<that day>` from the first such weekday on or after
 * {@link weeklyRuleEpoch} (3 January 2000, a Monday): every date a desk can
 * show keeps its hours. `24:00` ends at the next day's midnight.
 */

/** The Monday the upgraded weekly blocks repeat from. */
export const weeklyRuleEpoch = '2000-01-03';

const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * The schedule block meaning the same as a weekday rule; `timeZone` is the
 * rule's resource's zone (a rule was always read in it), `at` the upgrade's
 * instant for `createdAt`/`updatedAt`.
 *
 * @example
 * blockFromWeeklyRule({ id: 'av1', resourceId: 'dr-lee', weekday: 3, start: '09:00', end: '24:00', kind: 'working' }, 'Europe/London', '2026-12-01T09:00:00.000Z')
 * // { id: 'av1', kind: 'working', wallStart: '2000-01-05T09:00:00', wallEnd: '2000-01-06T00:00:00', rrule: 'FREQ=WEEKLY;BYDAY=WE', … }
 */
export function blockFromWeeklyRule(rule: Pick<AvailabilityRule, 'id' | 'resourceId' | 'weekday' | 'start' | 'end' | 'kind'>, timeZone: string, at: string): ScheduleBlock {
  const date = addDays(weeklyRuleEpoch, rule.weekday - 1);
  const wallEnd = rule.end === '24:00' ? `${addDays(date, 1)}T00:00:00` : `${date}T${rule.end}:00`;
  return {
    id: rule.id,
    resourceId: rule.resourceId,
    kind: rule.kind,
    timeZone,
    wallStart: `${date}T${rule.start}:00`,
    wallEnd,
    rrule: `FREQ=WEEKLY;BYDAY=${weekdayCodes[rule.weekday - 1] ?? 'MO'}`,
    exdates: [],
    version: 0,
    createdAt: at,
    updatedAt: at,
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
