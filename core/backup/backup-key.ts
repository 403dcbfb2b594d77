import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { ValidationError } from '../validation';
import { BackupError } from './backup-error';

/**
 * Why scrypt (N = 2^17, r = 8, p = 1; RFC 7914, OWASP's recommended setting):
 * it is memory-hard (128 MiB per guess), so a stolen backup file costs an
 * attacker memory as well as time per passphrase guess, which GPUs and ASICs
 * make cheap for PBKDF2; @noble/hashes' scrypt takes ~0.75 s on this shared
 * machine, once per backup key and once per restore. Argon2id would be as
 * good in native code, but in plain JavaScript it is several times slower
 * at the same memory, so it would have to be weakened to stay usable.
 */
export const defaultKdf = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * A lower-case hex string of exactly `count` bytes.
 *
 * @example hexBytes(2).parse('0a1b') // '0a1b'
 */
export function hexBytes(count: number) {
  return z.string().regex(new RegExp(`^[0-9a-f]{${count * 2}}$`), `${count} bytes in lower-case hex`);
}

const powerOfTwo = (value: number) => Number.isInteger(Math.log2(value));

/**
 * The KDF settings a file may name. Bounded both ways: below 2^14 is too weak
 * to accept from a file, above 2^20 (1 GiB) a hostile header could exhaust
 * the desk's memory.
 */
export const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 14).max(2 ** 20).refine(powerOfTwo, 'a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});

/** See {@link kdfSchema}. */
export type KdfSettings = z.infer<typeof kdfSchema>;

/**
 * What a desk keeps to encrypt automatic backups without anyone typing the
 * passphrase: the KDF settings and salt, and the X25519 public key derived
 * from the passphrase. No secret: the private key is re-derived from the
 * passphrase only at restore time, so a stolen desk key record cannot open
 * a backup (see README, "Keys").
 */
export const backupRecipientSchema = z.object({
  kdf: kdfSchema,
  /** 16 random bytes, lower-case hex. */
  salt: hexBytes(16),
  /** X25519 public key, lower-case hex (32 bytes). */
  publicKey: hexBytes(32),
});

/** See {@link backupRecipientSchema}. */
export type BackupRecipient = z.infer<typeof backupRecipientSchema>;

/** The shortest backup passphrase accepted when one is set. */
export const minBackupPassphraseLength = 12;

/**
 * Derives the X25519 secret from a passphrase (scrypt, never on the UI's
 * critical path: it yields to the event loop every 10 ms).
 */
async function secretFromPassphrase(passphrase: string, salt: Uint8Array, kdf: KdfSettings): Promise<Uint8Array> {
  return scryptAsync(passphrase.normalize('NFC'), salt, { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: 32, maxmem: 2 ** 31 });
}

/**
 * Makes a new backup recipient from a passphrase (set at first run or in
 * Settings → Backups). `kdf` is for tests only, which use a cheaper N.
 *
 * @example const recipient = await createBackupRecipient('long backup phrase', randomBytes);
 */
export async function createBackupRecipient(
  passphrase: string,
  randomBytes: (count: number) => Uint8Array,
  kdf: KdfSettings = defaultKdf,
): Promise<BackupRecipient> {
  if (passphrase.length < minBackupPassphraseLength) {
    throw new ValidationError('too-short', 'passphrase', `A backup passphrase needs at least ${minBackupPassphraseLength} characters.`);
  }
  const salt = randomBytes(16);
  const secret = await secretFromPassphrase(passphrase, salt, kdf);
  return { kdf, salt: bytesToHex(salt), publicKey: bytesToHex(x25519.getPublicKey(secret)) };
}

/**
 * A short, stable name for a recipient key (the first 8 bytes of SHA-256 of
 * its public key), shown so an admin can tell which passphrase a file needs.
 *
 * @example recipientKeyId(recipient) // 'a91f03c2d4e5f607'
 */
export function recipientKeyId(recipient: Pick<BackupRecipient, 'publicKey'>): string {
  return bytesToHex(sha256(hexToBytes(recipient.publicKey))).slice(0, 16);
}

/** A file's AES key and what its header must carry to derive it again. */
export interface FileKeyForWriting {
  key: Uint8Array;
  /** The ephemeral X25519 public key, hex. */
  ephemeralPublicKey: string;
}

const fileKeyInfo = utf8ToBytes('timedesk-backup/1 file key');

function fileKeyFrom(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeralPublic, recipientPublic), fileKeyInfo, 32);
}

/**
 * A fresh AES-256 key for one file: an ephemeral X25519 key pair agrees a
 * secret with the recipient's public key (ECIES), HKDF-SHA256 turns it into
 * the key. Each file has its own key, so a leaked file key opens one file.
 *
 * @example const { key, ephemeralPublicKey } = fileKeyForWriting(recipient, randomBytes);
 */
export function fileKeyForWriting(recipient: BackupRecipient, randomBytes: (count: number) => Uint8Array): FileKeyForWriting {
  const ephemeralSecret = randomBytes(32);
  const ephemeralPublic = x25519.getPublicKey(ephemeralSecret);
  const recipientPublic = hexToBytes(recipient.publicKey);
  const shared = x25519.getSharedSecret(ephemeralSecret, recipientPublic);
  ephemeralSecret.fill(0);
  return { key: fileKeyFrom(shared, ephemeralPublic, recipientPublic), ephemeralPublicKey: bytesToHex(ephemeralPublic) };
}

/**
 * The file's AES key from the passphrase: scrypt → X25519 secret; a secret
 * whose public key is not the header's is the wrong passphrase (told apart
 * from an altered file, which fails later, at a chunk's AES-GCM tag).
 *
 * @example const key = await fileKeyForReading('long backup phrase', header.encryption);
 */
export async function fileKeyForReading(
  passphrase: string,
  encryption: BackupRecipient & { ephemeralPublicKey: string },
): Promise<Uint8Array> {
  const secret = await secretFromPassphrase(passphrase, hexToBytes(encryption.salt), encryption.kdf);
  const recipientPublic = hexToBytes(encryption.publicKey);
  if (!equalBytes(x25519.getPublicKey(secret), recipientPublic)) {
    throw new BackupError('wrong-passphrase', 'The passphrase does not open this backup.');
  }
  const ephemeralPublic = hexToBytes(encryption.ephemeralPublicKey);
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(secret, ephemeralPublic);
  } catch {
    throw new BackupError('header-damaged', 'The header\'s ephemeral key is not a usable X25519 key.');
  } finally {
    secret.fill(0);
  }
  return fileKeyFrom(shared, ephemeralPublic, recipientPublic);
}

/**
 * Whether a passphrase is the one a stored recipient was made from (Settings
 * asks for the current passphrase before replacing it).
 *
 * @example await passphraseMatches('long backup phrase', recipient) // true
 */
export async function passphraseMatches(passphrase: string, recipient: BackupRecipient): Promise<boolean> {
  const secret = await secretFromPassphrase(passphrase, hexToBytes(recipient.salt), recipient.kdf);
  const matches = equalBytes(x25519.getPublicKey(secret), hexToBytes(recipient.publicKey));
  secret.fill(0);
  return matches;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}

/** The `meta` key of the desk's backup key row. */
export const backupKeyMetaKey = 'backup-key';

/**
 * The desk's backup key row (`meta`, never synced): the public half of the
 * backup passphrase, which automatic backups encrypt to. Restored with the
 * data, so a desk rebuilt from a backup keeps encrypting to the same passphrase.
 *
 * @example backupKeyRowSchema.parse(await db.meta.get('backup-key')).recipient.publicKey
 */
export const backupKeyRowSchema = z.object({
  key: z.literal(backupKeyMetaKey),
  recipient: backupRecipientSchema,
  /** When it was set (UTC instant) and by whom (staff id). */
  setAt: z.string(),
  setBy: z.string(),
});

/** See {@link backupKeyRowSchema}. */
export type BackupKeyRow = z.infer<typeof backupKeyRowSchema>;
