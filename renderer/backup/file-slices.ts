/**
 * A Blob (a picked file, a download) as a stream of slices: the backup reader
 * never needs the whole file in memory.
 *
 * @example for await (const piece of blobSlices(file)) …
 */
export async function* blobSlices(blob: Blob, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < blob.size; offset += size) {
    yield new Uint8Array(await blob.slice(offset, Math.min(offset + size, blob.size)).arrayBuffer());
  }
}
