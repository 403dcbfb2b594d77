import { useMemo, useState } from 'react';
import { textLimits } from '../../core/model';
import type { FormEvent } from 'react';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { todayIn } from '../dates/calendar-dates';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { clinicFormat, text } from '../i18n';
import { useDeskNames } from '../sync/useDeskNames';
import { describeBlock } from './block-words';
import type { OpenScheduleEdit } from './schedule-edits';

/**
 * Two desks changed the same block of a schedule offline: "Front desk 2
 * changed it to … while this desk changed it to …". Keep the current one,
 * or apply the other — `schedule/save-block` with the other desk's values
 * first (planned and audited like any change), then `conflict/resolve` —
 * each with a reason.
 *
 * @example <ScheduleEditCard edit={edit} />
 */
export function ScheduleEditCard({ edit }: { edit: OpenScheduleEdit }) {
  const words = text.needsAttention;
  const { locale, timeZone } = useClinic();
  const format = useMemo(() => clinicFormat(locale, timeZone), [locale, timeZone]);
  const deskNames = useDeskNames();
  const [open, setOpen] = useState<'kept-current' | 'applied-other' | null>(null);
  const today = todayIn(timeZone, Date.now());
  const desk = (side: { deviceId: string; own: boolean }) => {
    const name = deskNames[side.deviceId]?.trim();
    if (side.own) return name ? `${words.thisDesk} (${name})` : words.thisDesk;
    return name ? words.otherDesk(name) : words.unnamedDesk(side.deviceId);
  };
  const name = edit.resource?.name ?? '';
  const title = text.schedule.editConflictTitle(name);
  const sentence = text.schedule.editConflictSentence(desk(edit.other), describeBlock(edit.other.block, format, today), desk(edit.kept), describeBlock(edit.kept.block, format, today));
  return (
    <article className="conflict-card" aria-label={title} data-testid="schedule-edit-card">
      <h2>{title}</h2>
      <p>{sentence}</p>
      <p className="conflict-desks">{words.editKeptNote(desk(edit.kept))}</p>
      <span className="conflict-actions">
        <button type="button" onClick={() => setOpen('kept-current')}>
          {words.keepCurrent}
        </button>
        <button type="button" onClick={() => setOpen('applied-other')}>
          {words.applyOther}
        </button>
      </span>
      {open ? <ScheduleResolveDialog edit={edit} action={open} onClose={() => setOpen(null)} /> : null}
    </article>
  );
}

function ScheduleResolveDialog({ edit, action, onClose }: { edit: OpenScheduleEdit; action: 'kept-current' | 'applied-other'; onClose(): void }) {
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
      if (action === 'applied-other') {
        const saved = await run('schedule/save-block', { block: edit.otherDraft, reason: reason.trim() });
        if (!saved.ok) return setErrors({ form: Object.values(errorsFor(saved.error, []))[0] ?? text.app.unexpectedError });
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
        <Field count={{ value: reason, limit: textLimits.reason }} label={text.fields.reason} error={errors['reason']} hint={words.editReasonHint}>
          <input value={reason} onChange={(event) => setReason(event.target.value)} data-autofocus />
        </Field>
        <FormFooter error={errors['form']} busy={busy} onCancel={onClose} submitLabel={action === 'kept-current' ? words.confirmKeepCurrent : words.confirmApplyOther} />
      </form>
    </Modal>
  );
}
