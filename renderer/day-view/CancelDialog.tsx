import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DayItem } from '../data/day-sheet';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import type { StatusChanges } from './useStatusChange';

/** Props of {@link CancelDialog}. */
export interface CancelDialogProps {
  item: DayItem;
  format: ClinicFormat;
  status: StatusChanges;
  onClose(): void;
}

/**
 * Asks why before cancelling (the engine refuses a cancellation without a
 * reason; asking first saves the round trip).
 *
 * @example <CancelDialog item={item} format={format} status={status} onClose={close} />
 */
export function CancelDialog({ item, format, status, onClose }: CancelDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(text.validation['reason-required'](text.status.cancelReason));
      return;
    }
    setBusy(true);
    const done = await status.change(item, 'cancelled', reason.trim());
    setBusy(false);
    if (done) onClose();
  }

  return (
    <Modal title={text.status.cancelTitle} onClose={onClose}>
      <form onSubmit={submit} noValidate className="modal-body">
        <p>{text.status.cancelIntro(name, format.time(item.start))}</p>
        <Field label={text.status.cancelReason} error={error}>
          <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} data-autofocus />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {text.status.keepIt}
          </button>
          <button type="submit" className="danger" disabled={busy}>
            {text.status.cancelConfirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
