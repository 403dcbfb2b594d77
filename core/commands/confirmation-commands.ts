import { z } from 'zod';
import { historyForStart, setConfirmation, undoConfirmation, visitKey } from '../confirmations';
import type { ConfirmationContext } from '../confirmations';
import { idSchema, parseVisitConfirmation, textLimits, wallTimeSchema } from '../model';
import type { ConfirmationChange, VisitConfirmation } from '../model';
import { lookUpVisit } from '../queries';
import type { VisitRef } from '../queries';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import type { CommandStep, WriteScope } from './define-command';

/**
 * Which visit: `{ appointmentId }`, or a series visit `{ seriesId, originalStart }`
 * (stored or still computed from its rule).
 */
export const visitRefSchema = z.union([
  z.object({ appointmentId: idSchema }).strict(),
  z.object({ seriesId: idSchema, originalStart: wallTimeSchema }).strict(),
]);

/** The answers the desk records; `reminded` is the sync server's, `unconfirmed` only comes back by undo. */
export const deskConfirmationStatuses = ['confirmed', 'declined', 'no_answer'] as const;

/** What a confirmation command returns: the visit's record as stored. */
export type ConfirmationResult = VisitConfirmation;

async function changeConfirmation(
  scope: WriteScope,
  ref: VisitRef,
  change: (history: ConfirmationChange[], context: ConfirmationContext) => ConfirmationChange[],
  context: ConfirmationContext,
  action: 'CONFIRMATION_SET' | 'CONFIRMATION_UNDONE',
): Promise<CommandStep<ConfirmationResult>> {
  const visit = await lookUpVisit(scope.db, ref);
  if (!visit) return refuse('unknown-entity', 'visit', 'There is no such visit on this desk.');
  if (visit.status !== 'booked') {
    return refuse('invalid-status-transition', 'status', `Only a booked visit is confirmed; this one is ${visit.status.replace('_', ' ')}.`);
  }
  const key = visitKey(visit);
  const before = await scope.db.visitConfirmations.get(key);
  const history = historyForStart(before?.statusHistory ?? [], before?.visitStart, visit.start, context);
  const statusHistory = change(history, context);
  const after = parseVisitConfirmation({
    id: key,
    patientId: visit.patientId,
    visitStart: visit.start,
    status: (statusHistory.at(-1) as ConfirmationChange).to,
    statusHistory,
    version: (before?.version ?? 0) + 1,
    createdAt: before?.createdAt ?? scope.at,
    updatedAt: scope.at,
  });
  await scope.db.visitConfirmations.put(after);
  const latest = after.statusHistory.at(-1) as ConfirmationChange;
  scope.audit({
    action,
    entityType: 'visit-confirmation',
    entityId: key,
    patientId: visit.patientId,
    changes: {
      status: { before: before?.status ?? 'unconfirmed', after: after.status },
      ...(latest.method ? { method: { before: null, after: latest.method } } : {}),
      ...(before && before.visitStart !== after.visitStart ? { visitStart: { before: before.visitStart, after: after.visitStart } } : {}),
    },
    reason: latest.note ?? null,
  });
  return { ok: true, value: after, baseVersion: before?.version ?? null, intent: { ...ref, ...(action === 'CONFIRMATION_SET' ? { to: latest.to, method: latest.method } : {}), visitKey: key } };
}

/**
 * Confirmation status per visit (issue 16), apart from the visit's status
 * machine: core/confirmations' table of transitions, an appended history with
 * undo, audited and synced as a `visitConfirmation` record keyed by the
 * visit key. Works with no sync server at all: the call-down list and the
 * icon on the booking read these records.
 */
export const confirmationCommands = {
  /**
   * Records the patient's answer: confirmed, declined, or no answer (a call
   * nobody picked up), by phone or in person, with an optional note.
   *
   * @example run('confirmation/set', { visit: { appointmentId: 'a1' }, to: 'confirmed', method: 'phone' }, session)
   */
  'confirmation/set': defineCommand({
    args: z.object({
      visit: visitRefSchema,
      to: z.enum(deskConfirmationStatuses),
      method: z.enum(['phone', 'in_person']).default('phone'),
      note: z.string().max(textLimits.confirmationNote).optional(),
    }),
    run: (scope, args) =>
      changeConfirmation(scope, args.visit, (history, context) => setConfirmation(history, args.to, context), { at: scope.at, actor: 'staff', by: scope.session.staffId, method: args.method, note: args.note }, 'CONFIRMATION_SET'),
  }),

  /**
   * Undoes the latest confirmation change still in effect (the history gains an undo entry).
   *
   * @example run('confirmation/undo', { visit: { appointmentId: 'a1' } }, session)
   */
  'confirmation/undo': defineCommand({
    args: z.object({ visit: visitRefSchema }),
    run: (scope, args) => changeConfirmation(scope, args.visit, (history, context) => undoConfirmation(history, context), { at: scope.at, actor: 'staff', by: scope.session.staffId }, 'CONFIRMATION_UNDONE'),
  }),
};
