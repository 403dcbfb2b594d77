import { create } from 'zustand';

/**
 * The username to prefill on the sign-in screen: the admin just created at
 * first run, or whoever locked the screen.
 *
 * @example usePendingSignInName.getState().set('admin');
 */
export const usePendingSignInName = create<{ username: string; set(username: string): void }>()((set) => ({
  username: '',
  set: (username) => set({ username }),
}));
