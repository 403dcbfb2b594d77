import { BackupError } from '../backup';
import type { BackupTarget, PendingBackupFile } from './backup-target';

/**
 * A backup target in memory: the web build's download (the file is offered
 * once it verified) and the tests' stand-in for a folder. `failAfterBytes`
 * makes writes fail once that many bytes went in (a full disk, a pulled USB
 * stick); committed files are kept as bytes by name.
 *
 * @example const target = new MemoryTarget('download'); … target.files.get(name)
 */
export class MemoryTarget implements BackupTarget {
  readonly files = new Map<string, Uint8Array>();
  /** Temporary files still being written, by name (a test can see that none is left). */
  readonly partial = new Map<string, Uint8Array[]>();
  failAfterBytes: number | null = null;

  constructor(readonly id: string) {}

  async create(name: string): Promise<PendingBackupFile> {
    const parts: Uint8Array[] = [];
    this.partial.set(name, parts);
    let written = 0;
    let joined: Uint8Array | null = null;
    const join = () => {
      joined ??= concat(parts);
      return joined;
    };
    return {
      write: async (bytes) => {
        if (this.failAfterBytes !== null && written + bytes.length > this.failAfterBytes) {
          throw new BackupError('write-failed', `No space left on ${this.id}.`);
        }
        written += bytes.length;
        parts.push(bytes.slice());
      },
      close: async () => undefined,
      read: () => slicesOf(join(), 64 * 1024),
      commit: async () => {
        this.files.set(name, join());
        this.partial.delete(name);
      },
      discard: async () => {
        this.partial.delete(name);
      },
    };
  }

  async list(): Promise<string[]> {
    return [...this.files.keys()];
  }

  async remove(name: string): Promise<void> {
    this.files.delete(name);
  }
}

/**
 * The bytes as a stream of slices.
 *
 * @example for await (const piece of slicesOf(bytes, 65536)) …
 */
export async function* slicesOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, Math.min(offset + size, bytes.length));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
