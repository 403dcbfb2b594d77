import { z } from 'zod';
import {
  appointmentInputSchema,
  appointmentStatuses,
  buildAppointment,
  currentStatus,
  durationMinutesSchema,
  idSchema,
  msToInstant,
  parseAppointment,
  resourceIdsSchema,
  timeZoneSchema,
  transition,
  undoLastTransition,
  textLimits,
  wallTimeSchema,
} from '../model';
import type { Appointment, StatusChange } from '../model';
import type { Conflict } from '../overlap';
import { wallTimeToInstant } from '../time';
import { loadAppointment, saveAppointment } from './appointment-rows';
import { checkCandidates } from './booking-context';
import { refuse } from './command-result';
import { gateConflicts, overrideSchema } from './conflict-gate';
import { defineCommand } from './define-command';
import type { WriteScope } from './define-command';
import { fieldChanges, withFieldChanges } from './field-changes';

/** What booking and moving return: the saved appointment and the warnings the receptionist confirmed. */
export interface BookedAppointment {
  appointment: Appointment;
  warnings: Conflict[];
}

const bookArgs = appointmentInputSchema.omit({ seriesId: true, originalStart: true }).extend({ override: overrideSchema.optional() });

const moveArgs = z.object({
  appointmentId: idSchema,
  wallStart: wallTimeSchema,
  timeZone: timeZoneSchema.optional(),
  durationMinutes: durationMinutesSchema.optional(),
  resourceIds: resourceIdsSchema.optional(),
  // Words can change in the same save as the time, so the dialog's save is one
  // transaction and one audit entry; left out keeps them, `null` clears one.
  // Plain strings here (not the model's blank-as-absent fields) so a blank
  // clears rather than reads as "left out"; parseAppointment trims.
  visitReason: z.string().max(textLimits.visitReason).nullable().optional(),
  notes: z.string().max(textLimits.notes).nullable().optional(),
  override: overrideSchema.optional(),
});

const statusArgs = z.object({
  appointmentId: idSchema,
  to: z.enum(appointmentStatuses),
  reason: z.string().max(textLimits.reason).optional(),
});

const unknownAppointment = (id: string) => refuse('unknown-entity', 'appointmentId', `There is no appointment "${id}".`);

/**
 * Applies a status change (forward or undo) to a stored appointment and
 * records it (shared with occurrence/change-status).
 *
 * @example return changeStatus(scope, 'a1', (history) => transition(history, 'arrived', { at, by }), 'STATUS_CHANGED');
 */
export async function changeStatus(
  scope: WriteScope,
  appointmentId: string,
  change: (history: readonly StatusChange[]) => StatusChange[],
  action: 'STATUS_CHANGED' | 'STATUS_UNDONE' | 'APPOINTMENT_CANCELLED',
) {
  const before = await loadAppointment(scope, appointmentId);
  if (!before) return unknownAppointment(appointmentId);
  const statusHistory = change(before.statusHistory);
  const latest = statusHistory.at(-1) as StatusChange;
  const after: Appointment = { ...before, statusHistory, status: currentStatus(statusHistory), version: before.version + 1, updatedAt: scope.at };
  await saveAppointment(scope, after);
  scope.audit({
    action: action === 'STATUS_CHANGED' && after.status === 'cancelled' ? 'APPOINTMENT_CANCELLED' : action,
    entityType: 'appointment',
    entityId: after.id,
    patientId: after.patientId,
    changes: { status: { before: before.status, after: after.status } },
    reason: latest.reason ?? null,
  });
  return { ok: true as const, value: after, baseVersion: before.version };
}

/**
 * Appointment commands. Each runs inside the write wrapper's transaction
 * (see run-command.ts), so the change, its audit entries and its outbox
 * mutation commit together.
 */
export const appointmentCommands = {
  /**
   * Books one appointment: checks the patient exists, builds it from the
   * chosen wall time (core/time's DST policy), runs the booking check
   * against stored appointments, series occurrences, hours and closures, and
   * refuses hard conflicts unless a manager overrides with a reason.
   *
   * @example run('appointment/book', { resourceIds: ['dr-lee'], patientId: 'p1', wallStart: '2026-03-09T09:00', timeZone: 'America/New_York', durationMinutes: 30 }, session)
   */
  'appointment/book': defineCommand({
    args: bookArgs,
    async run(scope, args) {
      const { override, ...input } = args;
      const appointment = buildAppointment(input, { id: scope.newId(), at: scope.at, by: scope.session.staffId });
      // The patient and the booking check are read together (one round trip); an unknown patient still refuses first.
      const [patient, check] = await Promise.all([
        scope.db.patients.get(input.patientId),
        checkCandidates(scope, [{ ...appointment, start: Date.parse(appointment.start), end: Date.parse(appointment.end) }]),
      ]);
      if (!patient) return refuse('unknown-entity', 'patientId', `There is no patient "${input.patientId}".`);
      const refusal = gateConflicts(scope, check, override, { entityType: 'appointment', entityId: appointment.id, patientId: appointment.patientId });
      if (refusal) return refusal;
      await saveAppointment(scope, appointment);
      scope.audit({
        action: 'APPOINTMENT_BOOKED',
        entityType: 'appointment',
        entityId: appointment.id,
        patientId: appointment.patientId,
        changes: fieldChanges(null, appointment, ['version', 'createdAt', 'updatedAt', 'statusHistory', 'id', 'patientId']),
      });
      const value: BookedAppointment = { appointment, warnings: check.warnings };
      return { ok: true, value, baseVersion: null, intent: { ...args, appointmentId: appointment.id, at: scope.at } };
    },
  }),

  /**
   * Moves an appointment to a new wall time (and optionally zone, length or
   * resources), re-running the booking check without counting the
   * appointment against itself. Only a booked appointment can move. The
   * visit reason and notes may change in the same call (`null` clears one,
   * left out keeps it): one transaction, one `APPOINTMENT_MOVED` entry with
   * every changed field, nothing saved if anything is refused.
   *
   * @example run('appointment/move', { appointmentId: 'a1', wallStart: '2026-03-10T11:00', notes: 'Bring X-rays' }, session)
   */
  'appointment/move': defineCommand({
    args: moveArgs,
    async run(scope, args) {
      const before = await loadAppointment(scope, args.appointmentId);
      if (!before) return unknownAppointment(args.appointmentId);
      if (before.status !== 'booked') {
        return refuse('invalid-status-transition', 'status', `Only a booked appointment can be moved; this one is ${before.status.replace('_', ' ')}.`);
      }
      const timeZone = args.timeZone ?? before.timeZone;
      const durationMinutes = args.durationMinutes ?? before.durationMinutes;
      const startMs = wallTimeToInstant(args.wallStart, timeZone, 'wallStart');
      // Left out keeps a field; null or blank removes it (no `undefined`-valued key left in the record).
      const words = Object.fromEntries(
        Object.entries({ visitReason: args.visitReason, notes: args.notes })
          .filter(([, value]) => value !== undefined)
          .map(([field, value]) => [field, value?.trim() ? value : null]),
      );
      const after = parseAppointment({
        ...withFieldChanges(before, words),
        wallStart: args.wallStart,
        timeZone,
        durationMinutes,
        resourceIds: args.resourceIds ?? before.resourceIds,
        start: msToInstant(startMs),
        end: msToInstant(startMs + durationMinutes * 60_000),
        version: before.version + 1,
        updatedAt: scope.at,
      });
      const check = await checkCandidates(scope, [{ ...after, start: Date.parse(after.start), end: Date.parse(after.end) }]);
      const refusal = gateConflicts(scope, check, args.override, { entityType: 'appointment', entityId: after.id, patientId: after.patientId });
      if (refusal) return refusal;
      await saveAppointment(scope, after);
      scope.audit({ action: 'APPOINTMENT_MOVED', entityType: 'appointment', entityId: after.id, patientId: after.patientId, changes: fieldChanges(before, after) });
      const value: BookedAppointment = { appointment: after, warnings: check.warnings };
      return { ok: true, value, baseVersion: before.version };
    },
  }),

  /**
   * Changes an appointment's details (visit reason, notes) without moving
   * it; `null` clears one. Nothing about the booking changes, so no check.
   *
   * @example run('appointment/edit', { appointmentId: 'a1', notes: 'Bring last year’s X-rays' }, session)
   */
  'appointment/edit': defineCommand({
    args: z.object({
      appointmentId: idSchema,
      visitReason: appointmentInputSchema.shape.visitReason.nullable(),
      notes: appointmentInputSchema.shape.notes.nullable(),
    }),
    async run(scope, args) {
      const before = await loadAppointment(scope, args.appointmentId);
      if (!before) return unknownAppointment(args.appointmentId);
      const { appointmentId: _id, ...edits } = args;
      const merged = withFieldChanges(before, edits);
      const changes = fieldChanges(before, merged);
      if (Object.keys(changes).length === 0) return { ok: true, value: before, baseVersion: null };
      const after = parseAppointment({ ...merged, version: before.version + 1, updatedAt: scope.at });
      await saveAppointment(scope, after);
      scope.audit({ action: 'APPOINTMENT_EDITED', entityType: 'appointment', entityId: after.id, patientId: after.patientId, changes });
      return { ok: true, value: after, baseVersion: before.version };
    },
  }),

  /**
   * Cancels an appointment through the status machine; a reason is required.
   *
   * @example run('appointment/cancel', { appointmentId: 'a1', reason: 'Patient called in sick' }, session)
   */
  'appointment/cancel': defineCommand({
    args: z.object({ appointmentId: idSchema, reason: z.string().max(textLimits.reason).optional() }),
    run: (scope, args) =>
      changeStatus(scope, args.appointmentId, (history) => transition(history, 'cancelled', { at: scope.at, by: scope.session.staffId, reason: args.reason }), 'APPOINTMENT_CANCELLED'),
  }),

  /**
   * Moves an appointment along the status machine (arrived, in room,
   * completed, no-show, cancelled). Refuses transitions the table forbids.
   *
   * @example run('appointment/change-status', { appointmentId: 'a1', to: 'arrived' }, session)
   */
  'appointment/change-status': defineCommand({
    args: statusArgs,
    run: (scope, args) =>
      changeStatus(scope, args.appointmentId, (history) => transition(history, args.to, { at: scope.at, by: scope.session.staffId, reason: args.reason }), 'STATUS_CHANGED'),
  }),

  /**
   * Undoes the latest status change still in effect (nothing is deleted:
   * the history gains an undo entry).
   *
   * @example run('appointment/undo-status', { appointmentId: 'a1' }, session)
   */
  'appointment/undo-status': defineCommand({
    args: z.object({ appointmentId: idSchema, reason: z.string().max(textLimits.reason).optional() }),
    run: (scope, args) =>
      changeStatus(scope, args.appointmentId, (history) => undoLastTransition(history, { at: scope.at, by: scope.session.staffId, reason: args.reason }), 'STATUS_UNDONE'),
  }),
};
