import { z } from 'zod';
import { deskLanguageSchema } from './desk-language';
import { idSchema } from './ids';
import { requiredText } from './text-fields';
import { addCodedIssue, parseWith } from './zod-to-validation';

/**
 * What a staff member may do; permissions per role are decided by the command layer.
 *
 * @example staffRoles // ['front_desk', 'manager', 'admin']
 */
export const staffRoles = ['front_desk', 'manager', 'admin'] as const;

/** One of {@link staffRoles}. */
export type StaffRole = (typeof staffRoles)[number];

/**
 * Someone who signs in at the front desk. `username` is trimmed and
 * lower-cased before it is checked (3–40 of `a–z 0–9 . _ -`), so "J.Smith"
 * and "j.smith" are the same login. Passphrase hashes live in the db layer,
 * never in this type.
 *
 * @example parseStaffMember({ id: 's1', displayName: 'Jo Smith', username: 'J.Smith', role: 'front_desk' }).username // 'j.smith'
 */
export const staffMemberSchema = z.object({
  id: idSchema,
  displayName: requiredText(120),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .superRefine((text, context) => {
      if (text.length < 3 || text.length > 40) addCodedIssue(context, text.length > 40 ? 'too-long' : 'invalid-format', 'Username must be 3 to 40 characters.');
      else if (!/^[a-z0-9._-]+$/.test(text)) addCodedIssue(context, 'invalid-format', 'Username may only use letters, digits, ".", "_" and "-".');
    }),
  role: z.enum(staffRoles),
  active: z.boolean().default(true),
  /** The words the desk shows them in; absent: the clinic's language. */
  language: deskLanguageSchema.optional(),
});

/** A validated staff member; see {@link staffMemberSchema}. */
export type StaffMember = z.infer<typeof staffMemberSchema>;

/**
 * Validates a staff member or throws a `ValidationError` naming the field.
 *
 * @example parseStaffMember({ …, username: 'jo smith' }) // throws invalid-format / username
 */
export function parseStaffMember(input: unknown): StaffMember {
  return parseWith(staffMemberSchema, input);
}
