import { create } from 'zustand';
import type { StaffRole } from '../../core/model';
import { useNotices } from '../notices/notice-store';

/** The signed-in staff member as commands and the status bar need them. */
export interface SignedInStaff {
  staffId: string;
  displayName: string;
  username: string;
  role: StaffRole;
}

/** Who is at the desk, and whether the screen is locked. */
export interface SessionState {
  staff: SignedInStaff | null;
  /** Locked: the staff member stays known (to unlock) but nothing is shown or done until they sign in again. */
  locked: boolean;
  signIn(staff: SignedInStaff): void;
  lock(): void;
  signOut(): void;
}

/**
 * The last notice names a patient and may carry Undo: it belongs to whoever
 * made the change, so it never outlives their session (no one else may read
 * it or undo their work).
 */
const forgetNotice = () => useNotices.getState().dismiss();

/**
 * UI state for the session. It lives only in memory: a reload or a new
 * window always starts at the sign-in screen. Locking, signing out and
 * signing in all clear the desk's notice.
 *
 * @example useSession.getState().signIn({ staffId: 's1', displayName: 'Jo', username: 'jo', role: 'front_desk' });
 */
export const useSession = create<SessionState>()((set) => ({
  staff: null,
  locked: false,
  signIn: (staff) => {
    forgetNotice();
    set({ staff, locked: false });
  },
  lock: () => {
    forgetNotice();
    set((state) => (state.staff ? { locked: true } : state));
  },
  signOut: () => {
    forgetNotice();
    set({ staff: null, locked: false });
  },
}));
