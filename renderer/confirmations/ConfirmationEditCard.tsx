import { useState } from 'react';
import { textLimits } from '../../core/model';
import { visitOfKey } from '../../core/confirmations';
import { useAppData } from '../data/useAppData';
import { useCommand } from '../data/useCommand';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import { text } from '../i18n';
import { SettleEditDialog } from '../needs-attention/SettleEditDialog';
import type { SettleAction } from '../needs-attention/SettleEditDialog';
import { useDeskLabel } from '../needs-attention/useDeskLabel';
import { readConfirmationEdits } from './confirmation-edits';
import type { OpenConfirmationEdit } from './confirmation-edits';

/**
 * The open confirmation edits, live, for Needs attention.
 *
 * @example const edits = useConfirmationEdits();
 */
export function useConfirmationEdits(): LiveResult<OpenConfirmationEdit[]> {
  const { db, deviceId } = useAppData();
  return useLiveQuery('confirmation-edits', () => readConfirmationEdits(db, deviceId));
}

/**
 * Two desks recorded different answers for one visit offline: "Front desk 2
 * recorded Declined while this desk recorded Confirmed". Keep the current
 * answer, or apply the other — `confirmation/set` with the other answer first
 * (the confirmation table applies), then `conflict/resolve` — each with a reason.
 *
 * @example <ConfirmationEditCard edit={edit} />
 */
export function ConfirmationEditCard({ edit }: { edit: OpenConfirmationEdit }) {
  const words = text.needsAttention;
  const desk = useDeskLabel();
  const settle = useSettleConfirmationEdit(edit);
  const [open, setOpen] = useState<SettleAction | null>(null);
  const title = text.confirmation.editTitle(edit.patientName ?? text.dayView.unknownPatient);
  const statuses = text.confirmation.statuses;
  return (
    <article className="conflict-card" aria-label={title} data-testid="confirmation-edit-card">
      <h2>{title}</h2>
      <p>{text.confirmation.editSentence(desk(edit.other), statuses[edit.other.status], desk(edit.kept), statuses[edit.kept.status])}</p>
      <span className="conflict-actions">
        <button type="button" onClick={() => setOpen('kept-current')}>
          {words.keepCurrent}
        </button>
        <button type="button" onClick={() => setOpen('applied-other')}>
          {words.applyOther}
        </button>
      </span>
      {open ? <SettleEditDialog action={open} reasonLimit={textLimits.confirmationNote} settle={(reason) => settle(open, reason)} onClose={() => setOpen(null)} /> : null}
    </article>
  );
}

/** Applying the other desk's answer records it first (the confirmation table applies), then closes the conflict. */
function useSettleConfirmationEdit(edit: OpenConfirmationEdit) {
  const run = useCommand();
  return async (action: SettleAction, reason: string) => {
    const other = edit.other.status;
    if (action === 'applied-other' && (other === 'confirmed' || other === 'declined' || other === 'no_answer')) {
      const set = await run('confirmation/set', { visit: visitOfKey(edit.recordId), to: other, note: reason });
      if (!set.ok) return set;
    }
    return run('conflict/resolve', { conflictId: edit.id, action, reason });
  };
}
