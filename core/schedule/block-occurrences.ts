import type { ScheduleBlock } from '../model';
import { expandRuleWall } from '../recurrence';
import { isoDate, localMsToInstant, parseWallTime, wallPartsToLocalMs, zoneFor } from '../time';
import { ValidationError } from '../validation';

/** One occurrence of a block, as instants. */
export interface BlockOccurrence {
  block: ScheduleBlock;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive; equal to `start` for a day off (an override without hours). */
  end: number;
  /** The local date (`YYYY-MM-DD`, the block's zone) the occurrence belongs to: the day it starts on. */
  day: string;
}

const dayMs = 86_400_000;
/** How far before a range an occurrence may start and still matter: its own length, plus three days so a day's override is seen with every block of that day. */
const marginMs = 3 * dayMs;

/**
 * Every occurrence of `block` that can matter to `[from, to)` (epoch ms):
 * those overlapping it and, for an override, those whose day can hold a
 * block overlapping it (they decide that day's hours). Each occurrence
 * starts at the rule's wall time — through core/time's DST policy, so a
 * 02:30 start on a spring-forward day is 03:30 — and ends the block's
 * wall-clock length after the wall time the rule named: 08:00–16:00 is
 * 08:00–16:00 on the clock every day, and 22:00–06:00 lasts 9 real hours
 * across fall back. Refusals (a zone or rule core/time and core/recurrence
 * reject) name `field` (`blocks.3.rrule`).
 *
 * @example blockOccurrences(nightShift, Date.parse('2026-10-31T00:00:00Z'), Date.parse('2026-11-03T00:00:00Z'), 'blocks.0')
 * // [{ start: 2026-11-01T02:00Z, end: 2026-11-01T11:00Z, day: '2026-10-31', … }, …] in America/New_York
 */
export function blockOccurrences(block: ScheduleBlock, from: number, to: number, field: string): BlockOccurrence[] {
  const zone = zoneFor(block.timeZone, `${field}.timeZone`);
  const startLocal = wallPartsToLocalMs(parseWallTime(block.wallStart, `${field}.wallStart`));
  // Wall-clock length; a day off occupies its day for the purpose of finding it.
  const lengthMs = block.wallEnd === null ? 0 : wallPartsToLocalMs(parseWallTime(block.wallEnd, `${field}.wallEnd`)) - startLocal;
  const lookbackMs = Math.max(lengthMs, dayMs) + marginMs;
  const occurrence = (instant: number, nominalLocal: number): BlockOccurrence => ({
    block,
    start: instant,
    end: block.wallEnd === null ? instant : localMsToInstant(nominalLocal + lengthMs, zone),
    day: isoDate(nominalLocal),
  });
  const matters = (found: BlockOccurrence) => (block.kind === 'override' ? found.start < to : found.end > from && found.start < to);

  if (block.rrule === undefined) {
    const single = occurrence(localMsToInstant(startLocal, zone), startLocal);
    return single.start >= from - lookbackMs && matters(single) ? [single] : [];
  }
  let expanded;
  try {
    expanded = expandRuleWall(
      { dtstart: block.wallStart, tzid: block.timeZone, rrule: block.rrule, exdates: block.exdates },
      { from: new Date(from - lookbackMs).toISOString(), to: new Date(to).toISOString() },
    );
  } catch (error) {
    throw withField(error, field);
  }
  const found: BlockOccurrence[] = [];
  for (const { instant, nominalLocalMs } of expanded) {
    const candidate = occurrence(instant, nominalLocalMs);
    if (matters(candidate)) found.push(candidate);
  }
  return found;
}

/** core/recurrence names its own fields (`dtstart`, `tzid`); a block calls them `wallStart` and `timeZone`. */
const recurrenceFields: Readonly<Record<string, string>> = { dtstart: 'wallStart', tzid: 'timeZone', spec: 'rrule' };

/**
 * A refusal from core/recurrence with the block's field path.
 *
 * @example withField(new ValidationError('invalid-rrule', 'rrule', '…'), 'blocks.2').field // 'blocks.2.rrule'
 */
export function withField(error: unknown, field: string): unknown {
  if (!(error instanceof ValidationError)) return error;
  const [head, ...rest] = error.field.split('.');
  const own = [recurrenceFields[head ?? ''] ?? head, ...rest].filter((part) => part !== undefined && part !== '').join('.');
  return new ValidationError(error.code, field === '' ? own : `${field}.${own}`, error.message);
}
