import { z } from 'zod';
import { calendarDateSchema, timeOfDayWindowSchema } from './calendar-fields';
import { idSchema } from './ids';
import { instantSchema } from './instant';
import { integerInRange } from './number-fields';
import { optionalText, requiredText } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * How soon a waiting patient should be seen; the order matching offers them
 * in (`urgent` first).
 *
 * @example waitlistPriorities // ['urgent', 'soon', 'routine']
 */
export const waitlistPriorities = ['urgent', 'soon', 'routine'] as const;
/** One of {@link waitlistPriorities}. */
export type WaitlistPriority = (typeof waitlistPriorities)[number];

/** Who did a step and when (an instant and a staff id). */
const stepSchema = z.object({ at: instantSchema, by: idSchema });

/** The slot an entry was offered: `[start, end)` on a provider (and room). */
export const offeredSlotSchema = z.object({ start: instantSchema, end: instantSchema, providerId: idSchema, roomId: idSchema.optional() }).strict();

/**
 * Where an entry is: `waiting` → `offered` (a freed slot put to the
 * patient) → `booked` (the visit that came of it), or `removed` with a
 * reason. An offer the patient declines goes back to `waiting`.
 */
export const waitlistStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('waiting') }).strict(),
  z.object({ kind: z.literal('offered'), slot: offeredSlotSchema, ...stepSchema.shape }).strict(),
  z.object({ kind: z.literal('booked'), appointmentId: idSchema, ...stepSchema.shape }).strict(),
  z.object({ kind: z.literal('removed'), reason: requiredText(500), ...stepSchema.shape }).strict(),
]);
/** See {@link waitlistStateSchema}. */
export type WaitlistState = z.infer<typeof waitlistStateSchema>;

const requestFields = z
  .object({
    patientId: idSchema,
    /** Named providers, or any. */
    providers: z.union([z.array(idSchema).min(1), z.object({ kind: z.literal('provider') }).strict()]),
    durationMinutes: integerInRange(1, 1440, 'invalid-duration', 'The length must be a whole number of minutes from 1 to 24 hours (1440).'),
    reason: requiredText(500),
    priority: z.enum(waitlistPriorities).default('routine'),
    /** Local dates on the provider's clock, inclusive. */
    earliestDate: calendarDateSchema.optional(),
    latestDate: calendarDateSchema.optional(),
    /** ISO weekdays (1 = Monday … 7 = Sunday) the patient can come. */
    weekdays: z.array(integerInRange(1, 7, 'invalid-weekday', 'A weekday is a number from 1 (Monday) to 7 (Sunday).')).min(1).optional(),
    /** Times of day the patient can come; the whole visit inside one. */
    times: z.array(timeOfDayWindowSchema).min(1).optional(),
    note: optionalText(2000),
  })
  .strict();

/** The fields a receptionist fills in (add and update take these). */
export const waitlistRequestSchema = requestFields.superRefine((request, context) => {
    if (request.earliestDate !== undefined && request.latestDate !== undefined && request.latestDate < request.earliestDate)
    addCodedIssue(context, 'end-not-after-start', 'The latest date is before the earliest.', ['latestDate']);
});
/** See {@link waitlistRequestSchema}. */
export type WaitlistRequest = z.infer<typeof waitlistRequestSchema>;

/**
 * A patient waiting for an earlier visit (the ASAP list): what they want,
 * who added them and when, and where the entry is ({@link WaitlistState}).
 * A synced record with a version, like a booking.
 */
export const waitlistEntrySchema = z
  .object({
    id: idSchema,
    ...requestFields.shape,
    state: waitlistStateSchema,
    addedBy: idSchema,
    version: z.number().int().min(0),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .strict()
  .superRefine((entry, context) => {
    if (entry.earliestDate !== undefined && entry.latestDate !== undefined && entry.latestDate < entry.earliestDate)
      addCodedIssue(context, 'end-not-after-start', 'The latest date is before the earliest.', ['latestDate']);
  });
/** See {@link waitlistEntrySchema}. */
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

/**
 * Checks what a receptionist typed for a waitlist entry; a bad field throws
 * a `ValidationError` naming it (`patientId` missing: `required`; an
 * earliest date after the latest: `end-not-after-start` on `latestDate`).
 *
 * @example parseWaitlistRequest({ patientId: 'p1', providers: { kind: 'provider' }, durationMinutes: 30, reason: 'Sooner if possible' }).priority // 'routine'
 */
export function parseWaitlistRequest(input: unknown): WaitlistRequest {
  return parseWith(waitlistRequestSchema, input);
}

/**
 * Checks a whole stored or synced entry (desk and server alike).
 *
 * @example parseWaitlistEntry(row).state.kind // 'waiting'
 */
export function parseWaitlistEntry(input: unknown): WaitlistEntry {
  return parseWith(waitlistEntrySchema, input);
}
