import { Modal } from '../dialog/Modal';
import { text } from '../i18n';
import { deskKeys, monthViewKinds } from './desk-shortcut';
import type { DeskShortcut } from './desk-shortcut';

/** What each shortcut does, in words. */
function meaning(shortcut: DeskShortcut): string {
  switch (shortcut.kind) {
    case 'new-appointment':
      return text.shortcuts.newAppointment;
    case 'edit-selected':
      return text.shortcuts.edit;
    case 'status':
      return text.shortcuts.status[shortcut.to];
    case 'undo-selected':
      return text.shortcuts.undo;
    case 'confirm':
      return text.confirmation.shortcut[shortcut.to];
    case 'call-down':
      return text.confirmation.listShortcut;
    case 'find-opening':
      return text.openings.shortcut;
    case 'waitlist':
      return text.waitlist.shortcut;
    case 'undo-last':
      return text.shortcuts.undoLast;
    case 'today':
      return text.shortcuts.today;
    case 'previous-day':
      return text.shortcuts.previousDay;
    case 'next-day':
      return text.shortcuts.nextDay;
    case 'previous-week':
      return text.month.shortcut.previousWeek;
    case 'next-week':
      return text.month.shortcut.nextWeek;
    case 'previous-month':
      return text.month.shortcut.previousMonth;
    case 'next-month':
      return text.month.shortcut.nextMonth;
    case 'open-day':
      return text.month.shortcut.openDay;
    case 'shortcut-sheet':
      return text.shortcuts.help;
    case 'find-patient':
      return text.shortcuts.findPatient;
  }
}

const onSelection = (shortcut: DeskShortcut) => shortcut.kind === 'status' || shortcut.kind === 'confirm' || shortcut.kind === 'undo-selected' || shortcut.kind === 'edit-selected';
/** The sheet's three lists, worded in the language of the moment. */
function sheetRows() {
  const keyNames: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', ...text.month.keyNames };
  const rows = Object.entries(deskKeys).map(([key, shortcut]) => ({ key: keyNames[key] ?? key, shortcut }));
  const general: [string, string][] = [
    ...rows.filter((row) => !onSelection(row.shortcut) && !monthViewKinds.has(row.shortcut.kind)).map((row): [string, string] => [row.key, meaning(row.shortcut)]),
    [text.shortcuts.undoLastKeys, meaning({ kind: 'undo-last' })],
    [text.shortcuts.escapeKey, text.shortcuts.closeDialog],
  ];
  const selection: [string, string][] = rows.filter((row) => onSelection(row.shortcut)).map((row) => [row.key, meaning(row.shortcut)]);
  const month: [string, string][] = rows.filter((row) => monthViewKinds.has(row.shortcut.kind)).map((row) => [row.key, meaning(row.shortcut)]);
  return { general, selection, month };
}

function Keys({ rows: list }: { rows: [string, string][] }) {
  return (
    <dl className="shortcut-list">
      {list.map(([key, action]) => (
        <div key={`${key}-${action}`}>
          <dt>
            <kbd>{key}</kbd>
          </dt>
          <dd>{action}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The keyboard shortcut sheet (`?`), written from the one key table
 * (desk-shortcut.ts), so it lists exactly what the keys do.
 *
 * @example <ShortcutSheet onClose={close} />
 */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { general, selection, month } = sheetRows();
  return (
    <Modal title={text.shortcuts.title} onClose={onClose}>
      <div className="modal-body">
        <Keys rows={general} />
        <h3>{text.shortcuts.statusIntro}</h3>
        <Keys rows={selection} />
        <h3>{text.month.shortcut.intro}</h3>
        <Keys rows={month} />
        <div className="form-actions">
          <button type="button" onClick={onClose} data-autofocus>
            {text.app.close}
          </button>
        </div>
      </div>
    </Modal>
  );
}
