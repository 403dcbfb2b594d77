import { createHash, randomBytes } from 'node:crypto';

/**
 * SHA-256 of a secret (token or normalised enrollment code), lower-case hex.
 * Tokens are 256 random bits, so a fast hash is enough: there is nothing to
 * brute-force (unlike a passphrase, which would need a slow KDF).
 *
 * @example hashSecret('abc') // 'ba7816bf…'
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * A new device token: 32 random bytes, base64url (43 characters).
 *
 * @example newDeviceToken().length // 43
 */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

// Crockford base32 without I, L, O, U: nothing to misread when typed from paper.
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new one-time enrollment code: 15 characters of Crockford base32
 * (75 bits) in groups of five, e.g. `7K3QD-M2XWP-0RTVA`.
 *
 * @example newEnrollmentCode() // '7K3QD-M2XWP-0RTVA'
 */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(15);
  const characters = [...bytes].map((byte) => codeAlphabet[byte % 32]).join('');
  return `${characters.slice(0, 5)}-${characters.slice(5, 10)}-${characters.slice(10)}`;
}

/**
 * The form of a code that is hashed: upper case, dashes and spaces removed,
 * and the letters people confuse mapped as Crockford does (O→0, I/L→1).
 *
 * @example normaliseEnrollmentCode('7k3qd-m2xwp-0rtva') // '7K3QDM2XWP0RTVA'
 */
export function normaliseEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
