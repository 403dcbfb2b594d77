import type { BlockoutEnforcement, ScheduleBlock } from '../model';
import { blockName } from './availability';
import { blockOccurrences } from './block-occurrences';

/** One occurrence of a break, blockout, leave or override, for a screen to draw with its name. */
export interface ScheduleMark {
  resourceId: string;
  blockId: string;
  kind: Exclude<ScheduleBlock['kind'], 'working'>;
  /** What the clinic calls it (label, else blockout type or leave reason); absent for an unnamed break or override. */
  name?: string;
  /** For blockouts. */
  enforcement?: BlockoutEnforcement;
  /** Canonical UTC instants of this occurrence, half-open (a day off: the day's start, twice). */
  start: string;
  end: string;
  /** The local date the occurrence belongs to. */
  day: string;
}

/**
 * The breaks, blockouts, leave and overrides that meet `[from, to)` (epoch
 * ms), one mark per occurrence, by resource then start — what the day sheet
 * draws *beneath* the bookings and names on a column's header. Which time is
 * bookable is `availability`'s answer, never worked out from these marks.
 *
 * @example scheduleMarks(blocks, from, to) // [{ resourceId: 'dr-lee', blockId: 'meeting', kind: 'blockout', name: 'Staff meeting', enforcement: 'hard', start, end, day: '2027-01-12' }]
 */
export function scheduleMarks(blocks: readonly ScheduleBlock[], from: number, to: number): ScheduleMark[] {
  const marks: ScheduleMark[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'working') return;
    for (const occurrence of blockOccurrences(block, from, to, `blocks.${index}`)) {
      // An override only matters on its own day: marks are for the range asked, not the lookback.
      if (block.kind === 'override' && !(occurrence.end > from || (occurrence.start >= from && occurrence.start < to))) continue;
      const name = blockName(block);
      marks.push({
        resourceId: block.resourceId,
        blockId: block.id,
        kind: block.kind,
        ...(name === undefined ? {} : { name }),
        ...(block.kind === 'blockout' ? { enforcement: block.enforcement } : {}),
        start: new Date(occurrence.start).toISOString(),
        end: new Date(occurrence.end).toISOString(),
        day: occurrence.day,
      });
    }
  });
  return marks.sort((left, right) => (left.resourceId < right.resourceId ? -1 : left.resourceId > right.resourceId ? 1 : left.start < right.start ? -1 : left.start > right.start ? 1 : 0));
}
