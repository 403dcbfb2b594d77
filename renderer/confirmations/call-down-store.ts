import { create } from 'zustand';

/** Whether the day view shows the *To confirm* list beside the sheet. */
export interface CallDownState {
  open: boolean;
  toggle(): void;
  close(): void;
}

/**
 * UI state only: the *To confirm* list's visibility (the L key, the toolbar button).
 *
 * @example useCallDown.getState().toggle();
 */
export const useCallDown = create<CallDownState>()((set) => ({
  open: false,
  toggle: () => set((state) => ({ open: !state.open })),
  close: () => set({ open: false }),
}));
