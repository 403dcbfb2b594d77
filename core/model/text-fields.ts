import { z } from 'zod';

/**
 * Text fields typed by people: trimmed, with a length limit. An optional
 * field left empty in a form ('' or only spaces) is treated as absent, so
 * the stored record never holds blank strings.
 */

/**
 * THE length limits of text people type, by field: the schemas check them and
 * the forms count characters against the same numbers, so nothing typed or
 * pasted is ever cut short without a word (a form shows "2,312 of 2,000"
 * and the engine refuses `too-long`).
 *
 * @example textLimits.notes // 2000
 */
export const textLimits = { notes: 2000, visitReason: 200, reason: 500, blockLabel: 120, blockoutType: 60, leaveReason: 200, confirmationNote: 200, optOutReason: 200 } as const;

/**
 * Required text, trimmed, 1–`max` characters.
 *
 * @example requiredText(120).parse('  Room 1 ') // 'Room 1'
 */
export function requiredText(max: number) {
  return z.string().trim().min(1).max(max);
}

/**
 * Optional text, trimmed, at most `max` characters; blank becomes `undefined`.
 *
 * @example optionalText(2000).parse('   ') // undefined
 */
export function optionalText(max: number) {
  return blankAsAbsent(z.string().trim().max(max));
}

/**
 * Wraps an optional string schema so that a blank form field counts as "not given".
 *
 * @example blankAsAbsent(z.email()).parse('') // undefined
 */
export function blankAsAbsent<S extends z.ZodType<string>>(schema: S) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());
}
