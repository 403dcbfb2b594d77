import { useCallback } from 'react';
import { recordSignedOut } from '../../core/auth';
import { useAppData } from '../data/useAppData';
import { useSession } from '../session/session-store';

/**
 * Signs the current staff member out at once and records `STAFF_SIGNED_OUT`
 * for them (core/auth), so the log shows when each session ended. The screen
 * changes immediately (someone may already be typing their name); the entry
 * names the staff member captured before the session was forgotten, and the
 * returned promise settles when it is written.
 *
 * @example const signOut = useSignOut(); <button onClick={() => void signOut()}>Switch user</button>
 */
export function useSignOut(): () => Promise<void> {
  const { auth } = useAppData();
  return useCallback(async () => {
    const { staff, signOut } = useSession.getState();
    signOut();
    if (!staff) return;
    // Leaving the desk must always work; a failed write is a storage problem the next command reports.
    await recordSignedOut(auth, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role }).catch(() => undefined);
  }, [auth]);
}
