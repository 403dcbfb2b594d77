import { parseScheduleBlockShape } from '../model';
import type { ScheduleBlock } from '../model';
import { expandRuleMs } from '../recurrence';
import { withField } from './block-occurrences';

/**
 * Validates a schedule block completely: its fields and their combinations
 * (core/model's `scheduleBlockSchema`) and, for a repeating block, that
 * core/recurrence can expand its rule from its start in its zone — the same
 * engine and the same refusals as an appointment series (`invalid-rrule`,
 * `until-before-start`, `conflicting-end`, … at `rrule`; a skipped date at
 * `exdates.N`). The desk's commands and the sync server's effect validation
 * both call it, so the two check the same rules. Throws a `ValidationError`
 * naming the field.
 *
 * @example parseScheduleBlock({ …, kind: 'working', rrule: 'FREQ=WEEKLY;BYDAY=XX' }) // throws invalid-rrule / rrule
 */
export function parseScheduleBlock(input: unknown): ScheduleBlock {
  const block = parseScheduleBlockShape(input);
  if (block.rrule !== undefined) {
    try {
      // One occurrence is enough to know the rule, zone and skipped dates read.
      expandRuleMs({ dtstart: block.wallStart, tzid: block.timeZone, rrule: block.rrule, exdates: block.exdates }, { limit: 1 });
    } catch (error) {
      throw withField(error, '');
    }
  }
  return block;
}
