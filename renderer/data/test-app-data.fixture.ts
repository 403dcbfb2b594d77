import { createCommandRunner } from '../../core/commands';
import type { CommandArgs, CommandName } from '../../core/commands';
import { openFakeDatabase } from '../../core/db/fake-database.fixture';
import type { AppData } from './app-database';
import { setUpClinic } from './first-run-setup';
import type { FirstRunInput } from './first-run-setup';
import type { RunCommand } from './useCommand';

/**
 * Test support only: the renderer's data module over a fresh in-memory
 * database (fake-indexeddb), with a settable clock and passphrase hashing
 * turned down to 1,000 rounds so tests stay quick.
 */
export async function openTestAppData(now = Date.UTC(2026, 10, 25, 14)): Promise<AppData & { clock: { now: number } }> {
  const { db, device } = await openFakeDatabase('0.1.0-test', now);
  const clock = { now };
  let counter = 0;
  const environment = { db, clock: () => clock.now, newId: () => `id-${String(++counter).padStart(4, '0')}` };
  const randomBytes = (count: number) => Uint8Array.from({ length: count }, (_, index) => (index * 7 + counter) & 0xff);
  return { db, commands: createCommandRunner(environment), auth: { ...environment, randomBytes, iterations: 1000 }, deviceId: device.deviceId, clock };
}

/** A complete first-run form: a New York clinic with two providers and a room. */
export const firstRunForm: FirstRunInput = {
  clinicName: 'Northside Family Clinic',
  timeZone: 'America/New_York',
  locale: 'en-US',
  adminDisplayName: 'Jo Admin',
  adminUsername: 'Jo.Admin',
  passphrase: 'correct horse battery',
  passphraseAgain: 'correct horse battery',
  providerNames: ['Dr Adams', 'Dr Brown'],
  roomNames: ['Room 1'],
};

/**
 * A desk set up with {@link firstRunForm}: its data, a command runner acting
 * as the first admin, and the resource called `resourceName` (e.g. Dr Adams).
 *
 * @example const { data, run, resource } = await adminDesk('Dr Adams');
 */
export async function adminDesk(resourceName: string) {
  const data = await openTestAppData();
  const setup = await setUpClinic(data, firstRunForm);
  if (!setup.ok) throw new Error('setup refused');
  const admin = { staffId: setup.admin.id, displayName: setup.admin.displayName, role: setup.admin.role };
  const run = ((name: CommandName, args: CommandArgs<CommandName>) => data.commands.run(name, args, admin)) as RunCommand;
  const resource = (await data.db.resources.toArray()).find((candidate) => candidate.name === resourceName);
  if (!resource) throw new Error(`no ${resourceName}`);
  return { data, run, resource };
}
