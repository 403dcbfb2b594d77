import { isId, occurrenceId } from '../model';
import { localMsToWallTime, parseWallTime, wallPartsToLocalMs } from '../time';
import type { WallTime } from '../time';
import { ValidationError } from '../validation';

/**
 * Occurrence ids are `<seriesId>:<originalStart as YYYYMMDDTHHmmss>`, the
 * format core/model's `occurrenceId` defines and `occurrenceSchema` checks.
 * They are derived, never stored or random, so every desk (and the server)
 * names an occurrence the same way, offline, and an id survives
 * re-expansion for as long as the rule still generates that original start.
 * Moving an occurrence keeps its id: the key is where the rule put it (the
 * iCalendar RECURRENCE-ID), not where it is now.
 *
 * Reversible because the time part is fixed-width and has no `:`, so the
 * last `:` splits it off even though series ids may contain `:`.
 */

const compactPattern = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/;

/**
 * The id of the occurrence the rule generated at `originalStart` (a wall
 * time in the series' zone; seconds optional, normalised first so
 * `09:00` and `09:00:00` give the same id).
 *
 * @example occurrenceIdFor('s1', '2025-03-10T09:00') // 's1:20250310T090000'
 */
export function occurrenceIdFor(seriesId: string, originalStart: WallTime): string {
  if (!isId(seriesId)) throw new ValidationError('invalid-format', 'seriesId', `"${String(seriesId)}" is not a series id.`);
  return occurrenceId(seriesId, localMsToWallTime(wallPartsToLocalMs(parseWallTime(originalStart, 'originalStart'))));
}

/**
 * Splits an occurrence id back into its series id and original start, or
 * throws `invalid-format` at `field` when it is not one.
 *
 * @example parseOccurrenceId('s1:20250310T090000') // { seriesId: 's1', originalStart: '2025-03-10T09:00:00' }
 */
export function parseOccurrenceId(id: string, field = 'occurrenceId'): { seriesId: string; originalStart: WallTime } {
  const cut = typeof id === 'string' ? id.lastIndexOf(':') : -1;
  const seriesId = cut > 0 ? id.slice(0, cut) : '';
  const match = compactPattern.exec(cut > 0 ? id.slice(cut + 1) : '');
  if (!match || !isId(seriesId)) {
    throw new ValidationError('invalid-format', field, `"${String(id)}" is not an occurrence id like s1:20250310T090000.`);
  }
  const [, year, month, day, hour, minute, second] = match;
  const originalStart = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  try {
    parseWallTime(originalStart, field);
  } catch {
    throw new ValidationError('invalid-date', field, `"${id}" names ${originalStart}, which is not a date and time on the calendar.`);
  }
  return { seriesId, originalStart };
}
