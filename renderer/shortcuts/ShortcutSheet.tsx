import { Modal } from '../dialog/Modal';
import { text } from '../i18n';

const general: [string, string][] = [
  ['N', text.shortcuts.newAppointment],
  ['T', text.shortcuts.today],
  ['←', text.shortcuts.previousDay],
  ['→', text.shortcuts.nextDay],
  ['/', text.shortcuts.findPatient],
  ['?', text.shortcuts.help],
  ['Esc', text.shortcuts.closeDialog],
];

const onAppointment: [string, string][] = [
  ['A', text.shortcuts.arrived],
  ['R', text.shortcuts.inRoom],
  ['C', text.shortcuts.completed],
  ['N', text.shortcuts.noShow],
  ['X', text.shortcuts.cancel],
  ['U', text.shortcuts.undo],
  ['E', text.shortcuts.edit],
];

function Keys({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="shortcut-list">
      {rows.map(([key, action]) => (
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
 * The keyboard shortcut sheet (`?`).
 *
 * @example <ShortcutSheet onClose={close} />
 */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  return (
    <Modal title={text.shortcuts.title} onClose={onClose}>
      <div className="modal-body">
        <Keys rows={general} />
        <h3>{text.shortcuts.statusIntro}</h3>
        <Keys rows={onAppointment} />
        <div className="form-actions">
          <button type="button" onClick={onClose} data-autofocus>
            {text.app.close}
          </button>
        </div>
      </div>
    </Modal>
  );
}
