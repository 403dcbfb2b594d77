import { EditScopeDialog } from '../appointment-dialog/EditScopeDialog';
import { scopesFor } from '../appointment-dialog/edit-scope';
import { useSaveBooking } from '../appointment-dialog/useSaveBooking';
import { useSeriesStart } from '../data/useSeriesStart';
import type { ClinicFormat } from '../i18n';
import { conflictSentence, problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import type { PendingOccurrenceMove } from './occurrence-move-store';

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
 * edit dialog. The notice says what moved or, when refused, why (the
 * first conflict); the sheet only ever shows what is stored.
 *
 * @example <OccurrenceMoveDialog pending={pending} format={format} resourceNames={names} onClose={clear} />
 */
export function OccurrenceMoveDialog({ pending, format, resourceNames, onClose }: OccurrenceMoveDialogProps) {
  const save = useSaveBooking(format);
  const show = useNotices((state) => state.show);
  const seriesStart = useSeriesStart(pending.item.seriesId);
  const { item, edit } = pending;
  const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;

  async function choose(scope: 'this' | 'following' | 'all') {
    onClose();
    const outcome = await save(item, edit, scope, { seriesStart, patientName: name });
    if (outcome.ok) {
      show(outcome.notice);
      return;
    }
    const error = outcome.error;
    const first = error.code === 'booking-conflict' ? error.hard[0] : undefined;
    const reason = error.code === 'booking-conflict' ? (first ? conflictSentence(first, (id) => resourceNames.get(id) ?? id) : error.message) : problemSentence(error);
    show(text.dayView.notMoved(name, reason), { tone: 'error' });
  }

  return <EditScopeDialog intro={text.editScope.intro(name, format.shortDate(item.wallStart.slice(0, 10)))} offered={scopesFor(item, edit, seriesStart)} onChoose={(scope) => void choose(scope)} onCancel={onClose} />;
}
