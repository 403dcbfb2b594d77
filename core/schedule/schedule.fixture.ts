import type { ScheduleBlock } from '../model';

const stamp = { version: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

/**
 * A schedule block for tests: `wallStart`/`wallEnd` as `YYYY-MM-DDTHH:mm`,
 * everything else defaulted (UTC, no repeat, no skipped dates).
 *
 * @example block({ id: 'w', kind: 'working', wallStart: '2026-03-09T08:00', wallEnd: '2026-03-09T16:00', rrule: 'FREQ=WEEKLY' })
 */
export function block(fields: Partial<ScheduleBlock> & Pick<ScheduleBlock, 'id' | 'kind' | 'wallStart'>): ScheduleBlock {
  return { resourceId: 'dr-lee', timeZone: 'UTC', exdates: [], wallEnd: null, ...stamp, ...fields } as ScheduleBlock;
}

/**
 * Availability as `[start, end)` pairs of ISO instants (soft blockouts as block ids), for terse expectations.
 *
 * @example spans(availability(blocks, [], range)) // [['2026-03-09T12:00:00.000Z', '2026-03-09T20:00:00.000Z']]
 */
export function spans(result: readonly { start: string; end: string; soft?: { blockId: string }[] }[]): (string[] | [string, string])[] {
  return result.map((span) => (span.soft ? [span.start, span.end, ...span.soft.map((entry) => entry.blockId)] : [span.start, span.end]));
}
