/**
 * Compresses each chunk before it is encrypted (an audit log of hex hashes
 * and repeated field names shrinks several-fold). The platform's native
 * `CompressionStream('deflate-raw')`, present in every browser we target and
 * in Node ≥ 18, is typed here by hand because core/ is checked without DOM
 * types; tests may pass another codec.
 */
export interface ChunkCodec {
  compress(bytes: Uint8Array): Promise<Uint8Array>;
  /** Refuses output over `maxBytes` (a decompression bomb). */
  decompress(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array>;
}

interface StreamPair {
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } };
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> } };
}

type StreamConstructor = new (format: 'deflate-raw') => StreamPair;

function platformStream(name: 'CompressionStream' | 'DecompressionStream'): StreamConstructor {
  const constructor = (globalThis as unknown as Record<string, StreamConstructor | undefined>)[name];
  if (!constructor) throw new Error(`No ${name} on this platform: pass a ChunkCodec.`);
  return constructor;
}

async function pipeThrough(stream: StreamPair, bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Written and closed without awaiting first: the readable side must be drained at the same time.
  const written = writer.write(bytes).then(() => writer.close());
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      throw new RangeError(`Inflated chunk exceeds ${maxBytes} bytes.`);
    }
    parts.push(value);
  }
  await written;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * The platform codec (raw DEFLATE, RFC 1951).
 *
 * @example const packed = await platformDeflate.compress(new TextEncoder().encode('{"rows":[]}'));
 */
export const platformDeflate: ChunkCodec = {
  compress: (bytes) => pipeThrough(new (platformStream('CompressionStream'))('deflate-raw'), bytes, Number.MAX_SAFE_INTEGER),
  decompress: (bytes, maxBytes) => pipeThrough(new (platformStream('DecompressionStream'))('deflate-raw'), bytes, maxBytes),
};
