import { randomBytes } from '@noble/hashes/utils.js';
import { createBackupRecipient, fileKeyForReading, fileKeyForWriting, type BackupRecipient, type KdfSettings } from './backup-key';
import { BackupWriter, decryptBackupSegments } from './backup-file';
import type { BackupHeader } from './backup-header';

/** The cheapest KDF the reader accepts: tests derive keys in milliseconds, files still name real settings. */
export const testKdf: KdfSettings = { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 };

/** A recipient made from `passphrase` with {@link testKdf}. */
export function testRecipient(passphrase = 'correct horse battery staple'): Promise<BackupRecipient> {
  return createBackupRecipient(passphrase, randomBytes, testKdf);
}

/** A header for `recipient`; fields overridable. */
export function testHeader(recipient: BackupRecipient, ephemeralPublicKey: string, overrides: Partial<BackupHeader> = {}): BackupHeader {
  return {
    app: 'timedesk',
    format: 1,
    kind: 'manual',
    createdAt: '2026-12-05T08:02:00.000Z',
    appVersion: '0.1.0',
    clinic: { id: 'clinic-1', serverClinicId: null, name: 'North Street', timeZone: 'Europe/London' },
    deviceId: 'desk-1',
    database: { name: 'timedesk', version: 3 },
    counts: {},
    auditHeads: [],
    encryption: { ...recipient, cipher: 'AES-256-GCM', compression: 'deflate-raw', ephemeralPublicKey },
    ...overrides,
  };
}

/** Writes `segments` as a backup file in memory; returns its bytes and header. */
export async function writeTestFile(
  segments: readonly string[],
  recipient: BackupRecipient,
  overrides: Partial<BackupHeader> = {},
): Promise<{ bytes: Uint8Array; header: BackupHeader }> {
  const { key, ephemeralPublicKey } = fileKeyForWriting(recipient, randomBytes);
  const header = testHeader(recipient, ephemeralPublicKey, overrides);
  const parts: Uint8Array[] = [];
  const writer = await BackupWriter.start({ header, key, randomBytes, write: async (bytes) => void parts.push(bytes) });
  for (const segment of segments) await writer.add(segment);
  await writer.finish();
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, header };
}

/** The bytes as a stream of `pieceSize` slices (readers must not care where pieces end). */
export async function* slices(bytes: Uint8Array, pieceSize = 7): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += pieceSize) yield bytes.slice(offset, offset + pieceSize);
}

/** Every segment of a file, decrypted with `passphrase`. */
export async function readAll(bytes: Uint8Array, passphrase = 'correct horse battery staple'): Promise<string[]> {
  const out: string[] = [];
  for await (const text of decryptBackupSegments(slices(bytes, 4096), (header) => fileKeyForReading(passphrase, header.encryption))) out.push(text);
  return out;
}
