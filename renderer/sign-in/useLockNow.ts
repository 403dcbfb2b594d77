import { useCallback } from 'react';
import { recordSessionLocked } from '../../core/auth';
import { useAppData } from '../data/useAppData';
import { useSession } from '../session/session-store';

/**
 * The Lock button's action: locks the screen at once and records
 * `SESSION_LOCKED` with the manual reason (core/auth), so the log tells a
 * deliberate lock from the idle timer's. Does nothing when nobody is signed in.
 *
 * @example const lockNow = useLockNow(); <button onClick={lockNow}>Lock</button>
 */
export function useLockNow(): () => void {
  const { auth } = useAppData();
  return useCallback(() => {
    const { staff, locked, lock } = useSession.getState();
    if (!staff || locked) return;
    lock();
    // The screen locks whether or not the entry commits; a failed write is a storage problem the next command reports.
    void recordSessionLocked(auth, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role }, 'manual');
  }, [auth]);
}
