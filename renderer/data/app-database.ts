import { openTimedeskDb } from '../../core/db';
import type { TimedeskDb } from '../../core/db';
import { createCommandRunner } from '../../core/commands/handlers';
import type { CommandRunner } from '../../core/commands/handlers';
import { newId } from '../../core/model';

/** The app's version, stamped on every audit entry; Vite reads it from package.json. */
export const appVersion: string = import.meta.env.VITE_APP_VERSION ?? '0.1.0';

/** The opened local database and the command runner bound to it: everything the UI reads or writes goes through these. */
export interface AppData {
  db: TimedeskDb;
  commands: CommandRunner;
  deviceId: string;
}

/** Fresh ids from the platform's random source (core/model never reads it itself). */
export function randomId(): string {
  return newId((count) => crypto.getRandomValues(new Uint8Array(count)));
}

/**
 * Opens (creating or upgrading) the clinic's IndexedDB database and binds the
 * engine's commands to it with the real clock. This is the one place the
 * renderer touches storage setup, so swapping the store is one edit.
 *
 * @example const { db, commands } = await openAppData();
 */
export async function openAppData(name?: string): Promise<AppData> {
  const { db, device } = await openTimedeskDb({ ...(name ? { name } : {}), appVersion, now: Date.now() });
  const commands = createCommandRunner({ db, clock: () => Date.now(), newId: randomId });
  return { db, commands, deviceId: device.deviceId };
}
