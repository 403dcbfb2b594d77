import { create } from 'zustand';
import type { BookingEdit } from '../appointment-dialog/edit-scope';
import type { DayItem } from '../data/day-sheet';

/** A drag of a series visit waiting for "this visit / this and following / all". */
export interface PendingOccurrenceMove {
  item: DayItem;
  edit: BookingEdit;
}

/**
 * Holds a dragged series visit until the receptionist says which visits the
 * move applies to (nothing is saved before that; the block stays put).
 *
 * @example useOccurrenceMove.getState().ask({ item, edit: { wallStart: '2026-01-12T10:00', … } });
 */
export const useOccurrenceMove = create<{ pending: PendingOccurrenceMove | null; ask(pending: PendingOccurrenceMove): void; clear(): void }>()((set) => ({
  pending: null,
  ask: (pending) => set({ pending }),
  clear: () => set({ pending: null }),
}));
