import { create } from 'zustand';

/** Whether the day view shows *Find an opening* beside the sheet. */
export interface OpeningsPanelState {
  open: boolean;
  toggle(): void;
  close(): void;
}

/**
 * UI state only: the panel's visibility (its key in the desk's key table, the toolbar button).
 *
 * @example useOpeningsPanel.getState().toggle();
 */
export const useOpeningsPanel = create<OpeningsPanelState>()((set) => ({
  open: false,
  toggle: () => set((state) => ({ open: !state.open })),
  close: () => set({ open: false }),
}));
