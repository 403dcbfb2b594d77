import type { deskConfirmationStatuses } from '../../core/commands';
import type { AppointmentStatus } from '../../core/model';

/** The statuses a key sets on the selected booking. */
export type StatusKeyTarget = Exclude<AppointmentStatus, 'booked'>;

/** The patient's answers a key records on the selected visit (issue 16). */
export type AnswerKeyTarget = (typeof deskConfirmationStatuses)[number];

/**
 * What a key press on the desk (outside fields and dialogs) asks for. Each
 * key has ONE meaning whatever is selected or focused: N is always a new
 * booking; the status keys, U and E always act on the selected booking (the
 * one in the panel — clicked, focused, or just booked).
 */
export type DeskShortcut =
  | { kind: 'new-appointment' }
  | { kind: 'edit-selected' }
  | { kind: 'status'; to: StatusKeyTarget }
  | { kind: 'confirm'; to: AnswerKeyTarget }
  | { kind: 'call-down' }
  | { kind: 'find-opening' }
  | { kind: 'waitlist' }
  | { kind: 'undo-selected' }
  | { kind: 'undo-last' }
  | { kind: 'today' }
  | { kind: 'previous-day' }
  | { kind: 'next-day' }
  | { kind: 'previous-week' }
  | { kind: 'next-week' }
  | { kind: 'previous-month' }
  | { kind: 'next-month' }
  | { kind: 'open-day' }
  | { kind: 'shortcut-sheet' }
  | { kind: 'find-patient' };

/**
 * THE key table (upper-case letters match either case). The shortcut
 * sheet, the selection panel's key hints and the README are written from
 * it, so a key cannot mean two things or be documented as another.
 *
 * @example deskKeys.M // { kind: 'status', to: 'no_show' }
 */
export const deskKeys: Readonly<Record<string, DeskShortcut>> = {
  N: { kind: 'new-appointment' },
  E: { kind: 'edit-selected' },
  A: { kind: 'status', to: 'arrived' },
  R: { kind: 'status', to: 'in_room' },
  C: { kind: 'status', to: 'completed' },
  M: { kind: 'status', to: 'no_show' },
  X: { kind: 'status', to: 'cancelled' },
  U: { kind: 'undo-selected' },
  F: { kind: 'confirm', to: 'confirmed' },
  D: { kind: 'confirm', to: 'declined' },
  O: { kind: 'confirm', to: 'no_answer' },
  L: { kind: 'call-down' },
  S: { kind: 'find-opening' },
  W: { kind: 'waitlist' },
  T: { kind: 'today' },
  ArrowLeft: { kind: 'previous-day' },
  ArrowRight: { kind: 'next-day' },
  // The month view's keys (WAI-ARIA date grid); on the other views they stay the browser's (scrolling, buttons).
  ArrowUp: { kind: 'previous-week' },
  ArrowDown: { kind: 'next-week' },
  PageUp: { kind: 'previous-month' },
  PageDown: { kind: 'next-month' },
  Enter: { kind: 'open-day' },
  '?': { kind: 'shortcut-sheet' },
  '/': { kind: 'find-patient' },
};

/**
 * The key for a status change, as the panel shows it (`no_show` → `M`).
 *
 * @example keyForStatus('arrived') // 'A'
 */
export function keyForStatus(to: StatusKeyTarget): string | undefined {
  return Object.entries(deskKeys).find(([, shortcut]) => shortcut.kind === 'status' && shortcut.to === to)?.[0];
}

/**
 * The key for a patient's answer, as the panel shows it (`confirmed` → `F`).
 *
 * @example keyForAnswer('no_answer') // 'O'
 */
export function keyForAnswer(to: AnswerKeyTarget): string | undefined {
  return Object.entries(deskKeys).find(([, shortcut]) => shortcut.kind === 'confirm' && shortcut.to === to)?.[0];
}

/**
 * The key of a shortcut that takes no target (a panel, a screen), as the
 * toolbar's titles show it.
 *
 * @example keyFor('find-opening') // 'S'
 */
export function keyFor(kind: DeskShortcut['kind']): string | undefined {
  return Object.entries(deskKeys).find(([, shortcut]) => shortcut.kind === kind)?.[0];
}

/** The parts of a keyboard event the desk looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * Maps a key press to a desk shortcut through {@link deskKeys};
 * Ctrl/⌘+Z undoes the last change the notice offers. Other modifier
 * combinations are left to the browser.
 *
 * @example deskShortcut({ key: 'n', ctrlKey: false, metaKey: false, altKey: false }) // { kind: 'new-appointment' }
 */
export function deskShortcut(press: KeyPress): DeskShortcut | undefined {
  if (press.altKey) return undefined;
  if (press.ctrlKey || press.metaKey) return press.key.toLowerCase() === 'z' ? { kind: 'undo-last' } : undefined;
  return deskKeys[press.key.length === 1 ? press.key.toUpperCase() : press.key];
}

/** The keys of the month view only: elsewhere the desk leaves them to the browser. */
export const monthViewKinds: ReadonlySet<DeskShortcut['kind']> = new Set(['previous-week', 'next-week', 'previous-month', 'next-month', 'open-day']);

/**
 * True when Enter (or Space) belongs to the focused control — a button, a
 * link, a field — rather than the desk: Enter on the toolbar's "Next month"
 * presses it, it does not open a day.
 *
 * @example activatesControl('Enter', document.activeElement)
 */
export function activatesControl(key: string, target: EventTarget | null): boolean {
  if (key !== 'Enter' && key !== ' ') return false;
  return target instanceof Element && target.closest('button, a[href], summary, input, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="option"], [role="checkbox"], [role="switch"]') !== null;
}

/**
 * True when a key press belongs to what has focus (typing in a field,
 * choosing in a list) or a dialog is open, so desk shortcuts must not fire.
 *
 * @example isTypingTarget(document.activeElement)
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('dialog[open]')) return true;
  // Checkboxes, radios and buttons take no typing, so shortcuts still work while they have focus.
  return target.matches('input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"]), textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"]');
}
