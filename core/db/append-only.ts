import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import Dexie from 'dexie';

/**
 * A DBCore middleware that makes the named tables append-only: `add` passes,
 * while `put` (which could overwrite), `delete` and `deleteRange` (`clear()`,
 * `Collection.delete()`) are refused before they reach IndexedDB. `modify()`
 * and `update()` become `put`s at this layer, so they are refused too. The
 * refusal is a thrown error, which aborts the caller's whole transaction.
 *
 * Middleware rather than `hooks('updating')`: hooks only see changes made
 * through Table methods, while every write, however it is phrased, passes
 * DBCore's `mutate`.
 *
 * @example
 * db.use(appendOnly(['audit']));
 * await db.table('audit').delete([deviceId, 1]); // rejects with ReadOnlyError
 */
export function appendOnly(tableNames: readonly string[]): Middleware<DBCore> {
  const guarded = new Set(tableNames);
  return {
    stack: 'dbcore',
    name: 'append-only',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!guarded.has(name)) return table;
          return {
            ...table,
            mutate(request: DBCoreMutateRequest) {
              if (request.type !== 'add') {
                return Promise.reject(
                  new Dexie.ReadOnlyError(`The ${name} table is append-only: "${request.type}" is refused. Audit entries are never edited or removed.`),
                );
              }
              return table.mutate(request);
            },
          };
        },
      };
    },
  };
}
