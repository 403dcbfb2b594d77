import type { IANAZone } from 'luxon';
import type { Closure } from '../model';
import { localMsToInstant, parseWallTime, wallPartsToLocalMs } from '../time';
import { ValidationError } from '../validation';

/**
 * The fields of core/model's `Closure` the check reads: whole local days
 * `startDate`–`endDate`, both inclusive; `resourceId: null` closes the whole clinic.
 */
export type ClosureDays = Pick<Closure, 'resourceId' | 'startDate' | 'endDate' | 'reason'>;

const dayMs = 86_400_000;

/**
 * The instants a closure covers in `zone`, half-open: from local midnight at
 * the start of `startDate` (inclusive) to local midnight at the end of
 * `endDate` (exclusive, so a booking starting at 00:00 the next day is clear).
 * Midnights go through core/time's DST policy, so a closed day is 23 or 25
 * real hours long when the clocks change that day.
 *
 * @example
 * closureInstants({ resourceId: null, startDate: '2025-12-25', endDate: '2025-12-25', reason: 'Christmas' }, zoneFor('Europe/London'), 'closures.0')
 * // [Date.parse('2025-12-25T00:00:00Z'), Date.parse('2025-12-26T00:00:00Z')]
 */
export function closureInstants(closure: ClosureDays, zone: IANAZone, field: string): [start: number, end: number] {
  const first = wallPartsToLocalMs(parseWallTime(`${closure.startDate}T00:00`, `${field}.startDate`));
  const last = wallPartsToLocalMs(parseWallTime(`${closure.endDate}T00:00`, `${field}.endDate`));
  if (last < first) {
    throw new ValidationError('end-not-after-start', `${field}.endDate`, `The last day (${closure.endDate}) cannot be before the first day (${closure.startDate}).`);
  }
  return [localMsToInstant(first, zone), localMsToInstant(last + dayMs, zone)];
}
