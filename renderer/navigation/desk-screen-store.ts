import { create } from 'zustand';

/**
 * The desk's screens: the day sheet and the "Needs attention" inbox
 * (everyone), administration, the audit log and Sync settings (managers and
 * admins).
 *
 * @example deskScreens.includes('audit') // true
 */
export const deskScreens = ['day', 'admin', 'audit', 'sync', 'attention', 'backups', 'reports'] as const;

/** One of {@link deskScreens}. */
export type DeskScreen = (typeof deskScreens)[number];

/** Which screen the desk shows. */
export interface DeskScreenState {
  screen: DeskScreen;
  show(screen: DeskScreen): void;
}

/**
 * UI state only: the screen the signed-in desk shows (the day sheet after
 * every sign-in).
 *
 * @example useDeskScreen.getState().show('audit');
 */
export const useDeskScreen = create<DeskScreenState>()((set) => ({
  screen: 'day',
  show: (screen) => set({ screen }),
}));
