import { create } from 'zustand';

/** The appointments named by an open double booking, for the day view's red marker. */
export interface DoubleBookedState {
  ids: ReadonlySet<string>;
  set(ids: ReadonlySet<string>): void;
}

/**
 * UI state fed by one live query (`useDoubleBookedFeed`, mounted once by
 * the sync runner) so each booking block asks a set instead of running a
 * query of its own.
 *
 * @example useDoubleBooked.getState().ids.has(appointmentId)
 */
export const useDoubleBooked = create<DoubleBookedState>()((set) => ({
  ids: new Set(),
  set: (ids) => set({ ids }),
}));
