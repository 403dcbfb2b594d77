/** What a key press on the desk (outside fields and dialogs) asks for. */
export type DeskShortcut = 'new-appointment' | 'edit-appointment' | 'today' | 'previous-day' | 'next-day' | 'shortcut-sheet' | 'find-patient' | 'undo';

/** The parts of a keyboard event the desk looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * Maps a key press to a desk shortcut: N new appointment, E edit the selected one, T today, ← / →
 * previous and next day, ? the sheet, / find a patient, Ctrl/⌘+Z undo the last status change.
 * Other modifier combinations are left to the browser.
 *
 * @example deskShortcut({ key: 'ArrowLeft', ctrlKey: false, metaKey: false, altKey: false }) // 'previous-day'
 */
export function deskShortcut(press: KeyPress): DeskShortcut | undefined {
  if (press.altKey) return undefined;
  if (press.ctrlKey || press.metaKey) return press.key.toLowerCase() === 'z' ? 'undo' : undefined;
  switch (press.key) {
    case 'n':
    case 'N':
      return 'new-appointment';
    case 'e':
    case 'E':
      return 'edit-appointment';
    case 't':
    case 'T':
      return 'today';
    case 'ArrowLeft':
      return 'previous-day';
    case 'ArrowRight':
      return 'next-day';
    case '?':
      return 'shortcut-sheet';
    case '/':
      return 'find-patient';
    default:
      return undefined;
  }
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
