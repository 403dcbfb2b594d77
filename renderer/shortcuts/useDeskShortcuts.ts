import { useEffect, useRef } from 'react';
import { useNotices } from '../notices/notice-store';
import { usePatientFinder } from '../patient-finder/patient-finder-store';
import { deskShortcut, isTypingTarget } from './desk-shortcut';
import { useShortcutSheet } from './shortcut-sheet-store';

/** What the desk does for the shortcuts that depend on the day view. */
export interface DeskShortcutHandlers {
  newAppointment(): void;
  /** E: edit the selected booking (nothing when none is selected or it cannot be edited). */
  editSelected(): void;
  today(): void;
  shiftDay(days: number): void;
}

/**
 * Listens for the desk's shortcuts on the window (see desk-shortcut.ts),
 * except while typing in a field or with a dialog open. Status keys live on
 * the appointment blocks themselves, which stop the event, so N on a
 * focused booking marks a no-show and N elsewhere opens a new appointment.
 *
 * @example useDeskShortcuts({ newAppointment: openNew, editSelected: openEdit, today: () => setDate(null), shiftDay: (days) => setDate(addDays(date, days)) });
 */
export function useDeskShortcuts(handlers: DeskShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      const shortcut = deskShortcut(event);
      if (!shortcut) return;
      event.preventDefault();
      switch (shortcut) {
        case 'new-appointment':
          latest.current.newAppointment();
          break;
        case 'edit-appointment':
          latest.current.editSelected();
          break;
        case 'today':
          latest.current.today();
          break;
        case 'previous-day':
          latest.current.shiftDay(-1);
          break;
        case 'next-day':
          latest.current.shiftDay(1);
          break;
        case 'shortcut-sheet':
          useShortcutSheet.getState().toggle();
          break;
        case 'find-patient':
          usePatientFinder.getState().open();
          break;
        case 'undo': {
          const undo = useNotices.getState().notice?.undo;
          if (undo) {
            useNotices.getState().dismiss();
            undo();
          }
          break;
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
