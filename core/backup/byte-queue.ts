/**
 * Reads exact byte counts from a stream of arbitrarily sized pieces (a
 * file read in slices, a Blob's stream, IPC reads), so the frame parser never
 * cares where one piece ends.
 *
 * @example
 * const queue = new ByteQueue(pieces);
 * const length = await queue.read(4); // null at the end of the stream
 */
export class ByteQueue {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private buffered: Uint8Array[] = [];
  private bufferedLength = 0;
  private ended = false;
  /** Bytes handed out so far (for messages naming an offset). */
  consumed = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(count: number): Promise<void> {
    while (this.bufferedLength < count && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      if (next.value.length === 0) continue;
      this.buffered.push(next.value);
      this.bufferedLength += next.value.length;
    }
  }

  /**
   * Exactly `count` bytes; null when the stream ended before any of them,
   * and a shorter array when it ended part-way (the caller names the truncation).
   */
  async read(count: number): Promise<Uint8Array | null> {
    await this.fill(count);
    if (this.bufferedLength === 0) return null;
    const take = Math.min(count, this.bufferedLength);
    const out = new Uint8Array(take);
    let offset = 0;
    while (offset < take) {
      const head = this.buffered[0]!;
      const part = Math.min(head.length, take - offset);
      out.set(head.subarray(0, part), offset);
      offset += part;
      if (part === head.length) this.buffered.shift();
      else this.buffered[0] = head.subarray(part);
    }
    this.bufferedLength -= take;
    this.consumed += take;
    return out;
  }

  /** Whether any byte is left. */
  async atEnd(): Promise<boolean> {
    await this.fill(1);
    return this.bufferedLength === 0;
  }
}
