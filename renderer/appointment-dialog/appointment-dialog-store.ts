import { create } from 'zustand';
import type { CalendarDate, Patient } from '../../core/model';
import type { EditTarget } from './edit-scope';

/** The booking the dialog edits, with its patient (shown, not changed). */
export type EditingBooking = EditTarget & { patient?: Patient | undefined };

/** Where a new appointment starts out: from a slot click or drag, or from N / the toolbar; or the booking to edit (E / Edit). */
export interface AppointmentDraft {
  date: CalendarDate;
  /** Wall minutes after midnight. */
  minute: number;
  durationMinutes: number;
  resourceIds: string[];
  /** Set when editing an existing booking: the dialog opens pre-filled and saves the changes. */
  editing?: EditingBooking;
  /** A new booking's patient, already chosen (e.g. the one *Find an opening* searched for); still changeable. */
  patient?: Patient;
}

/** Whether the new-appointment dialog is open, and with what. */
export interface AppointmentDialogState {
  draft: AppointmentDraft | null;
  open(draft: AppointmentDraft): void;
  close(): void;
}

/**
 * Opens and closes the appointment dialog from anywhere (grid, toolbar, keyboard).
 *
 * @example useAppointmentDialog.getState().open({ date: '2026-11-25', minute: 540, durationMinutes: 30, resourceIds: ['dr-lee'] });
 */
export const useAppointmentDialog = create<AppointmentDialogState>()((set) => ({
  draft: null,
  open: (draft) => set({ draft }),
  close: () => set({ draft: null }),
}));
