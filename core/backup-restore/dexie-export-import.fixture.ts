import type * as DexieExportImport from 'dexie-export-import';

/**
 * dexie-export-import under Node (the backup test and bench use it as the
 * plain baseline and to read a backup's text back): it reads `self` when it
 * loads (a browser global; Node has globalThis) and Blob slices through
 * FileReader, which Node lacks — the smallest stand-in over Blob.arrayBuffer().
 *
 * @example const { exportDB } = await loadDexieExportImport();
 */
export async function loadDexieExportImport(): Promise<typeof DexieExportImport> {
  (globalThis as { self?: unknown }).self ??= globalThis;
  (globalThis as { FileReader?: unknown }).FileReader ??= class {
    onload: ((event: { target: { result: ArrayBuffer } }) => void) | null = null;
    onerror: ((event: { target: { error: unknown } }) => void) | null = null;
    onabort: (() => void) | null = null;
    readAsArrayBuffer(blob: Blob) {
      blob.arrayBuffer().then((result) => this.onload?.({ target: { result } }), (error: unknown) => this.onerror?.({ target: { error } }));
    }
  };
  return import('dexie-export-import');
}
