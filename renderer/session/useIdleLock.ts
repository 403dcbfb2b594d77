import { useEffect } from 'react';
import { IdleLock, recordSessionLocked } from '../../core/auth';
import { useAppData } from '../data/useAppData';
import { useClinic } from '../data/useClinic';
import { useSession } from './session-store';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;
const checkEveryMs = 10_000;

/**
 * Locks the desk after the clinic's idle minutes without a key, click or
 * scroll (core/auth's IdleLock), and records `SESSION_LOCKED` for the staff
 * member who walked away. Mounted once, on the signed-in desk.
 *
 * @example useIdleLock();
 */
export function useIdleLock(): void {
  const { auth } = useAppData();
  const { idleLockMinutes } = useClinic();
  const staff = useSession((state) => state.staff);
  const lock = useSession((state) => state.lock);
  useEffect(() => {
    if (!staff || !(idleLockMinutes > 0)) return;
    const idle = new IdleLock(idleLockMinutes, () => Date.now());
    const touch = () => idle.touch();
    for (const name of activityEvents) window.addEventListener(name, touch, { passive: true });
    const timer = setInterval(() => {
      if (idle.check() !== 'locked-now') return;
      lock();
      void recordSessionLocked(auth, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role }, 'idle');
    }, checkEveryMs);
    return () => {
      clearInterval(timer);
      for (const name of activityEvents) window.removeEventListener(name, touch);
    };
  }, [auth, staff, idleLockMinutes, lock]);
}
