import { z } from 'zod';
import type { AuditEntry } from '../audit';
import { defineCommand, nobodySignedIn, runCommand } from '../commands';
import { readDevice } from '../db';
import type { TimedeskDb } from '../db';
import type { RenamedAccount } from './username-clash';

const syncActor = { kind: 'system' as const, systemId: 'sync', displayName: 'Sync' };

/** Why, in the entry's words (the renderer has its own, see `readRenamedOnSync`). */
const renameReason = 'Another account on this desk already had that username.';

/**
 * One `STAFF_RENAMED_ON_SYNC` entry per renamed account. `sync: false`: the
 * rename is this desk's alone (the server keeps the pulled name), so there is
 * nothing to queue; the entry reaches the server with the desk's chain.
 */
const noteRenamedStaff = defineCommand({
  args: z.object({ accounts: z.array(z.object({ staffId: z.string().min(1), displayName: z.string(), pulled: z.string().min(1), storedAs: z.string().min(1) })).min(1) }),
  sync: false,
  async run(scope, args) {
    for (const account of args.accounts) {
      scope.audit({
        action: 'STAFF_RENAMED_ON_SYNC',
        actor: syncActor,
        entityType: 'staff',
        entityId: account.staffId,
        changes: { username: { before: account.pulled, after: account.storedAs } },
        reason: renameReason,
      });
    }
    return { ok: true, value: null };
  },
});

/**
 * Records in the audit log that a pull stored these accounts under a free
 * name (username-clash.ts), so an administrator can find out why `admin-2`
 * exists and rename one of the two. Runs nested in the pull's transaction
 * (it must span every table), so the rename and its entry commit together.
 * `at` is the pull page's server time; entry ids are derived from this
 * device, the page's cursor and a counter, unique without a random source.
 *
 * @example await recordRenamedStaff(db, [{ staffId: 'b-admin', displayName: 'Bo Admin', pulled: 'admin', storedAs: 'admin-2' }], page);
 */
export async function recordRenamedStaff(db: TimedeskDb, accounts: readonly RenamedAccount[], page: { serverTime: string; nextCursor: string }): Promise<void> {
  const { deviceId } = await readDevice(db);
  let counter = 0;
  const at = Date.parse(page.serverTime);
  const result = await runCommand(
    { db, clock: () => at, newId: () => `${deviceId}-renamed-${page.nextCursor}-${++counter}` },
    'sync/note-renamed-staff',
    noteRenamedStaff as never,
    { accounts },
    nobodySignedIn,
  );
  if (!result.ok) throw new Error(`The renamed accounts could not be recorded in the audit log: ${result.error.message}`);
}

/**
 * The accounts this desk holds under a name a pull gave them — by staff id,
 * the username the rest of the clinic knows them by — as long as they still
 * carry that name (an administrator's rename settles it). For the line in
 * Administration → Staff accounts.
 *
 * @example (await readRenamedOnSync(db)).get('b-admin') // 'admin'
 */
export async function readRenamedOnSync(db: TimedeskDb): Promise<Map<string, string>> {
  return db.transaction('r', db.audit, db.staff, async () => {
    const entries: AuditEntry[] = await db.audit.where('action').equals('STAFF_RENAMED_ON_SYNC').toArray();
    const latest = new Map<string, AuditEntry>();
    for (const entry of entries) {
      const known = latest.get(entry.entityId);
      if (!known || known.at <= entry.at) latest.set(entry.entityId, entry);
    }
    const renamed = new Map<string, string>();
    for (const [staffId, entry] of latest) {
      const change = entry.changes['username'];
      const member = await db.staff.get(staffId);
      if (member && typeof change?.before === 'string' && member.username === change.after) renamed.set(staffId, change.before);
    }
    return renamed;
  });
}
