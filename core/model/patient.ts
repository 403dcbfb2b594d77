import { z } from 'zod';
import { calendarDateSchema } from './calendar-fields';
import { idSchema } from './ids';
import { blankAsAbsent, optionalText, requiredText, textLimits } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .superRefine((text, context) => {
    // Clinics type numbers in every local style; insist only on digits and the usual separators.
    if (!/^\+?[0-9 ()./-]+$/.test(text) || !/[0-9]{3}/.test(text.replace(/\D/g, ''))) {
      addCodedIssue(context, 'invalid-format', `"${text}" is not a phone number (digits, spaces, + ( ) - . only).`);
    }
  });

/**
 * A patient as the front desk knows them. `dateOfBirth` must be a real
 * calendar date; whether it lies in the future depends on "today", which the
 * schema does not know: the patient commands check it with date-of-birth.ts's
 * `checkDateOfBirth` against their `now` on the clinic's clock.
 *
 * @example
 * parsePatient({ id: 'p1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1815-12-10' })
 */
export const patientSchema = z.object({
  id: idSchema,
  mrn: optionalText(40),
  givenName: requiredText(100),
  familyName: requiredText(100),
  dateOfBirth: calendarDateSchema,
  phone: blankAsAbsent(phoneSchema),
  email: blankAsAbsent(z.string().trim().pipe(z.email({ error: 'Email is not an address like name@example.com.' }))),
  notes: optionalText(textLimits.notes),
});

/** A validated patient; see {@link patientSchema}. */
export type Patient = z.infer<typeof patientSchema>;

/**
 * Validates a patient or throws a `ValidationError` naming the field.
 *
 * @example parsePatient({ …, email: 'ada@' }) // throws invalid-format / email
 */
export function parsePatient(input: unknown): Patient {
  return parseWith(patientSchema, input);
}
