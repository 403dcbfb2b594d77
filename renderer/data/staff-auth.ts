import type { StaffCredential, TimedeskDb } from '../../core/db';
import type { StaffMember } from '../../core/model';

/**
 * Passphrase storage and sign-in for staff, until core/auth provides it (the
 * command layer expects passphrases to be hashed outside any transaction,
 * which is why this is not a command). The shape is the one core/db already
 * declares: PBKDF2-SHA256 with a random salt in `staffCredentials`, kept
 * apart from the `staff` rows so lists and exports never carry a hash.
 *
 * WebCrypto does the hashing: it is in every browser and in Electron's
 * renderer, runs off the main thread, and needs no dependency.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const passphraseIterations = 600_000;

/** Shortest passphrase accepted; length matters more than character classes (NIST SP 800-63B). */
export const minimumPassphraseLength = 10;

/** Failed attempts allowed before each further attempt has to wait. */
const freeAttempts = 5;
const firstBackoffMs = 30_000;
const longestBackoffMs = 15 * 60_000;

/** How a sign-in attempt ended. Unknown usernames and wrong passphrases are deliberately the same answer. */
export type SignInOutcome =
  | { ok: true; staff: StaffMember }
  | { ok: false; reason: 'wrong-credentials' }
  | { ok: false; reason: 'inactive' }
  | { ok: false; reason: 'throttled'; retryAt: number };

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

async function derive(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return toHex(new Uint8Array(bits));
}

/** Compares two equal-length hex strings without stopping at the first difference. */
function sameHex(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index += 1) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}

/**
 * Hashes a passphrase into a credential row for `staffId` (fresh salt, no
 * failed attempts). Nothing is stored; see {@link storeCredential}.
 *
 * @example const credential = await hashPassphrase('s1', 'correct horse battery');
 */
export async function hashPassphrase(staffId: string, passphrase: string, iterations = passphraseIterations): Promise<StaffCredential> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { staffId, algorithm: 'PBKDF2-SHA256', iterations, salt: toHex(salt), hash: await derive(passphrase, salt, iterations), failedAttempts: 0, lockedUntil: 0 };
}

/**
 * Stores (or replaces) a staff member's credential.
 *
 * @example await storeCredential(db, await hashPassphrase(admin.id, passphrase));
 */
export async function storeCredential(db: TimedeskDb, credential: StaffCredential): Promise<void> {
  await db.staffCredentials.put(credential);
}

/**
 * Checks a username and passphrase. After five failures in a row each
 * further attempt waits (30 s, doubling up to 15 min), counted per account
 * and kept in the database so a reload does not reset it. An unknown
 * username costs the same hashing time as a known one.
 *
 * @example const outcome = await signIn(db, 'jo', 'correct horse battery', Date.now());
 */
export async function signIn(db: TimedeskDb, username: string, passphrase: string, now: number): Promise<SignInOutcome> {
  const staff = await db.staff.where('username').equals(username.trim().toLowerCase()).first();
  const credential = staff ? await db.staffCredentials.get(staff.id) : undefined;
  if (!staff || !credential) {
    await derive(passphrase, new Uint8Array(16), passphraseIterations);
    return { ok: false, reason: 'wrong-credentials' };
  }
  if (credential.lockedUntil > now) return { ok: false, reason: 'throttled', retryAt: credential.lockedUntil };
  const hash = await derive(passphrase, fromHex(credential.salt), credential.iterations);
  if (!sameHex(hash, credential.hash)) {
    const failedAttempts = credential.failedAttempts + 1;
    const over = failedAttempts - freeAttempts;
    const lockedUntil = over >= 0 ? now + Math.min(firstBackoffMs * 2 ** over, longestBackoffMs) : 0;
    await db.staffCredentials.put({ ...credential, failedAttempts, lockedUntil });
    return { ok: false, reason: 'wrong-credentials' };
  }
  if (!staff.active) return { ok: false, reason: 'inactive' };
  if (credential.failedAttempts !== 0 || credential.lockedUntil !== 0) await db.staffCredentials.put({ ...credential, failedAttempts: 0, lockedUntil: 0 });
  return { ok: true, staff };
}
