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

/**
 * Offers bytes as a browser download (the web build's backup target).
 *
 * @example downloadBytes('timedesk-…-manual.tdbackup', bytes);
 */
export function downloadBytes(fileName: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoke a little later: the click starts the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
