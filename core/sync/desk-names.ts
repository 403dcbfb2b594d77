import { z } from 'zod';
import type { TimedeskDb } from '../db';

/**
 * The names the clinic's desks enrolled under ("Front desk 2"), by device
 * id, as the server's last pull page listed them. Kept in `syncState` under
 * the key `desks` (beside the `sync` row), written in the same transaction as
 * the page that brought them, and never pushed: the server is their source.
 *
 * @example deskNamesRowSchema.parse({ key: 'desks', names: { 'desk-1': 'Front desk 1' } })
 */
export const deskNamesRowSchema = z.object({
  key: z.literal('desks'),
  names: z.record(z.string(), z.string()),
});

/** The stored desk names; see {@link deskNamesRowSchema}. */
export type DeskNamesRow = z.infer<typeof deskNamesRowSchema>;

// The row shares `syncState` with core/sync's own row; Dexie's typed table only knows that one.
const syncStateTable = (db: TimedeskDb) => db.table<unknown, string>('syncState');

/**
 * The desk names this desk has pulled (empty before the first pull that
 * listed them, or when the row does not parse). Works inside any
 * transaction that includes `syncState`.
 *
 * @example (await readDeskNames(db))['desk-2'] // 'Front desk 2'
 */
export async function readDeskNames(db: TimedeskDb): Promise<Readonly<Record<string, string>>> {
  const parsed = deskNamesRowSchema.safeParse(await syncStateTable(db).get('desks'));
  return parsed.success ? parsed.data.names : {};
}

/**
 * Stores the desks a pull page listed. Merged into what is stored, so a desk
 * revoked and no longer listed is still named in the conflicts it was part of.
 *
 * @example await storeDeskNames(db, [{ id: 'desk-2', name: 'Front desk 2' }]);
 */
export async function storeDeskNames(db: TimedeskDb, devices: readonly { id: string; name: string }[]): Promise<void> {
  const names = { ...(await readDeskNames(db)) };
  let changed = false;
  for (const device of devices) {
    if (names[device.id] === device.name) continue;
    names[device.id] = device.name;
    changed = true;
  }
  if (changed) await syncStateTable(db).put({ key: 'desks', names } satisfies DeskNamesRow);
}

/**
 * A desk's name for people: its enrolled name, else its id.
 *
 * @example deskName({ 'desk-2': 'Front desk 2' }, 'desk-2') // 'Front desk 2'
 */
export function deskName(names: Readonly<Record<string, string>>, deviceId: string): string {
  const name = names[deviceId]?.trim();
  return name ? name : deviceId;
}
