import { useMemo, useState } from 'react';
import { textLimits } from '../../core/model';
import type { Resource, ScheduleBlock } from '../../core/model';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { todayIn } from '../dates/calendar-dates';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { useFormSubmit } from '../forms/useFormSubmit';
import { clinicFormat, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { useWaitlistDesk } from '../waitlist/waitlist-store';
import { describeBlock } from './block-words';
import { ScheduleImpact } from './ScheduleImpact';
import { useSchedulePreview } from './useSchedulePreview';

/** Props of {@link EndBlockDialog}. */
export interface EndBlockDialogProps {
  resource: Resource;
  block: ScheduleBlock;
  /** `end`: a repeating block stops after a day (`schedule/end-block`); `remove`: it goes (`schedule/remove-block`). */
  mode: 'end' | 'remove';
  onClose(): void;
}

/**
 * Ends a repeating block after a chosen day, or removes a block, with the
 * reason kept in the audit log — after listing the booked visits that would
 * then be outside the hours (they stay booked and go to Needs attention).
 *
 * @example <EndBlockDialog resource={drLee} block={rota} mode="end" onClose={close} />
 */
export function EndBlockDialog({ resource, block, mode, onClose }: EndBlockDialogProps) {
  const words = text.schedule;
  const clinic = useClinic();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const today = todayIn(resource.timeZone, Date.now());
  const [lastDate, setLastDate] = useState(today);
  const [reason, setReason] = useState('');
  const run = useCommand();
  const preview = useSchedulePreview(mode === 'end' ? { kind: 'end', id: block.id, lastDate } : { kind: 'remove', id: block.id }, today);
  const { errors, busy, submit } = useFormSubmit({
    save: async () => {
      const extra = reason.trim() ? { reason } : {};
      const result = mode === 'end' ? await run('schedule/end-block', { id: block.id, lastDate, ...extra }) : await run('schedule/remove-block', { id: block.id, ...extra });
      if (result.ok && result.value.displaced.length > 0) useNotices.getState().show(words.savedDisplaced(result.value.displaced.length));
      // A blockout or leave ended or removed gives its time back: matched against the waitlist at once.
      if (result.ok) useWaitlistDesk.getState().report(result.value.freed);
      return result;
    },
    errorsOf: (error) => errorsFor(error, ['lastDate', 'reason', 'id', 'session']),
    onSaved: onClose,
  });
  return (
    <Modal title={mode === 'end' ? words.endTitle : words.removeTitle} onClose={onClose} className="modal-wide">
      <form className="modal-body" onSubmit={submit} noValidate data-testid="end-block-form">
        <p>{describeBlock(block, format, today)}</p>
        {mode === 'end' ? (
          <Field label={words.lastDayItHappens} error={errors['lastDate']} hint={words.lastDayHint}>
            <input type="date" value={lastDate} onChange={(event) => setLastDate(event.target.value)} data-autofocus />
          </Field>
        ) : null}
        <Field count={{ value: reason, limit: textLimits.reason }} label={words.changeReason} error={errors['reason']} hint={words.changeReasonHint}>
          <input value={reason} onChange={(event) => setReason(event.target.value)} {...(mode === 'remove' ? { 'data-autofocus': true } : {})} />
        </Field>
        <ScheduleImpact state={preview} resource={resource} format={format} showHours />
        <FormFooter error={errors['form'] ?? errors['id'] ?? errors['session']} busy={busy} onCancel={onClose} submitLabel={mode === 'end' ? words.endAction : words.removeAction} tone="danger" />
      </form>
    </Modal>
  );
}
