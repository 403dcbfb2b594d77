import Dexie from 'dexie';
import type { DexieOptions } from 'dexie';

/** The storage a Dexie instance was opened on (fake-indexeddb in tests, the browser's otherwise). */
export function storageOf(db: Dexie): { indexedDB?: DexieOptions['indexedDB']; IDBKeyRange?: DexieOptions['IDBKeyRange'] } {
  // Dexie keeps its constructor options here; it has no public getter for them.
  const options = (db as unknown as { _options?: DexieOptions })._options ?? {};
  return {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  };
}

/**
 * A second connection to a database with NO middleware and no declared
 * schema (Dexie opens it at its current version, tables as stored). Only a
 * restore uses it: replacing the whole database means clearing the audit
 * table, which the app's own connection refuses (core/db append-only.ts)
 * and must keep refusing for everything else; and restored rows are not
 * this desk's new intents, so nothing may capture them as sync effects.
 *
 * @example const raw = await openRawConnection(db.name, storageOf(db)); … raw.close();
 */
export async function openRawConnection(name: string, storage: ReturnType<typeof storageOf>): Promise<Dexie> {
  const raw = new Dexie(name, storage);
  await raw.open();
  return raw;
}
