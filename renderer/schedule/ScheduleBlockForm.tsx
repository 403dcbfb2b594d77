import { useId, useMemo, useState } from 'react';
import type { CalendarDate, Resource, ScheduleBlock, ScheduleBlockKind } from '../../core/model';
import { scheduleBlockKinds, textLimits } from '../../core/model';
import { describeRule } from '../../core/recurrence';
import { repeatKinds } from '../appointment-dialog/repeat-plan';
import { RepeatFields } from '../appointment-dialog/RepeatFields';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { todayIn } from '../dates/calendar-dates';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { useFormSubmit } from '../forms/useFormSubmit';
import { clinicFormat, problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { useWaitlistDesk } from '../waitlist/waitlist-store';
import { ScheduleImpact } from './ScheduleImpact';
import { draftFromForm, emptyForm, formFromBlock } from './schedule-form';
import type { BlockForm } from './schedule-form';
import { useSchedulePreview } from './useSchedulePreview';

/** Props of {@link ScheduleBlockForm}. */
export interface ScheduleBlockFormProps {
  resource: Resource;
  /** The block edited, or null for a new one. */
  block: ScheduleBlock | null;
  /** A new block's kind and day. */
  kind?: ScheduleBlockKind;
  date?: CalendarDate;
  /** A one-day change from the day sheet: no repeat, only changed hours, a blockout or leave. */
  oneDay?: boolean;
  /** Blockout types the clinic already uses, offered as suggestions. */
  blockoutTypes?: readonly string[];
  onClose(): void;
}

const formFields = ['kind', 'wallStart', 'wallEnd', 'rrule', 'repeat', 'exdates', 'label', 'blockoutType', 'enforcement', 'reason', 'resourceId', 'session'];
const oneDayKinds: readonly ScheduleBlockKind[] = ['override', 'blockout', 'leave'];

/**
 * Add or edit one schedule block through `schedule/save-block` (issue 12):
 * working time, changed hours for a day (or a day off), a break, a blockout
 * (its type, hard or soft) or leave (whole days or part of a day, with a
 * reason); times on the resource's clock; a repeat from the appointment
 * dialog's builder (leave must end). Before saving it lists the booked visits
 * the change would leave outside the hours, says where leave wins, and
 * (Administration) shows the next four weeks of hours.
 *
 * @example <ScheduleBlockForm resource={drLee} block={null} kind="leave" date="2026-12-28" onClose={close} />
 */
export function ScheduleBlockForm({ resource, block, kind, date, oneDay = false, blockoutTypes = [], onClose }: ScheduleBlockFormProps) {
  const words = text.schedule;
  const clinic = useClinic();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const today = todayIn(resource.timeZone, Date.now());
  const [form, setForm] = useState<BlockForm>(() => (block ? formFromBlock(block) : emptyForm(kind ?? (oneDay ? 'override' : 'working'), date ?? today)));
  const [changeReason, setChangeReason] = useState('');
  const set = (change: Partial<BlockForm>) => setForm((current) => ({ ...current, ...change }));
  const run = useCommand();
  const id = useId();
  const built = draftFromForm(form, resource.id, block?.id);
  const preview = useSchedulePreview(built.ok ? { kind: 'save', block: built.draft } : null, today);
  const { errors, busy, submit } = useFormSubmit({
    save: async () => {
      if (!built.ok) return { ok: false as const, error: built.problem };
      const saved = await run('schedule/save-block', { block: built.draft, ...(changeReason.trim() ? { reason: changeReason } : {}) });
      if (saved.ok && saved.value.displaced.length > 0) useNotices.getState().show(words.savedDisplaced(saved.value.displaced.length));
      // Longer hours, a blockout or leave taken away: the time it gave back is matched against the waitlist at once.
      if (saved.ok) useWaitlistDesk.getState().report(saved.value.freed);
      return saved;
    },
    errorsOf: (error) => errorsFor(error, formFields),
    onSaved: onClose,
  });
  const kinds = oneDay ? oneDayKinds : scheduleBlockKinds;
  const timed = !(form.kind === 'override' && form.dayOff) && !form.wholeDays;
  const repeatError = errors['repeat'] ?? errors['rrule'] ?? (built.ok ? undefined : problemSentence(built.problem));
  const title = block ? words.editTitle(words.kinds[block.kind], resource.name) : oneDay ? words.oneDayTitle(resource.name, format.longDate(form.date)) : words.addTitle(resource.name);

  return (
    <Modal title={title} onClose={onClose} className="modal-wide">
      <form className="modal-body schedule-form" onSubmit={submit} noValidate data-testid="schedule-form">
        {block ? (
          <p className="field-hint">{words.kinds[block.kind]}</p>
        ) : (
          <Field label={words.kindLabel} error={errors['kind']}>
            <select value={form.kind} onChange={(event) => setForm({ ...emptyForm(event.target.value as ScheduleBlockKind, form.date), label: form.label })} data-autofocus>
              {kinds.map((option) => (
                <option key={option} value={option}>
                  {words.kindChoices[option]}
                </option>
              ))}
            </select>
          </Field>
        )}
        <p className="field-hint">{words.kindHints[form.kind]}</p>
        <div className="field-row">
          <Field label={form.wholeDays ? words.firstDay : words.day} error={errors['wallStart']}>
            <input type="date" value={form.date} onChange={(event) => set({ date: event.target.value, ...(form.lastDate < event.target.value ? { lastDate: event.target.value } : {}) })} />
          </Field>
          {form.kind === 'leave' || form.kind === 'blockout' ? (
            <label className="checkbox">
              <input type="checkbox" checked={form.wholeDays} onChange={(event) => set({ wholeDays: event.target.checked })} /> {words.wholeDays}
            </label>
          ) : null}
          {form.kind === 'override' ? (
            <label className="checkbox">
              <input type="checkbox" checked={form.dayOff} onChange={(event) => set({ dayOff: event.target.checked })} /> {words.dayOffChoice}
            </label>
          ) : null}
          {form.wholeDays ? (
            <Field label={words.lastDay} error={errors['wallEnd']}>
              <input type="date" value={form.lastDate} min={form.date} onChange={(event) => set({ lastDate: event.target.value })} />
            </Field>
          ) : null}
        </div>
        {timed ? (
          <div className="field-row">
            <Field label={words.startTime}>
              <input type="time" value={form.start} onChange={(event) => set({ start: event.target.value })} />
            </Field>
            <Field label={words.endTime} error={errors['wallEnd']} hint={form.end <= form.start ? words.endsNextDay : undefined}>
              <input type="time" value={form.end} onChange={(event) => set({ end: event.target.value })} />
            </Field>
          </div>
        ) : null}
        {form.kind === 'blockout' ? (
          <>
            <Field count={{ value: form.blockoutType, limit: textLimits.blockoutType }} label={words.blockoutType} error={errors['blockoutType']} hint={words.blockoutTypeHint}>
              <input value={form.blockoutType} onChange={(event) => set({ blockoutType: event.target.value })} list={`${id}-types`} />
            </Field>
            <datalist id={`${id}-types`}>
              {blockoutTypes.map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
            <div className="field-row" role="radiogroup" aria-label={words.force}>
              <label className="checkbox">
                <input type="radio" name={`${id}-force`} checked={form.enforcement === 'hard'} onChange={() => set({ enforcement: 'hard' })} /> {words.hardChoice}
              </label>
              <label className="checkbox">
                <input type="radio" name={`${id}-force`} checked={form.enforcement === 'soft'} onChange={() => set({ enforcement: 'soft' })} /> {words.softChoice}
              </label>
            </div>
          </>
        ) : null}
        {form.kind === 'leave' ? (
          <Field count={{ value: form.reason, limit: textLimits.leaveReason }} label={words.leaveReason} error={errors['reason']} hint={words.leaveReasonHint}>
            <input value={form.reason} onChange={(event) => set({ reason: event.target.value })} />
          </Field>
        ) : null}
        <Field count={{ value: form.label, limit: textLimits.blockLabel }} label={words.label} error={errors['label']} hint={words.labelHint}>
          <input value={form.label} onChange={(event) => set({ label: event.target.value })} />
        </Field>
        {form.customRule !== undefined && form.repeat.kind === 'none' ? <p className="field-hint">{words.customRule(describeRule(form.customRule, undefined, text.recurrence))}</p> : null}
        {oneDay ? null : (
          <RepeatFields
            choice={form.repeat}
            onChange={(repeat) => set({ repeat })}
            plan={built.ok && built.plan ? built.plan : { ok: true, rrule: null, summary: '', preview: [], more: false }}
            firstDate={form.date}
            error={repeatError}
            kinds={repeatKinds}
            ends={form.kind === 'leave' ? ['after', 'on'] : ['after', 'on', 'never']}
          />
        )}
        <Field count={{ value: changeReason, limit: textLimits.reason }} label={words.changeReason} hint={words.changeReasonHint}>
          <input value={changeReason} onChange={(event) => setChangeReason(event.target.value)} />
        </Field>
        <ScheduleImpact state={preview} resource={resource} format={format} showHours={!oneDay} />
        <FormFooter error={errors['form'] ?? errors['session'] ?? errors['resourceId']} busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
