import { z } from 'zod';
import { defineCommand, nobodySignedIn, runCommand } from '../commands';
import type { CommandEnvironment, CommandResult } from '../commands';
import type { ClinicSettings } from '../db';

/** What {@link shareClinicRecords} queued. */
export interface SharedClinic {
  staff: number;
  credentials: number;
}

const shareClinic = defineCommand({
  args: z.object({}),
  async run(scope) {
    const staff = await scope.db.staff.toArray();
    // A desk nobody set up has only the default settings: nothing of a clinic to offer.
    if (staff.length === 0) return { ok: true, value: { staff: 0, credentials: 0 } };
    // Written back unchanged: the effect middleware turns each into an effect of this one mutation.
    const clinic = (await scope.db.meta.get('clinic')) as ClinicSettings | undefined;
    if (clinic) await scope.db.meta.put(clinic);
    await scope.db.staff.bulkPut(staff);
    const credentials = await scope.db.staffCredentials.toArray();
    if (credentials.length > 0) await scope.db.staffCredentials.bulkPut(credentials);
    return { ok: true, value: { staff: staff.length, credentials: credentials.length } };
  },
});

/**
 * Queues this desk's clinic settings, staff and passphrase credentials (hash,
 * salt and parameters only) as one mutation (`sync/share-clinic`), so a desk
 * set up before they synced — or whose outbox rows predate it — still gives
 * the clinic its accounts: a desk joining later can then sign its staff in.
 * Run when a set-up desk that has never pulled connects to a server
 * (renderer `enrollDesk`); the server stores these puts only for records it
 * does not hold yet, so an old desk can never roll newer copies back.
 * Changes nothing locally and writes no audit entry (nothing changed; the
 * records are only offered again); a desk with nothing to share queues
 * nothing. Replaying it is harmless.
 *
 * @example await shareClinicRecords({ db, clock: Date.now, newId }) // { ok: true, value: { staff: 3, credentials: 3 } }
 */
export function shareClinicRecords(env: CommandEnvironment): Promise<CommandResult<SharedClinic>> {
  return runCommand(env, 'sync/share-clinic', shareClinic as never, {}, nobodySignedIn);
}
