import { textLimits } from '../../core/model';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import type { ConflictAppointment, OpenConflict } from './open-conflicts';
import type { ConflictDecision } from './resolve-conflict';
import { useResolveConflict } from './useResolveConflict';

/** Which way the conflict is being settled. */
export type ResolveMode = 'cancel' | 'reschedule' | 'keep-both';

/** Props of {@link ResolveDialog}. */
export interface ResolveDialogProps {
  conflict: OpenConflict;
  mode: ResolveMode;
  /** The appointment cancelled or moved (null for keep-both). */
  appointment: ConflictAppointment | null;
  onClose: () => void;
}

/**
 * Asks what settling the conflict needs — a reason to cancel, a new date and
 * time to reschedule, a manager's reason to keep both — and runs it; the
 * engine's refusal shows beside the field it names.
 *
 * @example <ResolveDialog conflict={conflict} mode="cancel" appointment={conflict.appointments[1]} onClose={close} />
 */
export function ResolveDialog({ conflict, mode, appointment, onClose }: ResolveDialogProps) {
  const resolve = useResolveConflict();
  const showNotice = useNotices((state) => state.show);
  const words = text.needsAttention;
  const patient = appointment?.patientName ?? words.unknownPatient;
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(appointment?.wallStart?.slice(0, 10) ?? '');
  const [time, setTime] = useState(appointment?.wallStart?.slice(11, 16) ?? '');
  const [errors, setErrors] = useState<{ reason?: string; when?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    let decision: ConflictDecision;
    if (mode === 'keep-both') decision = { action: 'kept-both', reason };
    else if (!appointment) return;
    else if (mode === 'cancel') decision = { action: 'cancelled', appointmentId: appointment.id, reason };
    else decision = { action: 'rescheduled', appointmentId: appointment.id, wallStart: `${date}T${time}`, reason: reason.trim() || words.rescheduleReason(`${date} ${time}`) };
    setBusy(true);
    const result = await resolve(conflict.id, decision);
    setBusy(false);
    if (!result.ok) {
      // A booking conflict (the new time is taken too) has no field: its message names the clash.
      const byField = errorsFor(result.error, ['reason', 'wallStart']);
      setErrors(byField['reason'] ? { reason: byField['reason'] } : byField['wallStart'] ? { when: byField['wallStart'] } : { form: result.error.message });
      return;
    }
    showNotice(mode === 'cancel' ? words.resolvedCancelled(patient) : mode === 'reschedule' ? words.resolvedRescheduled(patient) : words.resolvedKeptBoth);
    onClose();
  }

  const title = mode === 'cancel' ? words.cancelTitle(patient) : mode === 'reschedule' ? words.rescheduleTitle(patient) : words.keepBothTitle;
  return (
    <Modal title={title} onClose={onClose}>
      <form className="modal-body resolve-form" onSubmit={(event) => void submit(event)} noValidate>
        {mode === 'reschedule' ? (
          <>
            <Field label={words.newDate} error={errors.when}>
              <input type="date" value={date} onChange={(event) => setDate(event.target.value)} required />
            </Field>
            <Field label={words.newTime}>
              <input type="time" value={time} onChange={(event) => setTime(event.target.value)} step={300} required />
            </Field>
          </>
        ) : null}
        <Field label={words.reason} hint={mode === 'keep-both' ? words.keepBothHint : mode === 'cancel' ? words.cancelReasonHint : undefined} error={errors.reason} count={{ value: reason, limit: textLimits.reason }}>
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} data-autofocus={mode === 'reschedule' ? undefined : true} />
        </Field>
        <FormFooter
          error={errors.form}
          busy={busy}
          onCancel={onClose}
          cancelLabel={words.back}
          tone={mode === 'cancel' ? 'danger' : 'primary'}
          submitLabel={mode === 'cancel' ? words.confirmCancel : mode === 'reschedule' ? words.confirmReschedule : words.confirmKeepBoth}
        />
      </form>
    </Modal>
  );
}
