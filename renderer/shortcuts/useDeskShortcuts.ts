import { useEffect, useRef } from 'react';
import { useNotices } from '../notices/notice-store';
import { usePatientFinder } from '../patient-finder/patient-finder-store';
import { activatesControl, deskShortcut, isTypingTarget } from './desk-shortcut';
import type { AnswerKeyTarget, DeskShortcut, StatusKeyTarget } from './desk-shortcut';
import { useShortcutSheet } from './shortcut-sheet-store';

/** What the desk does for the shortcuts that depend on the day view. */
export interface DeskShortcutHandlers {
  newAppointment(): void;
  /** E: edit the selected booking. */
  editSelected(): void;
  /** A / R / C / M / X: the selected booking's status (X asks why). */
  changeSelected(to: StatusKeyTarget): void;
  /** U: undo the selected booking's last status change. */
  undoSelected(): void;
  /** F / D / O: the patient's answer on the selected visit. */
  confirmSelected(to: AnswerKeyTarget): void;
  /** L: show or hide the To confirm list. */
  toggleCallDown(): void;
  /** S: show or hide Find an opening. */
  toggleOpenings(): void;
  /** W: show or hide the waitlist. */
  toggleWaitlist(): void;
  today(): void;
  shiftDay(days: number): void;
  /** ↑ / ↓ on the month view: the date a week earlier / later. False where the view has no use for it (the key stays the browser's). */
  shiftWeek(weeks: number): boolean;
  /** Page Up / Page Down on the month view: the same day a month earlier / later. */
  shiftMonth(months: number): boolean;
  /** Enter on the month view: the chosen day on the day sheet. */
  openDay(): boolean;
}

/**
 * Listens for the desk's shortcuts on the window (the one key table is
 * desk-shortcut.ts), except while typing in a field or with a dialog open.
 * Keys mean the same wherever focus is: no booking block handles keys of its
 * own, so N opens a new booking even on a focused block, and M marks the
 * selected booking a no-show whichever way it was selected.
 *
 * @example useDeskShortcuts({ newAppointment: openNew, editSelected, changeSelected, undoSelected, today: () => setDate(null), shiftDay: (days) => setDate(addDays(date, days)) });
 */
export function useDeskShortcuts(handlers: DeskShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target) || activatesControl(event.key, event.target) || document.querySelector('dialog[open]')) return;
      const shortcut = deskShortcut(event);
      if (!shortcut) return;
      // A handler answers false when its key means nothing on this view: then the browser keeps the key.
      if (run(shortcut) !== false) event.preventDefault();
    }
    function run(shortcut: DeskShortcut): boolean | void {
      const desk = latest.current;
      switch (shortcut.kind) {
        case 'new-appointment':
          return desk.newAppointment();
        case 'edit-selected':
          return desk.editSelected();
        case 'status':
          return desk.changeSelected(shortcut.to);
        case 'undo-selected':
          return desk.undoSelected();
        case 'confirm':
          return desk.confirmSelected(shortcut.to);
        case 'call-down':
          return desk.toggleCallDown();
        case 'find-opening':
          return desk.toggleOpenings();
        case 'waitlist':
          return desk.toggleWaitlist();
        case 'today':
          return desk.today();
        case 'previous-day':
          return desk.shiftDay(-1);
        case 'next-day':
          return desk.shiftDay(1);
        case 'previous-week':
          return desk.shiftWeek(-1);
        case 'next-week':
          return desk.shiftWeek(1);
        case 'previous-month':
          return desk.shiftMonth(-1);
        case 'next-month':
          return desk.shiftMonth(1);
        case 'open-day':
          return desk.openDay();
        case 'shortcut-sheet':
          return useShortcutSheet.getState().toggle();
        case 'find-patient':
          return usePatientFinder.getState().open();
        case 'undo-last': {
          const undo = useNotices.getState().notice?.undo;
          if (undo) {
            useNotices.getState().dismiss();
            undo();
          }
          return;
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
