import { create } from 'zustand';

/**
 * Whether the patient finder (`/`) is open.
 *
 * @example usePatientFinder.getState().open();
 */
export const usePatientFinder = create<{ isOpen: boolean; open(): void; close(): void }>()((set) => ({
  isOpen: false,
  open: () => set({ isOpen: true }),
  close: () => set({ isOpen: false }),
}));
