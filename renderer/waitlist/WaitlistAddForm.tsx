import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Patient, Resource, WaitlistEntry, WaitlistPriority } from '../../core/model';
import { waitlistPriorities } from '../../core/model';
import { PatientPicker } from '../appointment-dialog/PatientPicker';
import { useCommand } from '../data/useCommand';
import { Field } from '../forms/Field';
import { FormError } from '../forms/FormError';
import type { ClinicFormat } from '../i18n';
import { liveMessages, problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { ChoiceGroup } from '../openings/ChoiceGroup';
import { emptyWaitlistForm, formFieldOf, formFromEntry, waitlistAddArgs, waitlistUpdateArgs } from './waitlist-form';
import type { WaitlistField, WaitlistForm } from './waitlist-form';

const words = liveMessages('waitlist');
const isoWeekdays = [1, 2, 3, 4, 5, 6, 7];
const toggled = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((other) => other !== value));

/**
 * Adds a patient to the waitlist (`waitlist/add`): the patient typeahead,
 * providers (none ticked: any), length, reason, priority, earliest/latest
 * dates and days. Given an `entry`, the same form filled in with its wants
 * changes them (`waitlist/update`; its times of day are kept). The
 * command's refusal is shown beside the field it names.
 *
 * @example <WaitlistAddForm providers={providers} format={format} onDone={close} />
 * @example <WaitlistAddForm entry={entry} patient={patient} providers={providers} format={format} onDone={close} />
 */
export function WaitlistAddForm({ entry, patient, providers, format, onDone }: { entry?: WaitlistEntry; patient?: Patient | undefined; providers: readonly Resource[]; format: ClinicFormat; onDone(): void }) {
  const run = useCommand();
  const show = useNotices((state) => state.show);
  const [form, setForm] = useState<WaitlistForm>(() => (entry ? formFromEntry(entry, patient ?? null) : emptyWaitlistForm()));
  const [errors, setErrors] = useState<Partial<Record<WaitlistField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const change = (part: Partial<WaitlistForm>) => setForm((current) => ({ ...current, ...part }));
  const title = entry ? words.editTitle : words.addTitle;

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = entry ? await run('waitlist/update', waitlistUpdateArgs(entry.id, form)) : await run('waitlist/add', waitlistAddArgs(form));
    if (!result.ok) {
      const error = result.error;
      const field = 'field' in error ? formFieldOf(error.field) : null;
      const sentence = 'field' in error && field ? text.validation[error.code](words.fields[field]) : 'field' in error ? problemSentence(error) : error.message;
      setErrors(field ? { [field]: sentence } : {});
      setFormError(field ? undefined : sentence);
      return;
    }
    const name = form.patient ? text.patientName(form.patient) : '';
    show(entry ? words.updated(name) : words.added(name));
    onDone();
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={title} data-testid={entry ? 'waitlist-edit' : 'waitlist-add'}>
      <h3>{title}</h3>
      <PatientPicker patient={form.patient} onChoose={(patient) => change({ patient })} format={format} error={errors.patient} />
      <ChoiceGroup legend={words.fields.providers} error={errors.providers} hint={words.providersHint}>
        {providers.map((provider) => (
          <label className="checkbox" key={provider.id}>
            <input type="checkbox" name="providers" value={provider.id} checked={form.providerIds.includes(provider.id)} onChange={(event) => change({ providerIds: toggled(form.providerIds, provider.id, event.target.checked) })} />{' '}
            {provider.name}
          </label>
        ))}
      </ChoiceGroup>
      <Field label={words.fields.length} error={errors.length}>
        <input name="length" inputMode="numeric" value={form.length} onChange={(event) => change({ length: event.target.value })} />
      </Field>
      <Field label={words.fields.reason} error={errors.reason}>
        <input name="reason" value={form.reason} onChange={(event) => change({ reason: event.target.value })} />
      </Field>
      <Field label={words.fields.priority} error={errors.priority}>
        <select name="priority" value={form.priority} onChange={(event) => change({ priority: event.target.value as WaitlistPriority })}>
          {waitlistPriorities.map((priority) => (
            <option key={priority} value={priority}>
              {words.priorities[priority]}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field label={words.fields.earliestDate} error={errors.earliestDate}>
          <input type="date" name="earliestDate" value={form.earliestDate} onChange={(event) => change({ earliestDate: event.target.value })} />
        </Field>
        <Field label={words.fields.latestDate} error={errors.latestDate}>
          <input type="date" name="latestDate" value={form.latestDate} onChange={(event) => change({ latestDate: event.target.value })} />
        </Field>
      </div>
      <ChoiceGroup legend={words.fields.weekdays} error={errors.weekdays} hint={words.weekdaysHint}>
        {isoWeekdays.map((day) => (
          <label className="checkbox" key={day}>
            <input type="checkbox" name="weekdays" value={day} checked={form.weekdays.includes(day)} onChange={(event) => change({ weekdays: toggled(form.weekdays, day, event.target.checked) })} />{' '}
            {/* 2024-01-01 was a Monday: ISO weekday n is n − 1 days later. */}
            {format.weekday(`2024-01-0${day}`)}
          </label>
        ))}
      </ChoiceGroup>
      <Field label={words.fields.note} error={errors.note}>
        <textarea name="note" value={form.note} onChange={(event) => change({ note: event.target.value })} />
      </Field>
      <FormError message={formError} />
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          {words.cancelAdd}
        </button>
        <button type="submit" className="primary">
          {entry ? words.saveEdit : words.save}
        </button>
      </div>
    </form>
  );
}
