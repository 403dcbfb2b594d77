import { utf8ToBytes } from '@noble/hashes/utils.js';

interface FatalDecoder {
  decode(bytes: Uint8Array): string;
}

// Typed by hand: core/ is checked without DOM types; TextDecoder is in every browser and Node.
const Decoder = (globalThis as unknown as { TextDecoder: new (label: string, options: { fatal: boolean }) => FatalDecoder }).TextDecoder;
const fatalDecoder = new Decoder('utf-8', { fatal: true });

/**
 * UTF-8 text from bytes; throws on malformed input instead of inserting U+FFFD
 * (a damaged chunk must never turn into different but valid text).
 *
 * @example decodeUtf8(encodeUtf8('é')) // 'é'
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return fatalDecoder.decode(bytes);
}

/**
 * UTF-8 bytes of text.
 *
 * @example encodeUtf8('é').length // 2
 */
export const encodeUtf8: (text: string) => Uint8Array = utf8ToBytes;
