import type { StaffRole } from '../model';

/**
 * The signed-in staff member a command acts for. Every audit entry names
 * them (id, name, role) together with the device id and app version.
 */
export interface CommandSession {
  staffId: string;
  displayName: string;
  role: StaffRole;
}

/**
 * True when the role may override a hard booking conflict and manage the
 * clinic's setup (resources, hours, closures).
 *
 * @example isManager({ staffId: 's1', displayName: 'Jo', role: 'front_desk' }) // false
 */
export function isManager(session: CommandSession): boolean {
  return session.role === 'manager' || session.role === 'admin';
}

/**
 * The session the wrapper runs under when no one is signed in (sign-in
 * attempts, the start-up chain check). Entries written under it name their
 * actor explicitly (a system actor), so this placeholder never appears in
 * the log.
 *
 * @example runCommand(env, 'staff/sign-in', recordAttempt, args, nobodySignedIn)
 */
export const nobodySignedIn: CommandSession = { staffId: 'nobody', displayName: 'Nobody signed in', role: 'front_desk' };
