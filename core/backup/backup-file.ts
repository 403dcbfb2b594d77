import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { BackupError } from './backup-error';
import { backupFormatVersion, backupHeaderSchema, type BackupHeader } from './backup-header';
import { ByteQueue } from './byte-queue';
import { chunkAad, ivBytes, openChunk, sealChunk } from './chunk-cipher';
import { platformDeflate, type ChunkCodec } from './deflate';
import { decodeUtf8 } from './utf8';

/**
 * The byte layout of a `.tdbackup` file (format 1):
 *
 * ```
 * "TIMEDESK-BACKUP/1\n"              the mark and the format version, ASCII
 * u32 big-endian                     length of the header
 * header                             JSON, UTF-8 (backup-header.ts), readable without the passphrase
 * frames…                            u32 big-endian length, then IV (12) ‖ AES-256-GCM ciphertext ‖ tag (16)
 * ```
 *
 * Each frame is one chunk: a raw-DEFLATE-compressed JSON segment (payload.ts),
 * authenticated with the header's SHA-256, its index and a last-chunk flag
 * (chunk-cipher.ts). Nothing may follow the last chunk.
 */
export const backupMark = 'TIMEDESK-BACKUP/';

/** The longest header accepted (a hostile length must not make us buffer gigabytes). */
export const maxHeaderBytes = 1 << 20;
/** The longest frame accepted; the writer's chunks are ~1–2 MiB compressed to far less. */
export const maxFrameBytes = 64 << 20;
/** The most a chunk may inflate to. */
export const maxChunkPlainBytes = 256 << 20;


function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function readU32(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
}

/** What writing needs besides the header. */
export interface BackupWriterOptions {
  header: BackupHeader;
  /** The file's AES-256 key (backup-key.ts `fileKeyForWriting`). */
  key: Uint8Array;
  /** Receives the file's bytes in order; a rejection stops the backup. */
  write: (bytes: Uint8Array) => Promise<void>;
  randomBytes: (count: number) => Uint8Array;
  codec?: ChunkCodec;
}

/**
 * Writes a backup file chunk by chunk: memory holds one segment at a time,
 * whatever the database's size. The last segment is held back until
 * `finish()`, because only then is it known to be last.
 *
 * @example
 * const writer = await BackupWriter.start({ header, key, write, randomBytes });
 * await writer.add('{"formatName":"dexie",…}');
 * await writer.finish();
 */
export class BackupWriter {
  private pending: Uint8Array | null = null;
  private index = 0;
  private finished = false;
  /** Bytes written so far, header included. */
  bytesWritten = 0;

  private constructor(
    private readonly options: BackupWriterOptions,
    private readonly headerDigest: Uint8Array,
  ) {}

  /** Writes the mark and the header, and returns the writer for the chunks. */
  static async start(options: BackupWriterOptions): Promise<BackupWriter> {
    const headerBytes = utf8ToBytes(JSON.stringify(backupHeaderSchema.parse(options.header)));
    const writer = new BackupWriter(options, sha256(headerBytes));
    await writer.emit(concatBytes(utf8ToBytes(`${backupMark}${backupFormatVersion}\n`), u32(headerBytes.length), headerBytes));
    return writer;
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    await this.options.write(bytes);
    this.bytesWritten += bytes.length;
  }

  private async seal(plain: Uint8Array, last: boolean): Promise<void> {
    const codec = this.options.codec ?? platformDeflate;
    const sealed = await sealChunk(this.options.key, this.options.randomBytes(ivBytes), chunkAad(this.headerDigest, this.index, last), await codec.compress(plain));
    this.index += 1;
    await this.emit(concatBytes(u32(sealed.length), sealed));
  }

  /** Adds one JSON segment (payload.ts) as the next chunk. */
  async add(segment: string): Promise<void> {
    if (this.finished) throw new Error('BackupWriter.add after finish');
    const plain = utf8ToBytes(segment);
    if (plain.length > maxChunkPlainBytes) throw new Error(`A backup segment of ${plain.length} bytes is over the chunk limit.`);
    if (this.pending) await this.seal(this.pending, false);
    this.pending = plain;
  }

  /** Seals the held-back segment as the last chunk. A file needs at least one. */
  async finish(): Promise<{ chunks: number; bytes: number }> {
    if (!this.pending) throw new Error('A backup needs at least one segment.');
    await this.seal(this.pending, true);
    this.pending = null;
    this.finished = true;
    return { chunks: this.index, bytes: this.bytesWritten };
  }
}

/**
 * Reads the mark and the plain header, the only part readable without the
 * passphrase; `queue` is left at the first frame.
 */
async function readPreamble(queue: ByteQueue): Promise<{ header: BackupHeader; headerDigest: Uint8Array }> {
  const mark = await queue.read(backupMark.length);
  if (!mark || mark.length < backupMark.length || String.fromCharCode(...mark) !== backupMark) {
    throw new BackupError('not-a-backup', 'The file does not start with the Timedesk backup mark.');
  }
  let versionText = '';
  for (;;) {
    const byte = await queue.read(1);
    if (!byte || byte.length === 0) throw new BackupError('file-truncated', 'The file ends inside its first line.');
    if (byte[0] === 0x0a) break;
    versionText += String.fromCharCode(byte[0]!);
    if (versionText.length > 6) throw new BackupError('not-a-backup', 'The file\'s first line is not a Timedesk backup mark.');
  }
  if (!/^[1-9][0-9]*$/.test(versionText)) throw new BackupError('not-a-backup', 'The file\'s format version is not a number.');
  const version = Number(versionText);
  if (version > backupFormatVersion) {
    throw new BackupError('newer-format', `The file is format ${version}; this Timedesk reads format ${backupFormatVersion}. Update Timedesk to restore it.`);
  }
  const lengthBytes = await queue.read(4);
  if (!lengthBytes || lengthBytes.length < 4) throw new BackupError('file-truncated', 'The file ends before its header.');
  const length = readU32(lengthBytes);
  if (length === 0 || length > maxHeaderBytes) throw new BackupError('header-damaged', `The header claims ${length} bytes.`);
  const headerBytes = await queue.read(length);
  if (!headerBytes || headerBytes.length < length) throw new BackupError('file-truncated', 'The file ends inside its header.');
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(headerBytes));
  } catch {
    throw new BackupError('header-damaged', 'The header is not JSON text.');
  }
  const parsed = backupHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError('header-damaged', `The header's ${issue?.path.join('.') || 'shape'} is not valid: ${issue?.message ?? 'unknown problem'}.`);
  }
  if (parsed.data.format !== version) throw new BackupError('header-damaged', `The header says format ${parsed.data.format}, the mark ${version}.`);
  return { header: parsed.data, headerDigest: sha256(headerBytes) };
}

/**
 * Reads only the plain header (what the restore screen shows before asking
 * for the passphrase). Refuses what is not a Timedesk backup, a newer format
 * and a damaged header, each with its own code.
 *
 * @example (await readBackupHeader(fileSlices)).clinic.name // 'North Street'
 */
export async function readBackupHeader(source: AsyncIterable<Uint8Array>): Promise<BackupHeader> {
  return (await readPreamble(new ByteQueue(source))).header;
}

/**
 * Decrypts a backup's chunks in order and yields each JSON segment's text.
 * Every failure is a {@link BackupError}: `file-altered` (a tag fails: bytes,
 * order or header changed, or the key is not this file's), `file-truncated`
 * (the file ends early, or its final chunk was not written as the last),
 * `trailing-data`. Nothing is yielded from a chunk that did not verify, but a
 * consumer sees the chunks before a bad one: restore verifies a whole file
 * before it writes anything.
 *
 * @example for await (const segment of decryptBackupSegments(slices, header => fileKeyForReading(pass, header.encryption))) …
 */
export async function* decryptBackupSegments(
  source: AsyncIterable<Uint8Array>,
  keyFor: (header: BackupHeader) => Promise<Uint8Array>,
  codec: ChunkCodec = platformDeflate,
): AsyncGenerator<string, void, undefined> {
  const queue = new ByteQueue(source);
  const { header, headerDigest } = await readPreamble(queue);
  const key = await keyFor(header);
  for (let index = 0; ; index += 1) {
    const lengthBytes = await queue.read(4);
    if (!lengthBytes) throw new BackupError('file-truncated', `The file ends after chunk ${index} without its last chunk.`, { chunk: index });
    if (lengthBytes.length < 4) throw new BackupError('file-truncated', `The file ends inside chunk ${index}.`, { chunk: index });
    const length = readU32(lengthBytes);
    if (length < ivBytes + 16 || length > maxFrameBytes) throw new BackupError('file-altered', `Chunk ${index} claims ${length} bytes.`, { chunk: index });
    const sealed = await queue.read(length);
    if (!sealed || sealed.length < length) throw new BackupError('file-truncated', `The file ends inside chunk ${index}.`, { chunk: index });
    const atEnd = await queue.atEnd();
    let packed = await openChunk(key, chunkAad(headerDigest, index, atEnd), sealed);
    if (!packed && atEnd && (await openChunk(key, chunkAad(headerDigest, index, false), sealed))) {
      throw new BackupError('file-truncated', `The file ends after chunk ${index}, which was not written as the last.`, { chunk: index });
    }
    if (!packed && !atEnd && (await openChunk(key, chunkAad(headerDigest, index, true), sealed))) {
      throw new BackupError('trailing-data', `Bytes follow the last chunk (${index}).`, { chunk: index });
    }
    if (!packed) throw new BackupError('file-altered', `Chunk ${index} fails its integrity check.`, { chunk: index });
    let plain: Uint8Array;
    try {
      plain = await codec.decompress(packed, maxChunkPlainBytes);
    } catch {
      throw new BackupError('contents-invalid', `Chunk ${index} does not inflate.`, { chunk: index });
    } finally {
      packed = null;
    }
    let text: string;
    try {
      text = decodeUtf8(plain);
    } catch {
      throw new BackupError('contents-invalid', `Chunk ${index} is not UTF-8 text.`, { chunk: index });
    }
    yield text;
    if (atEnd) return;
  }
}
