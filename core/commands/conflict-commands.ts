import { z } from 'zod';
import type { TimedeskDb } from '../db';
import { idSchema, textLimits } from '../model';
import { conflictResolutionActions } from '../sync/conflict-record';
import type { DoubleBookingConflict } from '../sync/conflict-record';
import { resolveConcurrentEdit } from './concurrent-edit-resolution';
import { resolveScheduleDisplaced } from './schedule-displaced-resolution';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import { isManager } from './session';
import { settleConflict } from './settle-conflict';

const resolveArgs = z.object({
  conflictId: idSchema,
  action: z.enum(conflictResolutionActions),
  /** The appointment moved or cancelled (a double booking, unless both are kept). */
  appointmentId: idSchema.optional(),
  reason: z.string().trim().max(textLimits.reason),
});

const openStatuses: ReadonlySet<string> = new Set(['booked', 'arrived', 'in_room']);

/**
 * Settling a conflict the sync server found (the "Needs attention" inbox):
 * a double booking here, a concurrent edit in concurrent-edit-resolution.ts. The change itself is made with the ordinary commands first —
 * `appointment/move` to reschedule one, `appointment/cancel` (with a reason)
 * to cancel one — and `conflict/resolve` then records how it was settled:
 * an audited, synced mutation that puts the conflict back with
 * `status: 'resolved'` and the resolution, so every desk's inbox clears.
 * Keeping both is a manager's override and needs a reason.
 */
export const conflictCommands = {
  /**
   * Records how a double booking was settled.
   *
   * @example run('conflict/resolve', { conflictId: 'cf_1', action: 'cancelled', appointmentId: 'a2', reason: 'Patient rebooked for Friday' }, session)
   */
  'conflict/resolve': defineCommand({
    args: resolveArgs,
    async run(scope, args) {
      const conflict = await scope.db.conflicts.get(args.conflictId);
      if (!conflict) return refuse('unknown-entity', 'conflictId', `There is no conflict "${args.conflictId}".`);
      if (conflict.status !== 'open') return refuse('invalid-status-transition', 'conflictId', 'This conflict is already resolved.');
      if (conflict.kind === 'concurrent-edit') return resolveConcurrentEdit(scope, conflict, args);
      if (conflict.kind === 'schedule-displaced') return resolveScheduleDisplaced(scope, conflict, args);
      if (args.reason === '') return refuse('reason-required', 'reason', 'Say how the double booking was settled.');
      if (args.action === 'kept-current' || args.action === 'applied-other' || args.action === 'handled') return refuse('invalid-format', 'action', 'A double booking is settled by rescheduling, cancelling or keeping both.');
      if (args.action === 'kept-both') {
        if (!isManager(scope.session)) return refuse('not-permitted', 'action', 'Only a manager can keep both bookings.');
      } else {
        if (args.appointmentId === undefined) return refuse('required', 'appointmentId', 'Choose the appointment that was moved or cancelled.');
        if (!conflict.appointmentIds.includes(args.appointmentId)) return refuse('unknown-entity', 'appointmentId', 'That appointment is not part of this conflict.');
        const problem = await stillDoubleBooked(scope.db, conflict, args.appointmentId, args.action);
        if (problem) return problem;
      }
      const resolution = {
        action: args.action,
        ...(args.action === 'kept-both' || args.appointmentId === undefined ? {} : { appointmentId: args.appointmentId }),
        reason: args.reason,
        by: scope.session.staffId,
        at: scope.at,
      };
      return settleConflict(scope, { ...conflict, status: 'resolved', resolution }, args.action === 'kept-both' ? 'CONFLICT_OVERRIDDEN' : 'CONFLICT_RESOLVED', {
        appointmentIds: { before: conflict.appointmentIds, after: conflict.appointmentIds },
      });
    },
  }),
};

/** The settling command must have happened: a cancelled appointment no longer holds its slot, a moved one no longer shares a resource or the patient at the same time. */
async function stillDoubleBooked(db: TimedeskDb, conflict: DoubleBookingConflict, appointmentId: string, action: 'rescheduled' | 'cancelled') {
  const appointment = await db.appointments.get(appointmentId);
  if (!appointment) return refuse('unknown-entity', 'appointmentId', `There is no appointment "${appointmentId}".`);
  if (action === 'cancelled') {
    return openStatuses.has(appointment.status) ? refuse('invalid-status-transition', 'appointmentId', 'Cancel the appointment first, then resolve the conflict.') : null;
  }
  const others = await db.appointments.bulkGet(conflict.appointmentIds.filter((id) => id !== appointmentId));
  const start = Date.parse(appointment.start);
  const end = Date.parse(appointment.end);
  // Half-open intervals: back-to-back visits do not overlap.
  const clash = others.some(
    (other) =>
      other !== undefined &&
      openStatuses.has(other.status) &&
      Date.parse(other.start) < end &&
      start < Date.parse(other.end) &&
      (other.patientId === appointment.patientId || other.resourceIds.some((id) => appointment.resourceIds.includes(id))),
  );
  return clash ? refuse('invalid-interval', 'appointmentId', 'The appointment still overlaps the other booking: move it first, then resolve the conflict.') : null;
}
