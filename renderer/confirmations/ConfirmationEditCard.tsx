import { useState } from 'react';
import { textLimits } from '../../core/model';
import type { FormEvent } from 'react';
import { visitOfKey } from '../../core/confirmations';
import { useAppData } from '../data/useAppData';
import { useCommand } from '../data/useCommand';
import { useLiveQuery } from '../data/useLiveQuery';
import type { LiveResult } from '../data/useLiveQuery';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { text } from '../i18n';
import { useDeskNames } from '../sync/useDeskNames';
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
  const deskNames = useDeskNames();
  const [open, setOpen] = useState<'kept-current' | 'applied-other' | null>(null);
  const desk = (side: { deviceId: string; own: boolean }) => {
    const name = deskNames[side.deviceId]?.trim();
    if (side.own) return name ? `${words.thisDesk} (${name})` : words.thisDesk;
    return name ? words.otherDesk(name) : words.unnamedDesk(side.deviceId);
  };
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
      {open ? <ResolveDialog edit={edit} action={open} onClose={() => setOpen(null)} /> : null}
    </article>
  );
}

function ResolveDialog({ edit, action, onClose }: { edit: OpenConfirmationEdit; action: 'kept-current' | 'applied-other'; onClose(): void }) {
  const words = text.needsAttention;
  const run = useCommand();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setErrors({ reason: text.validation['reason-required'](text.fields.reason) });
    setBusy(true);
    setErrors({});
    try {
      const other = edit.other.status;
      if (action === 'applied-other' && (other === 'confirmed' || other === 'declined' || other === 'no_answer')) {
        const set = await run('confirmation/set', { visit: visitOfKey(edit.recordId), to: other, note: reason.trim() });
        if (!set.ok) return setErrors({ form: Object.values(errorsFor(set.error, []))[0] ?? text.app.unexpectedError });
      }
      const resolved = await run('conflict/resolve', { conflictId: edit.id, action, reason: reason.trim() });
      if (resolved.ok) onClose();
      else setErrors(errorsFor(resolved.error, ['reason']));
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title={action === 'kept-current' ? words.keepCurrentTitle : words.applyOtherTitle} onClose={onClose}>
      <form className="modal-body" onSubmit={(event) => void submit(event)} noValidate>
        <Field count={{ value: reason, limit: textLimits.confirmationNote }} label={text.fields.reason} error={errors['reason']} hint={words.editReasonHint}>
          <input value={reason} onChange={(event) => setReason(event.target.value)} data-autofocus />
        </Field>
        <FormFooter error={errors['form']} busy={busy} onCancel={onClose} submitLabel={action === 'kept-current' ? words.confirmKeepCurrent : words.confirmApplyOther} />
      </form>
    </Modal>
  );
}
