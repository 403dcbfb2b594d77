import type { ScheduleBlock } from '../model';
import { expandRuleMs } from '../recurrence';
import { parseWallTime, wallTimeToInstant } from '../time';
import { ValidationError } from '../validation';
import { parseScheduleBlock } from './parse-block';

/** What ending a repeating block after a day does: the block now stops then, or it never happens at all. */
export type EndedBlock = { kind: 'ended'; block: ScheduleBlock } | { kind: 'removed' };

/**
 * A repeating block ended after `lastDate` (`YYYY-MM-DD`, the block's local
 * day; its occurrences on that day still happen): the rule gets
 * `UNTIL=<lastDate>` in place of its COUNT or UNTIL, and the version is
 * bumped. Ended before its first day, it is removed. Refused: a block that
 * happens once (remove it instead: `invalid-format` at `id`), an unreadable
 * date (`lastDate`), and a block with no occurrence after that day anyway
 * (`nothing-to-cancel` at `lastDate`: ending it would only move its end later).
 *
 * @example endBlockAfter(everyMonday, '2027-03-29', at) // { kind: 'ended', block: { …, rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270329', version: 3 } }
 */
export function endBlockAfter(block: ScheduleBlock, lastDate: string, at: string): EndedBlock {
  if (block.rrule === undefined) throw new ValidationError('invalid-format', 'id', 'This block happens once: remove it instead of ending it.');
  parseWallTime(`${lastDate}T00:00`, 'lastDate');
  if (lastDate < block.wallStart.slice(0, 10)) return { kind: 'removed' };
  const nextDay = new Date(Date.parse(`${lastDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const after = expandRuleMs(
    { dtstart: block.wallStart, tzid: block.timeZone, rrule: block.rrule, exdates: block.exdates },
    { from: new Date(wallTimeToInstant(`${nextDay}T00:00`, block.timeZone, 'lastDate')).toISOString(), limit: 1 },
  );
  if (after.length === 0) throw new ValidationError('nothing-to-cancel', 'lastDate', 'The block does not happen after that day anyway.');
  const parts = block.rrule.split(';').filter((part) => !/^(COUNT|UNTIL)=/.test(part));
  const rrule = [...parts, `UNTIL=${lastDate.replaceAll('-', '')}`].join(';');
  return { kind: 'ended', block: parseScheduleBlock({ ...block, rrule, version: block.version + 1, updatedAt: at }) };
}
