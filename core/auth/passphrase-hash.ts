import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const passphraseIterations = 600_000;

/** Shortest passphrase accepted; length matters more than character classes (NIST SP 800-63B). */
export const minimumPassphraseLength = 10;

/**
 * PBKDF2-HMAC-SHA256 → 32 bytes, lower-case hex. The passphrase is NFC
 * normalised first, so "é" typed two ways is the same passphrase.
 */
export type DeriveKey = (passphrase: string, saltHex: string, iterations: number) => Promise<string>;

/** The slice of WebCrypto we use, typed by hand: core/ is checked without DOM types. */
interface SubtleLike {
  importKey(format: 'raw', key: Uint8Array, algorithm: 'PBKDF2', extractable: false, usages: ['deriveBits']): Promise<unknown>;
  deriveBits(algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number }, key: unknown, length: 256): Promise<ArrayBuffer>;
}

/**
 * PBKDF2 through WebCrypto when the platform has it (browsers, Electron's
 * renderer: native speed, off the main thread), otherwise @noble/hashes'
 * `pbkdf2Async` (pure JS, much slower, but yields to the event loop). Both
 * give the same bytes. Never call it inside a Dexie transaction: awaiting
 * WebCrypto there commits the transaction early.
 *
 * @example await deriveKey('correct horse battery', '00'.repeat(16), 1000) // 64 hex characters
 */
export const deriveKey: DeriveKey = async (passphrase, saltHex, iterations) => {
  const password = utf8ToBytes(passphrase.normalize('NFC'));
  const salt = hexToBytes(saltHex);
  const subtle = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  if (subtle) {
    const key = await subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
    return bytesToHex(new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)));
  }
  return bytesToHex(await pbkdf2Async(sha256, password, salt, { c: iterations, dkLen: 32 }));
};

/**
 * Compares two hex digests without stopping at the first difference, so
 * response time says nothing about how much of a guess was right.
 *
 * @example sameDigest('ab12', 'ab12') // true
 */
export function sameDigest(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index += 1) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}
