import { textLimits } from '../../core/model';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import type { OpenEdit } from './open-edits';
import { useResolveEdit } from './useResolveEdit';

/** Props of {@link EditResolveDialog}. */
export interface EditResolveDialogProps {
  edit: OpenEdit;
  action: 'kept-current' | 'applied-other';
  onClose: () => void;
}

/**
 * Asks for the reason behind settling a concurrent edit and runs it; the
 * engine's refusal (no reason, a status the state machine no longer allows,
 * the other time taken now) shows beside the reason or above the buttons.
 *
 * @example <EditResolveDialog edit={edit} action="applied-other" onClose={close} />
 */
export function EditResolveDialog({ edit, action, onClose }: EditResolveDialogProps) {
  const resolve = useResolveEdit();
  const showNotice = useNotices((state) => state.show);
  const words = text.needsAttention;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await resolve(edit, { action, reason });
    setBusy(false);
    if (!result.ok) {
      const byField = errorsFor(result.error, ['reason']);
      setErrors(byField['reason'] ? { reason: byField['reason'] } : { form: result.error.message });
      return;
    }
    showNotice(action === 'kept-current' ? words.resolvedKeptCurrent : words.resolvedAppliedOther);
    onClose();
  }

  return (
    <Modal title={action === 'kept-current' ? words.keepCurrentTitle : words.applyOtherTitle} onClose={onClose}>
      <form className="modal-body resolve-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={words.reason} hint={words.editReasonHint} error={errors.reason} count={{ value: reason, limit: textLimits.reason }}>
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} data-autofocus />
        </Field>
        <FormFooter
          error={errors.form}
          busy={busy}
          onCancel={onClose}
          cancelLabel={words.back}
          submitLabel={action === 'kept-current' ? words.confirmKeepCurrent : words.confirmApplyOther}
        />
      </form>
    </Modal>
  );
}
