import type { AppointmentStatus } from '../../core/model';
import { allowedTransitions } from '../../core/model';

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
