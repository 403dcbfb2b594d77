import { z } from 'zod';
import { ValidationError } from '../validation';
import { idSchema, isId } from './ids';
import { instantSchema, instantToMs, msToInstant } from './instant';
import { optionalText } from './text-fields';
import type { Instant } from './instant';
import { addCodedIssue } from './zod-to-validation';

/**
 * Every status an appointment can be in, in the order a visit normally goes.
 *
 * @example appointmentStatuses.includes('no_show') // true
 */
export const appointmentStatuses = ['booked', 'arrived', 'in_room', 'completed', 'no_show', 'cancelled'] as const;

/** One of {@link appointmentStatuses}. */
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/**
 * THE transition table: for each status, where a forward transition may go.
 * Terminal statuses (completed, no_show, cancelled) have none; they are left
 * only by undo. Everything else is refused with `invalid-status-transition`.
 *
 * @example statusTransitions.arrived // ['in_room', 'no_show', 'cancelled']
 */
export const statusTransitions: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  booked: ['arrived', 'no_show', 'cancelled'],
  arrived: ['in_room', 'no_show', 'cancelled'],
  in_room: ['completed', 'cancelled'],
  completed: [],
  no_show: [],
  cancelled: [],
};

/** Target statuses that cannot be reached without saying why. */
const reasonRequiredFor: ReadonlySet<AppointmentStatus> = new Set(['cancelled']);

/** Plain words for each status, for messages. */
const statusWords: Record<AppointmentStatus, string> = {
  booked: 'booked',
  arrived: 'arrived',
  in_room: 'in room',
  completed: 'completed',
  no_show: 'no-show',
  cancelled: 'cancelled',
};

/**
 * One entry of an appointment's status history. Entries are only ever
 * appended. `kind: 'undo'` entries record an undo: `undoes` is the index of
 * the transition it reverses and `to` is the status restored.
 * The first entry is the booking itself (`from: null`, `to: 'booked'`).
 *
 * @example statusChangeSchema.parse({ kind: 'undo', from: 'no_show', to: 'booked', at: '2025-03-09T15:00:00Z', by: 's1', undoes: 1 })
 */
export const statusChangeSchema = z.object({
  kind: z.enum(['transition', 'undo']),
  from: z.enum(appointmentStatuses).nullable(),
  to: z.enum(appointmentStatuses),
  at: instantSchema,
  by: idSchema,
  reason: optionalText(500),
  undoes: z.number().int().min(0).optional(),
});

/** One status history entry; see {@link statusChangeSchema}. */
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** Who did it, when, and (optionally; required to cancel) why. */
export interface StatusChangeContext {
  at: Instant;
  by: string;
  reason?: string | undefined;
}

/**
 * Statuses reachable from `from` by a forward transition.
 *
 * @example allowedTransitions('booked') // ['arrived', 'no_show', 'cancelled']
 * @example allowedTransitions('completed') // []
 */
export function allowedTransitions(from: AppointmentStatus): readonly AppointmentStatus[] {
  return statusTransitions[from];
}

/**
 * True when the table allows `from` → `to`.
 *
 * @example canTransition('arrived', 'in_room') // true
 */
export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return statusTransitions[from].includes(to);
}

/**
 * The history of a newly booked appointment.
 *
 * @example bookedHistory({ at: '2025-03-01T09:00:00.000Z', by: 'staff-1' }) // [{ kind: 'transition', from: null, to: 'booked', … }]
 */
export function bookedHistory(context: StatusChangeContext): StatusChange[] {
  return [withReason({ kind: 'transition', from: null, to: 'booked', at: context.at, by: context.by }, context.reason)];
}

/**
 * The status the history ends in.
 *
 * @example currentStatus(bookedHistory({ at, by })) // 'booked'
 */
export function currentStatus(history: readonly StatusChange[]): AppointmentStatus {
  const last = history.at(-1);
  if (!last) throw new ValidationError('required', 'statusHistory', 'The appointment has no status history.');
  return last.to;
}

/**
 * Appends a forward transition to `to`, or throws `invalid-status-transition`
 * (field `status`) when the table refuses it and `reason-required` (field
 * `reason`) when cancelling without a reason. Returns a new array.
 *
 * @example transition(history, 'cancelled', { at, by: 'staff-1', reason: 'Patient called' })
 */
export function transition(history: readonly StatusChange[], to: AppointmentStatus, context: StatusChangeContext): StatusChange[] {
  const from = currentStatus(history);
  if (!canTransition(from, to)) {
    const hint = statusTransitions[from].length === 0 ? ' It can only be undone.' : '';
    throw new ValidationError('invalid-status-transition', 'status', `An appointment that is ${statusWords[from]} cannot be marked ${statusWords[to]}.${hint}`);
  }
  const reason = context.reason?.trim();
  if (reasonRequiredFor.has(to) && !reason) {
    throw new ValidationError('reason-required', 'reason', `Please give a reason for marking the appointment ${statusWords[to]}.`);
  }
  return [...history, withReason({ kind: 'transition', from, to, at: context.at, by: context.by }, reason)];
}

/**
 * Index of the transition the next undo would reverse, or `undefined`.
 * Replays the history as a stack: a transition pushes, an undo pops, so
 * undoing twice steps back two transitions. The booking itself cannot be
 * undone (cancel it instead).
 */
function undoableIndex(history: readonly StatusChange[]): number | undefined {
  const stack: number[] = [];
  history.forEach((entry, index) => {
    if (entry.kind === 'undo') stack.pop();
    else if (entry.from !== null) stack.push(index);
  });
  return stack.at(-1);
}

/**
 * Records an undo of the latest transition that is still in effect: the new
 * entry restores that transition's `from` status. Nothing is deleted. An undo
 * is never itself undone ("redo" is just doing the transition again);
 * calling this twice steps back two transitions. Throws `nothing-to-undo`
 * (field `status`) when only the booking remains.
 *
 * @example currentStatus(undoLastTransition(transition(booked, 'arrived', ctx), ctx)) // 'booked'
 */
export function undoLastTransition(history: readonly StatusChange[], context: StatusChangeContext): StatusChange[] {
  const index = undoableIndex(history);
  const undone = index === undefined ? undefined : history[index];
  if (index === undefined || !undone || undone.from === null) {
    throw new ValidationError('nothing-to-undo', 'status', 'There is no status change to undo.');
  }
  const entry = withReason({ kind: 'undo', from: currentStatus(history), to: undone.from, at: context.at, by: context.by, undoes: index }, context.reason?.trim());
  return [...history, entry];
}

function withReason(entry: StatusChange, reason: string | undefined): StatusChange {
  const at = instantToMs(entry.at);
  if (at === undefined) throw new ValidationError('invalid-format', 'at', `"${String(entry.at)}" is not a UTC time like 2025-03-09T14:00:00.000Z.`);
  if (!isId(entry.by)) throw new ValidationError('invalid-format', 'by', `"${String(entry.by)}" is not a staff member id.`);
  // The audit trail keeps one canonical instant form so entries sort as strings.
  const stamped = { ...entry, at: msToInstant(at) };
  return reason ? { ...stamped, reason } : stamped;
}

/**
 * Checks that a stored history could have been produced by {@link transition}
 * and {@link undoLastTransition}: it starts with the booking, each entry
 * starts where the previous ended, forward steps follow the table (with a
 * reason where required) and each undo reverses the right entry.
 * Reports through a zod refinement context so the field path is kept.
 *
 * @example z.array(statusChangeSchema).superRefine(checkStatusHistory)
 */
export function checkStatusHistory(history: readonly StatusChange[], context: z.core.$RefinementCtx<readonly StatusChange[]>): void {
  const first = history[0];
  if (!first) {
    addCodedIssue(context, 'required', 'The appointment has no status history.');
    return;
  }
  if (first.kind !== 'transition' || first.from !== null || first.to !== 'booked') {
    addCodedIssue(context, 'invalid-status-transition', 'The status history must start with the booking.', [0]);
    return;
  }
  for (let index = 1; index < history.length; index += 1) {
    const entry = history[index];
    const previous = history[index - 1];
    if (!entry || !previous) continue;
    const prefix = history.slice(0, index);
    const valid =
      entry.from === previous.to &&
      (entry.kind === 'transition'
        ? entry.from !== null && canTransition(entry.from, entry.to)
        : entry.undoes === undoableIndex(prefix) && entry.to === history[entry.undoes ?? -1]?.from);
    if (!valid) {
      addCodedIssue(context, 'invalid-status-transition', `Status change ${index + 1} does not follow from the one before it.`, [index]);
      return;
    }
    if (entry.kind === 'transition' && reasonRequiredFor.has(entry.to) && !entry.reason) {
      addCodedIssue(context, 'reason-required', `Status change ${index + 1} has no reason.`, [index, 'reason']);
      return;
    }
  }
}

/**
 * A whole status history, checked with {@link checkStatusHistory}.
 *
 * @example statusHistorySchema.parse(bookedHistory({ at, by }))
 */
export const statusHistorySchema = z.array(statusChangeSchema).superRefine(checkStatusHistory);
