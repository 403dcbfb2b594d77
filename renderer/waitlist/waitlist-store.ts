import { create } from 'zustand';
import type { FreedVisit } from './waitlist-view';

/** The waitlist panel's visibility, and the slot the last cancel / no-show on this desk freed. */
export interface WaitlistDeskState {
  open: boolean;
  toggle(): void;
  close(): void;
  /** The visit just cancelled or marked no-show here; the notice matches what it freed against the list. */
  freed: FreedVisit | null;
  report(visit: FreedVisit): void;
  clearFreed(): void;
}

/**
 * UI state only: the panel (its key in the desk's key table, the toolbar
 * button) and the visit whose freed time the notice is about. A new one
 * replaces the last, as the notice bar does with its notices.
 *
 * @example useWaitlistDesk.getState().report({ start, end, resourceIds });
 */
export const useWaitlistDesk = create<WaitlistDeskState>()((set) => ({
  open: false,
  toggle: () => set((state) => ({ open: !state.open })),
  close: () => set({ open: false }),
  freed: null,
  report: (visit) => set({ freed: visit }),
  clearFreed: () => set({ freed: null }),
}));
