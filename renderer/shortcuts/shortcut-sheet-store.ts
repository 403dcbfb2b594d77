import { create } from 'zustand';

/**
 * Whether the keyboard shortcut sheet (`?`) is open.
 *
 * @example useShortcutSheet.getState().toggle();
 */
export const useShortcutSheet = create<{ open: boolean; toggle(): void; close(): void }>()((set) => ({
  open: false,
  toggle: () => set((state) => ({ open: !state.open })),
  close: () => set({ open: false }),
}));
