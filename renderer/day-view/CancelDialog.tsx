import { textLimits } from '../../core/model';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { needsScope } from '../appointment-dialog/edit-scope';
import type { EditScope } from '../appointment-dialog/edit-scope';
import { ScopeChoice } from '../appointment-dialog/ScopeChoice';
import type { DayItem } from '../data/day-sheet';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { useCancelSeriesVisits } from './useCancelSeriesVisits';
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
 * reason; asking first saves the round trip). For a series visit it also
 * asks which visits: this one, this and following, or all that have not
 * happened yet.
 *
 * @example <CancelDialog item={item} format={format} status={status} onClose={close} />
 */
export function CancelDialog({ item, format, status, onClose }: CancelDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [scope, setScope] = useState<EditScope>('this');
  const cancelVisits = useCancelSeriesVisits(format);
  const series = needsScope(item);
  const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(text.validation['reason-required'](text.status.cancelReason));
      return;
    }
    setBusy(true);
    // Busy until the save returns, whatever happens: a throw must not leave the button disabled for good.
    try {
      if (series && scope !== 'this') {
        const problem = await cancelVisits(item, scope, reason.trim());
        if (problem === null) onClose();
        else setError(problem);
        return;
      }
      if (await status.change(item, 'cancelled', reason.trim())) onClose();
    } catch {
      setError(text.app.unexpectedError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={series ? text.editScope.cancelTitle : text.status.cancelTitle} onClose={onClose}>
      <form onSubmit={submit} noValidate className="modal-body">
        <p>{text.status.cancelIntro(name, format.time(item.start))}</p>
        {series ? <ScopeChoice value={scope} onChange={setScope} purpose="cancel" autoFocus={false} /> : null}
        <Field label={text.status.cancelReason} error={error} count={{ value: reason, limit: textLimits.reason }}>
          <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} data-autofocus />
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
