import type { WaitlistEntry, WaitlistState } from '../model';
import { ValidationError } from '../validation';

/** What can happen to an entry: each a step by someone at an instant. */
export type WaitlistEvent =
  | { kind: 'offer'; slot: Extract<WaitlistState, { kind: 'offered' }>['slot']; at: string; by: string }
  | { kind: 'decline'; at: string; by: string }
  | { kind: 'book'; appointmentId: string; at: string; by: string }
  | { kind: 'remove'; reason: string; at: string; by: string };

/** From which states each event may start (the state machine, as data). */
export const waitlistTransitions: Readonly<Record<WaitlistEvent['kind'], readonly WaitlistState['kind'][]>> = {
  offer: ['waiting', 'offered'],
  decline: ['offered'],
  book: ['waiting', 'offered'],
  remove: ['waiting', 'offered'],
};

/**
 * The state an entry moves to on `event`, or `invalid-status-transition`
 * (field `state`) when it cannot: a booked or removed entry is finished.
 * An offer may replace an earlier one (another slot freed first).
 *
 * @example nextWaitlistState(entry, { kind: 'book', appointmentId: 'a9', at, by: 'staff-desk' }) // { kind: 'booked', appointmentId: 'a9', at, by }
 */
export function nextWaitlistState(entry: Pick<WaitlistEntry, 'state'>, event: WaitlistEvent): WaitlistState {
  if (!waitlistTransitions[event.kind].includes(entry.state.kind)) {
    throw new ValidationError('invalid-status-transition', 'state', `A ${entry.state.kind} waitlist entry cannot be ${{ offer: 'offered a slot', decline: 'declined', book: 'booked', remove: 'removed' }[event.kind]}.`);
  }
  switch (event.kind) {
    case 'offer':
      return { kind: 'offered', slot: event.slot, at: event.at, by: event.by };
    case 'decline':
      return { kind: 'waiting' };
    case 'book':
      return { kind: 'booked', appointmentId: event.appointmentId, at: event.at, by: event.by };
    case 'remove':
      if (event.reason.trim() === '') throw new ValidationError('reason-required', 'reason', 'Say why the entry is removed.');
      return { kind: 'removed', reason: event.reason.trim(), at: event.at, by: event.by };
  }
}
