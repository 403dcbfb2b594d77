import { ValidationError } from '../validation';
import type { ConfirmationChange, ConfirmationMethod, ConfirmationStatus } from '../model';

/**
 * THE confirmation transitions, as data: where a status may go next.
 * `reminded` comes only from the server after a reminder went out, and never
 * overwrites an answer (a confirmed patient reminded again stays confirmed).
 * A patient who declined may confirm after all, and the other way round;
 * nothing goes back to `unconfirmed` except by undo.
 *
 * @example confirmationTransitions.confirmed // ['declined']
 */
export const confirmationTransitions: Readonly<Record<ConfirmationStatus, readonly ConfirmationStatus[]>> = {
  unconfirmed: ['reminded', 'confirmed', 'declined', 'no_answer'],
  reminded: ['confirmed', 'declined', 'no_answer'],
  // Calling again with no answer is another try: the call-down list counts them.
  no_answer: ['reminded', 'confirmed', 'declined', 'no_answer'],
  confirmed: ['declined'],
  declined: ['confirmed'],
};

/** Who is making the change, when, how. */
export interface ConfirmationContext {
  at: string;
  actor: ConfirmationChange['actor'];
  by: string;
  method?: ConfirmationMethod | undefined;
  note?: string | undefined;
}

/**
 * The status a history ends in; an empty history is `unconfirmed`.
 *
 * @example confirmationStatusOf([]) // 'unconfirmed'
 */
export function confirmationStatusOf(history: readonly ConfirmationChange[]): ConfirmationStatus {
  return history.at(-1)?.to ?? 'unconfirmed';
}

/**
 * Whether the table allows `from` → `to`.
 *
 * @example canConfirm('reminded', 'confirmed') // true
 * @example canConfirm('confirmed', 'reminded') // false
 */
export function canConfirm(from: ConfirmationStatus, to: ConfirmationStatus): boolean {
  return confirmationTransitions[from].includes(to);
}

/**
 * Appends a change to `to`, or throws `invalid-status-transition` (field
 * `status`) when the table refuses it. Returns a new array.
 *
 * @example setConfirmation([], 'confirmed', { at, actor: 'staff', by: 's1', method: 'phone' }).at(-1)?.to // 'confirmed'
 */
export function setConfirmation(history: readonly ConfirmationChange[], to: ConfirmationStatus, context: ConfirmationContext): ConfirmationChange[] {
  const from = confirmationStatusOf(history);
  if (!canConfirm(from, to)) {
    throw new ValidationError('invalid-status-transition', 'status', `A visit that is ${from.replace('_', ' ')} cannot be marked ${to.replace('_', ' ')}.`);
  }
  return [...history, entry({ kind: 'set', from, to }, context)];
}

/**
 * The history made ready for an answer about a visit that now starts at
 * `visitStart`: unchanged when the last answer was for that start (or there
 * is none), otherwise with a `reset` to `unconfirmed` appended — the old
 * answer was for another time.
 *
 * @example confirmationStatusOf(historyForStart(history, '2026-03-04T10:00:00.000Z', '2026-03-02T10:00:00.000Z', ctx)) // 'unconfirmed'
 */
export function historyForStart(history: readonly ConfirmationChange[], answeredFor: string | undefined, visitStart: string, context: ConfirmationContext): ConfirmationChange[] {
  const from = confirmationStatusOf(history);
  if (answeredFor === undefined || Date.parse(answeredFor) === Date.parse(visitStart) || from === 'unconfirmed') return [...history];
  return [...history, entry({ kind: 'reset', from, to: 'unconfirmed' }, { ...context, method: undefined, note: undefined })];
}

/** Replays the history as a stack (a set pushes, an undo pops): the index the next undo reverses. */
function undoableIndex(history: readonly ConfirmationChange[]): number | undefined {
  const stack: number[] = [];
  history.forEach((change, index) => {
    if (change.kind === 'undo') stack.pop();
    else if (change.kind === 'reset') stack.length = 0;
    else stack.push(index);
  });
  return stack.at(-1);
}

/**
 * Whether there is a change that {@link undoConfirmation} would reverse.
 *
 * @example canUndoConfirmation([]) // false
 */
export function canUndoConfirmation(history: readonly ConfirmationChange[]): boolean {
  return undoableIndex(history) !== undefined;
}

/**
 * Records an undo of the latest change still in effect (nothing is
 * deleted); throws `nothing-to-undo` (field `status`) when there is none.
 *
 * @example confirmationStatusOf(undoConfirmation(setConfirmation([], 'confirmed', ctx), ctx)) // 'unconfirmed'
 */
export function undoConfirmation(history: readonly ConfirmationChange[], context: ConfirmationContext): ConfirmationChange[] {
  const index = undoableIndex(history);
  const undone = index === undefined ? undefined : history[index];
  if (index === undefined || !undone) throw new ValidationError('nothing-to-undo', 'status', 'There is no confirmation change to undo.');
  return [...history, entry({ kind: 'undo', from: confirmationStatusOf(history), to: undone.from, undoes: index }, context)];
}

function entry(change: Pick<ConfirmationChange, 'kind' | 'from' | 'to' | 'undoes'>, context: ConfirmationContext): ConfirmationChange {
  const note = context.note?.trim();
  return {
    ...change,
    at: context.at,
    actor: context.actor,
    by: context.by,
    ...(context.method ? { method: context.method } : {}),
    ...(note ? { note } : {}),
  };
}
