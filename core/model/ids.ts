import { z } from 'zod';
import { addCodedIssue } from './zod-to-validation';

const idPattern = /^[A-Za-z0-9_:-]{1,64}$/;

/**
 * An entity id: 1–64 characters of `A–Z a–z 0–9 _ : -`, safe in URLs, file
 * names, IndexedDB keys and iCalendar UIDs. The engine never invents ids
 * from the system's random source; callers pass randomness in (see {@link newId}).
 *
 * @example idSchema.parse('apt_01') // 'apt_01'
 */
export const idSchema = z.string().superRefine((text, context) => {
  if (text === '') addCodedIssue(context, 'required', 'An ID is required.');
  else if (!idPattern.test(text)) addCodedIssue(context, 'invalid-format', 'An ID may only use letters, digits, "_", ":" and "-" (at most 64).');
});

/** An entity id; see {@link idSchema}. */
export type Id = z.infer<typeof idSchema>;

/**
 * True when `text` is a well-formed id.
 *
 * @example isId('room-1') // true
 * @example isId('room 1') // false
 */
export function isId(text: unknown): text is Id {
  return typeof text === 'string' && idPattern.test(text);
}

const hexDigits = '0123456789abcdef';

/**
 * A new 32-character hex id from 16 random bytes. The caller supplies the
 * bytes (e.g. `crypto.getRandomValues`) so the engine stays deterministic in
 * tests and never touches the platform's crypto itself.
 *
 * @example newId((count) => new Uint8Array(count).fill(171)) // 'abababababababababababababababab'
 */
export function newId(randomBytes: (count: number) => Uint8Array): Id {
  const bytes = randomBytes(16);
  if (bytes.length < 16) throw new Error(`newId needs 16 random bytes, got ${bytes.length}`);
  let id = '';
  for (const byte of bytes.subarray(0, 16)) id += (hexDigits[byte >> 4] ?? '') + (hexDigits[byte & 15] ?? '');
  return id;
}
