import type { AppointmentStatus } from '../../core/model';
import { allowedTransitions } from '../../core/model';

/**
 * One key per status change on a focused booking (lower case; Shift is ignored).
 *
 * @example statusForKey('a') // 'arrived'
 */
export const statusKeys: Readonly<Record<string, AppointmentStatus>> = {
  a: 'arrived',
  r: 'in_room',
  c: 'completed',
  n: 'no_show',
  x: 'cancelled',
};

/**
 * The status a key asks for, or `undefined` for other keys.
 *
 * @example statusForKey('X') // 'cancelled'
 */
export function statusForKey(key: string): AppointmentStatus | undefined {
  return statusKeys[key.toLowerCase()];
}

/**
 * The usual next step of a visit, offered as the one-click button on a
 * booking: booked → arrived → in room → completed; none once it is over.
 * Taken from core/model's transition table so the two cannot disagree.
 *
 * @example nextStep('arrived') // 'in_room'
 * @example nextStep('cancelled') // undefined
 */
export function nextStep(status: AppointmentStatus): AppointmentStatus | undefined {
  return allowedTransitions(status).find((to) => to !== 'no_show' && to !== 'cancelled');
}
