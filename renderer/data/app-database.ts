import type { AuthEnvironment } from '../../core/auth';
import { createCommandRunner } from '../../core/commands';
import type { CommandRunner } from '../../core/commands';
import { openTimedeskDb } from '../../core/db';
import type { TimedeskDb } from '../../core/db';
import { newId } from '../../core/model';

/** The app's version, stamped on every audit entry; Vite reads it from package.json. */
export const appVersion: string = import.meta.env.VITE_APP_VERSION ?? '0.1.0';

/** The opened local database and the command runner bound to it: everything the UI reads or writes goes through these. */
export interface AppData {
  db: TimedeskDb;
  commands: CommandRunner;
  /** The same database, clock and ids for core/auth (sign-in, passphrases, lock). */
  auth: AuthEnvironment;
  deviceId: string;
}

/** Random bytes from the platform (core/ never reads them itself). */
export function randomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count));
}

/**
 * A fresh id from the platform's random source.
 *
 * @example randomId() // '3f9c…' (32 hex characters)
 */
export function randomId(): string {
  return newId(randomBytes);
}

/**
 * Opens (creating or upgrading) the clinic's IndexedDB database and binds the
 * engine's commands and core/auth to it with the real clock. This is the one
 * place the renderer touches storage setup, so swapping the store is one edit.
 *
 * @example const { db, commands } = await openAppData();
 */
export async function openAppData(name?: string): Promise<AppData> {
  const { db, device } = await openTimedeskDb({ ...(name ? { name } : {}), appVersion, now: Date.now() });
  const environment = { db, clock: () => Date.now(), newId: randomId };
  return { db, commands: createCommandRunner(environment), auth: { ...environment, randomBytes }, deviceId: device.deviceId };
}
