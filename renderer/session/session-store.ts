import { create } from 'zustand';
import type { StaffRole } from '../../core/model';

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
 * UI state for the session. It lives only in memory: a reload or a new
 * window always starts at the sign-in screen.
 *
 * @example useSession.getState().signIn({ staffId: 's1', displayName: 'Jo', username: 'jo', role: 'front_desk' });
 */
export const useSession = create<SessionState>()((set) => ({
  staff: null,
  locked: false,
  signIn: (staff) => set({ staff, locked: false }),
  lock: () => set((state) => (state.staff ? { locked: true } : state)),
  signOut: () => set({ staff: null, locked: false }),
}));
