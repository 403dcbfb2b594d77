import { useState } from 'react';
import type { FormEvent } from 'react';
import { Modal } from '../dialog/Modal';
import { text } from '../i18n';
import type { EditScope, ScopeNote } from './edit-scope';
import { ScopeChoice } from './ScopeChoice';

/** Props of {@link EditScopeDialog}. */
export interface EditScopeDialogProps {
  /** "Alex Smith’s visit on Mon 12 Jan is part of a repeating series." */
  intro: string;
  /** The scopes this change can be saved with (edit-scope.ts `scopesFor`); the others are shown disabled, with why. */
  offered: readonly EditScope[];
  /** Said under the choices (edit-scope.ts `scopeNote`): why the visit moves alone, or that the series' weekdays move. */
  note: ScopeNote | null;
  onChoose(scope: EditScope): void;
  /** Escape, × or Cancel: nothing is saved. */
  onCancel(): void;
}

/**
 * Asks which visits of a series a change (a drag or the edit dialog's Save)
 * applies to before anything is saved. Focus starts on "This visit only";
 * Enter saves, Escape cancels.
 *
 * @example <EditScopeDialog intro={intro} offered={scopesFor(visit, edit, timing)} note={scopeNote(visit, edit, timing)} onChoose={save} onCancel={close} />
 */
export function EditScopeDialog({ intro, offered, note, onChoose, onCancel }: EditScopeDialogProps) {
  const [scope, setScope] = useState<EditScope>('this');
  function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation(); // React bubbles submit through the component tree: the dialog underneath must not see it
    onChoose(scope);
  }
  return (
    <Modal title={text.editScope.title} onClose={onCancel}>
      <form className="modal-body" onSubmit={submit} noValidate>
        <p>{intro}</p>
        <ScopeChoice value={scope} onChange={setScope} purpose="change" offered={offered} />
        {note === null ? null : <p className="field-hint">{text.editScope.notes[note]}</p>}
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            {text.app.cancel}
          </button>
          <button type="submit" className="primary">
            {text.editScope.confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
