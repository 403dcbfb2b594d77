import { z } from 'zod';
import { idSchema } from './ids';
import { instantSchema } from './instant';
import { optionalText, textLimits } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * The ways the clinic may message a patient, and `none` for a patient who
 * would rather not be written to even where it is allowed.
 *
 * @example contactChannels.includes('sms') // true
 */
export const contactChannels = ['email', 'sms', 'none'] as const;

/** One of {@link contactChannels}. */
export type ContactChannel = (typeof contactChannels)[number];

/**
 * What the desk records when it asks a patient: each channel allowed or not,
 * the one they prefer, and whether they opted out of every message. The bare
 * fields, for schemas that add their own (the command's `patientId`); the
 * rules between them are {@link contactConsentAnswerSchema}'s and the record's.
 */
export const contactConsentAnswerFields = z.object({
  emailAllowed: z.boolean(),
  smsAllowed: z.boolean(),
  preferredChannel: z.enum(contactChannels),
  /** Opted out of all messages: no reminder or confirmation request goes out, whatever the flags say. */
  optedOut: z.boolean(),
  /** Why they opted out, in their words or the desk's ("Asked not to be texted"); only with `optedOut`. */
  optOutReason: optionalText(textLimits.optOutReason),
});

/**
 * The rules an answer must keep, shared by the command's arguments and the
 * stored record: the preferred channel is one the patient allowed; an
 * opt-out says why; a reason without an opt-out is refused rather than kept
 * as stale words. Opting out clears nothing: the flags stay as the patient
 * gave them (so opting back in restores them on screen), and
 * {@link contactPermission} reads an opted-out record as "no messages".
 */
function checkAnswer(answer: z.infer<typeof contactConsentAnswerFields>, context: z.RefinementCtx): void {
  if (answer.preferredChannel === 'email' && !answer.emailAllowed) addCodedIssue(context, 'invalid-format', 'Email is preferred but not allowed: allow email or choose another channel.', ['preferredChannel']);
  if (answer.preferredChannel === 'sms' && !answer.smsAllowed) addCodedIssue(context, 'invalid-format', 'Text messages are preferred but not allowed: allow them or choose another channel.', ['preferredChannel']);
  if (answer.optedOut && answer.optOutReason === undefined) addCodedIssue(context, 'reason-required', 'Say why the patient opted out.', ['optOutReason']);
  if (!answer.optedOut && answer.optOutReason !== undefined) addCodedIssue(context, 'invalid-format', 'A reason is only kept for a patient who opted out.', ['optOutReason']);
}

/**
 * A contact-consent answer as the desk records it (the command's arguments).
 *
 * @example contactConsentAnswerSchema.parse({ emailAllowed: true, smsAllowed: false, preferredChannel: 'email', optedOut: false })
 */
export const contactConsentAnswerSchema = contactConsentAnswerFields.strict().superRefine(checkAnswer);

/** See {@link contactConsentAnswerSchema}. */
export type ContactConsentAnswer = z.infer<typeof contactConsentAnswerSchema>;

/**
 * A patient's contact consent (issue 16), one record per patient, its id the
 * patient's id — so two desks asking the same patient offline write the same
 * record, and the sync server treats that as a concurrent edit. No record
 * means "not asked yet", which is never consent. `recordedBy` (staff id) and
 * `recordedAt` say who last asked and when; the audit log keeps every earlier
 * answer with its before and after.
 *
 * @example parseContactConsent({ id: 'p1', patientId: 'p1', emailAllowed: true, smsAllowed: true, preferredChannel: 'sms', optedOut: false, recordedBy: 's1', recordedAt, version: 1, createdAt, updatedAt })
 */
export const contactConsentSchema = z
  .object({
    id: idSchema,
    patientId: idSchema,
    ...contactConsentAnswerFields.shape,
    recordedBy: idSchema,
    recordedAt: instantSchema,
    version: z.number().int().min(0),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .strict()
  .superRefine((record, context) => {
    if (record.id !== record.patientId) addCodedIssue(context, 'invalid-format', 'A consent record is kept under its patient’s id.', ['id']);
    checkAnswer(record, context);
  });

/** A validated consent record; see {@link contactConsentSchema}. */
export type ContactConsent = z.infer<typeof contactConsentSchema>;

/**
 * Validates a consent record or throws a `ValidationError` naming the field.
 *
 * @example parseContactConsent({ …, preferredChannel: 'sms', smsAllowed: false }) // throws invalid-format / preferredChannel
 */
export function parseContactConsent(input: unknown): ContactConsent {
  return parseWith(contactConsentSchema, input);
}

/**
 * What a patient's consent allows, the one reading every sender (reminders,
 * confirmation requests) and the desk use: never asked, opted out (nothing is
 * sent), or the allowed channels with the preferred one first.
 */
export type ContactPermission =
  | { kind: 'not-asked' }
  | { kind: 'opted-out'; reason: string }
  | { kind: 'allowed'; channels: ('email' | 'sms')[]; preferred: ContactChannel };

/**
 * Reads a consent record (or its absence) as what may be sent. No record is
 * `not-asked`, not permission; an opt-out overrides the allowed flags.
 *
 * @example contactPermission(undefined) // { kind: 'not-asked' }
 * @example contactPermission({ …, smsAllowed: true, emailAllowed: true, preferredChannel: 'email', optedOut: false }).channels // ['email', 'sms']
 */
export function contactPermission(record: Pick<ContactConsent, 'emailAllowed' | 'smsAllowed' | 'preferredChannel' | 'optedOut' | 'optOutReason'> | undefined): ContactPermission {
  if (record === undefined) return { kind: 'not-asked' };
  if (record.optedOut) return { kind: 'opted-out', reason: record.optOutReason ?? '' };
  const allowed = (['email', 'sms'] as const).filter((channel) => (channel === 'email' ? record.emailAllowed : record.smsAllowed));
  const channels = [...allowed].sort((a, b) => Number(b === record.preferredChannel) - Number(a === record.preferredChannel));
  return { kind: 'allowed', channels, preferred: record.preferredChannel };
}
