import { gcm } from '@noble/ciphers/webcrypto.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** AES-GCM's 96-bit IV; a fresh random one per chunk (the file key is also new per file). */
export const ivBytes = 12;

const aadLabel = utf8ToBytes('timedesk-backup/1 chunk');

/**
 * The additional data every chunk is authenticated with: a label, the
 * SHA-256 of the file's header, the chunk's index and whether it is the last
 * one. So a chunk cannot be moved, dropped or swapped between files, the
 * header cannot be edited, and a file cut after any chunk fails (its new
 * final chunk was written with last = 0).
 *
 * @example chunkAad(headerDigest, 0, false).length // 23 + 32 + 4 + 1
 */
export function chunkAad(headerDigest: Uint8Array, index: number, last: boolean): Uint8Array {
  const position = new Uint8Array(5);
  new DataView(position.buffer).setUint32(0, index);
  position[4] = last ? 1 : 0;
  return concatBytes(aadLabel, headerDigest, position);
}

/**
 * Encrypts one chunk (WebCrypto AES-256-GCM through @noble/ciphers, which
 * types it without DOM types); returns IV ‖ ciphertext ‖ tag.
 *
 * @example const sealed = await sealChunk(key, iv, aad, plain);
 */
export async function sealChunk(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, plain: Uint8Array): Promise<Uint8Array> {
  return concatBytes(iv, await gcm(key, iv, aad).encrypt(plain));
}

/**
 * Decrypts IV ‖ ciphertext ‖ tag; null when the tag does not verify (wrong
 * key, altered bytes, wrong position), never a partial result.
 *
 * @example await openChunk(key, aad, sealed) // Uint8Array | null
 */
export async function openChunk(key: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Promise<Uint8Array | null> {
  if (sealed.length < ivBytes + 16) return null;
  try {
    return await gcm(key, sealed.subarray(0, ivBytes), aad).decrypt(sealed.subarray(ivBytes));
  } catch {
    return null;
  }
}
