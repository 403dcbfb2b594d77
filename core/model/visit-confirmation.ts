import { z } from 'zod';
import { idSchema } from './ids';
import { instantSchema } from './instant';
import { optionalText, textLimits } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * Whether the patient said they will come, apart from the visit's own status
 * machine (booked → arrived → …): a visit can be booked and confirmed, or
 * booked and declined until the desk cancels or moves it. `reminded` is set
 * by the sync server when a reminder went out; `no_answer` by the desk after
 * a call nobody picked up.
 *
 * @example confirmationStatuses[0] // 'unconfirmed'
 */
export const confirmationStatuses = ['unconfirmed', 'reminded', 'confirmed', 'declined', 'no_answer'] as const;

/** One of {@link confirmationStatuses}. */
export type ConfirmationStatus = (typeof confirmationStatuses)[number];

/**
 * How the answer came: a call or a word at the counter (the desk), the
 * patient's Confirm/Cancel link, or a reminder sent (the sync server).
 *
 * @example confirmationMethods.includes('phone') // true
 */
export const confirmationMethods = ['phone', 'in_person', 'link', 'reminder'] as const;

/** One of {@link confirmationMethods}. */
export type ConfirmationMethod = (typeof confirmationMethods)[number];

/** Who made a confirmation change: a staff member at a desk, the patient (their link), or the sync server (a reminder sent). */
export const confirmationActorKinds = ['staff', 'patient', 'server'] as const;

/**
 * One entry of a visit's confirmation history, appended only. `undo`
 * entries restore `to` and name the entry they reverse (`undoes`); a `reset`
 * (to `unconfirmed`) is written before a new answer when the visit moved
 * since the last one, which no longer holds (and cannot be undone back).
 *
 * @example confirmationChangeSchema.parse({ kind: 'set', from: 'unconfirmed', to: 'confirmed', method: 'phone', at: '2026-03-01T15:00:00.000Z', actor: 'staff', by: 's1' })
 */
export const confirmationChangeSchema = z.object({
  kind: z.enum(['set', 'undo', 'reset']),
  from: z.enum(confirmationStatuses),
  to: z.enum(confirmationStatuses),
  method: z.enum(confirmationMethods).optional(),
  at: instantSchema,
  actor: z.enum(confirmationActorKinds),
  /** The staff member's id, the patient's id, or the server's. */
  by: idSchema,
  note: optionalText(textLimits.confirmationNote),
  undoes: z.number().int().min(0).optional(),
});

/** One confirmation history entry; see {@link confirmationChangeSchema}. */
export type ConfirmationChange = z.infer<typeof confirmationChangeSchema>;

/**
 * A visit's confirmation record (issue 16), one per visit, keyed by the
 * visit's key (core/confirmations `visitKey`: the appointment id, or the
 * occurrence id of a series visit, which stays the same when the visit is
 * saved as an appointment). `visitStart` is the start the answer was given
 * for: once the visit is moved the answer no longer holds, and the desk shows
 * the visit unconfirmed again (core/confirmations `effectiveConfirmation`).
 * No record means unconfirmed. `status` is always the history's last `to`.
 *
 * @example parseVisitConfirmation({ id: 'a1', patientId: 'p1', visitStart: '2026-03-02T14:00:00.000Z', status: 'confirmed', statusHistory: [ … ], version: 1, createdAt, updatedAt })
 */
export const visitConfirmationSchema = z
  .object({
    id: idSchema,
    patientId: idSchema,
    visitStart: instantSchema,
    status: z.enum(confirmationStatuses),
    statusHistory: z.array(confirmationChangeSchema).min(1).max(500),
    version: z.number().int().min(0),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .superRefine((record, context) => {
    const last = record.statusHistory.at(-1);
    if (last && last.to !== record.status) addCodedIssue(context, 'invalid-status-transition', `The status must be the history's last (${last.to}).`, ['status']);
    record.statusHistory.forEach((entry, index) => {
      const previous = record.statusHistory[index - 1];
      if (previous && previous.to !== entry.from) addCodedIssue(context, 'invalid-status-transition', `Entry ${index} starts at ${entry.from}, the one before ended at ${previous.to}.`, ['statusHistory', index, 'from']);
    });
  });

/** A validated confirmation record; see {@link visitConfirmationSchema}. */
export type VisitConfirmation = z.infer<typeof visitConfirmationSchema>;

/**
 * Validates a confirmation record or throws a `ValidationError` naming the field.
 *
 * @example parseVisitConfirmation({ …, status: 'maybe' }) // throws invalid-format / status
 */
export function parseVisitConfirmation(input: unknown): VisitConfirmation {
  return parseWith(visitConfirmationSchema, input);
}
