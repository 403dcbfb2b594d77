import { useRef } from 'react';
import { EditScopeDialog } from '../appointment-dialog/EditScopeDialog';
import { scopeNote, scopesFor } from '../appointment-dialog/edit-scope';
import { useSaveBooking } from '../appointment-dialog/useSaveBooking';
import { useUndoSave } from '../appointment-dialog/useUndoSave';
import { useSeriesRule } from '../data/useSeriesRule';
import { useSeriesStart } from '../data/useSeriesStart';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import type { PendingOccurrenceMove } from './occurrence-move-store';
import { refusalSentence } from '../i18n';

/** Props of {@link OccurrenceMoveDialog}. */
export interface OccurrenceMoveDialogProps {
  pending: PendingOccurrenceMove;
  format: ClinicFormat;
  resourceNames: ReadonlyMap<string, string>;
  onClose(): void;
}

/**
 * After a series visit is dragged: asks which visits move (this one,
 * this and following, all), then saves through the same commands as the
 * edit dialog. The notice says what moved (with Undo for "this visit
 * only", as a single appointment's drag has) or, when refused, why (the
 * first conflict); the sheet only ever shows what is stored.
 *
 * @example <OccurrenceMoveDialog pending={pending} format={format} resourceNames={names} onClose={clear} />
 */
export function OccurrenceMoveDialog({ pending, format, resourceNames, onClose }: OccurrenceMoveDialogProps) {
  const save = useSaveBooking(format);
  const show = useNotices((state) => state.show);
  const undoSave = useUndoSave(format, (id) => resourceNames.get(id) ?? id);
  const timing = { seriesStart: useSeriesStart(pending.item.seriesId), seriesRule: useSeriesRule(pending.item.seriesId) };
  const { item, edit } = pending;
  const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;

  // A ref, not state: two quick Enters must not start two saves before a re-render.
  const saving = useRef(false);

  // The dialog stays open (modal, so no second drag can start) until the save
  // returns; a throw is a bug or a storage failure, told as such, never swallowed.
  async function choose(scope: 'this' | 'following' | 'all') {
    if (saving.current) return;
    saving.current = true;
    try {
      const outcome = await save(item, edit, scope, { ...timing, patientName: name });
      if (outcome.ok) {
        const { undo } = outcome;
        show(outcome.notice, undo ? { undo: () => void undoSave(undo, name) } : {});
      }
      else show(text.dayView.notMoved(name, refusalSentence(outcome.error, (id) => resourceNames.get(id) ?? id)), { tone: 'error' });
    } catch {
      show(text.app.unexpectedError, { tone: 'error' });
    } finally {
      saving.current = false;
      onClose();
    }
  }

  function cancel() {
    if (!saving.current) onClose();
  }

  return <EditScopeDialog intro={text.editScope.intro(name, format.shortDate(item.wallStart.slice(0, 10)))} offered={scopesFor(item, edit, timing)} note={scopeNote(item, edit, timing)} onChoose={(scope) => void choose(scope)} onCancel={cancel} />;
}
