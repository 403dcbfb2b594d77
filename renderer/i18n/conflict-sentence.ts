import type { Conflict } from '../../core/overlap';
import { en } from './en';
import type { Messages } from './en';

/**
 * One booking-check finding in words: resource problems name the resource
 * ("Dr Adams is already booked at that time"), the rest say what is wrong
 * ("The clinic is closed that day: Thanksgiving").
 *
 * @example conflictSentence({ kind: 'resource-double-booked', resourceId: 'dr-a', … }, (id) => 'Dr Adams') // 'Dr Adams is already booked at that time'
 */
export function conflictSentence(conflict: Pick<Conflict, 'kind' | 'resourceId' | 'closureReason'>, resourceName: (id: string) => string, messages: Messages = en): string {
  switch (conflict.kind) {
    case 'resource-double-booked':
    case 'outside-working-hours':
    case 'no-working-hours-defined':
      return messages.dialog.conflictWith(resourceName(conflict.resourceId ?? ''), messages.conflictKinds[conflict.kind]);
    case 'closed':
      return conflict.closureReason ? `${messages.conflictKinds.closed}: ${conflict.closureReason}` : messages.conflictKinds.closed;
    case 'patient-double-booked':
      return messages.conflictKinds[conflict.kind];
  }
}
