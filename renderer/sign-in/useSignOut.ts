import { useCallback } from 'react';
import { recordSignedOut } from '../../core/auth';
import { useAppData } from '../data/useAppData';
import { useSession } from '../session/session-store';

/**
 * Signs the current staff member out and records `STAFF_SIGNED_OUT` for
 * them (core/auth), so the log shows when each session ended. The entry is
 * written before the session is forgotten, because it names that staff member.
 *
 * @example const signOut = useSignOut(); <button onClick={() => void signOut()}>Switch user</button>
 */
export function useSignOut(): () => Promise<void> {
  const { auth } = useAppData();
  return useCallback(async () => {
    const { staff, signOut } = useSession.getState();
    if (staff) {
      // Leaving the desk must always work; a failed write is a storage problem the next command reports.
      await recordSignedOut(auth, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role }).catch(() => undefined);
    }
    signOut();
  }, [auth]);
}
