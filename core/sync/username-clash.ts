import type { TimedeskDb } from '../db';
import type { StaffMember } from '../model';

/** A pulled account stored under another username than the one it synced with. */
export interface RenamedAccount {
  staffId: string;
  displayName: string;
  /** The username the server's record carries (another local account holds it). */
  pulled: string;
  /** The free name it is stored under on this desk (`admin-2`). */
  storedAs: string;
}

/** Usernames are 3–40 characters (core/model's staff schema); a suffix must fit inside that. */
const longestUsername = 40;

/**
 * Writes pulled staff records so that the `staff` table's unique username
 * index can never fail the pull that carries them. A pulled account whose
 * username another local account already holds (two desks that each ran
 * first run, then joined one clinic, both made `admin`) is stored under the
 * first free `username-2`, `-3`, … instead: the local account keeps its
 * name, so whoever set this desk up can still sign in, and both accounts are
 * listed in Admin → Staff for a manager to rename one (the rename syncs).
 * Records of the same ids are removed first, so accounts swapping or
 * passing on usernames within one page do not trip the index on the way.
 * Must run inside a read-write transaction over `staff`; awaits only Dexie.
 *
 * @example await putStaffKeepingUsernamesUnique(db, [{ id: 'b-admin', username: 'admin', … }]) // stored as 'admin-2' when 'admin' is another local account
 */
export async function putStaffKeepingUsernamesUnique(db: TimedeskDb, members: readonly StaffMember[]): Promise<StaffMember[]> {
  const incomingIds = new Set(members.map((member) => member.id));
  await db.staff.bulkDelete([...incomingIds]);
  // One index read for all the names (not one per record): other local accounts holding any of them.
  const heldLocally = new Set((await db.staff.where('username').anyOf([...new Set(members.map((member) => member.username))]).toArray()).map((row) => row.username));
  // Accounts whose name is free keep it first, so a clash never pushes another pulled account off its own name.
  const taken = new Set<string>();
  const clashing = new Set<StaffMember>();
  for (const member of members) {
    if (taken.has(member.username) || heldLocally.has(member.username)) clashing.add(member);
    else taken.add(member.username);
  }
  const stored: StaffMember[] = [];
  for (const member of members) {
    if (!clashing.has(member)) {
      stored.push(member);
      continue;
    }
    const username = await freeUsername(db, member.username, taken);
    taken.add(username);
    stored.push({ ...member, username });
  }
  await db.staff.bulkPut(stored);
  return stored;
}

async function isTakenLocally(db: TimedeskDb, username: string): Promise<boolean> {
  return (await db.staff.where('username').equals(username).count()) > 0;
}

async function freeUsername(db: TimedeskDb, username: string, taken: ReadonlySet<string>): Promise<string> {
  for (let number = 2; ; number += 1) {
    const suffix = `-${number}`;
    const candidate = `${username.slice(0, longestUsername - suffix.length)}${suffix}`;
    if (!taken.has(candidate) && !(await isTakenLocally(db, candidate))) return candidate;
  }
}

/**
 * The accounts {@link putStaffKeepingUsernamesUnique} stored under another
 * name: `pulled` and `stored` are its input and output, in the same order.
 *
 * @example renamedAccounts(pulled, stored) // [{ staffId: 'b-admin', displayName: 'Bo Admin', pulled: 'admin', storedAs: 'admin-2' }]
 */
export function renamedAccounts(pulled: readonly StaffMember[], stored: readonly StaffMember[]): RenamedAccount[] {
  return pulled.flatMap((member, index) => {
    const storedAs = stored[index]?.username;
    return storedAs === undefined || storedAs === member.username ? [] : [{ staffId: member.id, displayName: member.displayName, pulled: member.username, storedAs }];
  });
}
