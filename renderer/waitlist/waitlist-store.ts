import { create } from 'zustand';
import type { FreedSpan } from '../../core/waitlist';

/** The waitlist panel's visibility, and the time the last change on this desk freed. */
export interface WaitlistDeskState {
  open: boolean;
  toggle(): void;
  close(): void;
  /** What the last change here freed (core/waitlist `freedTime`, `freedBySchedule`); the notice matches it against the list. */
  freed: readonly FreedSpan[] | null;
  /** A change freed this time; nothing freed (a longer visit, cut hours) leaves the last notice as it was. */
  report(freed: readonly FreedSpan[]): void;
  clearFreed(): void;
}

/**
 * UI state only: the panel (its key in the desk's key table, the toolbar
 * button) and the freed time the notice is about — a visit cancelled,
 * marked no-show, moved or shortened, or hours extended, on this desk. A
 * new one replaces the last, as the notice bar does with its notices.
 *
 * @example useWaitlistDesk.getState().report(freedTime(visit, null));
 */
export const useWaitlistDesk = create<WaitlistDeskState>()((set) => ({
  open: false,
  toggle: () => set((state) => ({ open: !state.open })),
  close: () => set({ open: false }),
  freed: null,
  report: (freed) => {
    if (freed.length > 0) set({ freed });
  },
  clearFreed: () => set({ freed: null }),
}));
