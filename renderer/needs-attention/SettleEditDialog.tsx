import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CommandResult } from '../../core/commands';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { text } from '../i18n';

/** How a concurrent edit is settled: keep this desk's version, or apply the other desk's. */
export type SettleAction = 'kept-current' | 'applied-other';

/** Props of {@link SettleEditDialog}. */
export interface SettleEditDialogProps {
  action: SettleAction;
  /** The reason's limit, as the commands that receive it check it. */
  reasonLimit: number;
  /** Runs the settlement with the trimmed reason (the record's own command first when applying the other, then `conflict/resolve`). */
  settle(reason: string): Promise<CommandResult<unknown>>;
  onClose(): void;
  onSettled?(): void;
}

/**
 * Asks for the reason behind settling a concurrent edit — of a booking, a
 * schedule block, a confirmation, a waitlist entry — and runs it. A blank
 * reason is refused here, before anything runs, so applying the other side
 * never saves the record and then fails to close the conflict. The engine's
 * refusal shows beside the reason or above the buttons.
 *
 * @example <SettleEditDialog action="applied-other" reasonLimit={textLimits.reason} settle={(reason) => resolve(edit, { action, reason })} onClose={close} />
 */
export function SettleEditDialog({ action, reasonLimit, settle, onClose, onSettled }: SettleEditDialogProps) {
  const words = text.needsAttention;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string | undefined; form?: string | undefined }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setErrors({ reason: text.validation['reason-required'](text.fields.reason) });
    setBusy(true);
    setErrors({});
    try {
      const result = await settle(reason.trim());
      if (!result.ok) {
        const byField = errorsFor(result.error, ['reason']);
        return setErrors(byField['reason'] ? { reason: byField['reason'] } : { form: result.error.message });
      }
      onSettled?.();
      onClose();
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={action === 'kept-current' ? words.keepCurrentTitle : words.applyOtherTitle} onClose={onClose}>
      <form className="modal-body resolve-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={words.reason} hint={words.editReasonHint} error={errors.reason} count={{ value: reason, limit: reasonLimit }}>
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
