import { useState } from 'react';
import type { Closure, Resource } from '../../core/model';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { todayIn } from '../dates/calendar-dates';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { useFormSubmit } from '../forms/useFormSubmit';
import { text } from '../i18n';

/** Props of {@link ClosureForm}. */
export interface ClosureFormProps {
  closure: Closure | null;
  resources: readonly Resource[];
  onClose(): void;
}

const formFields = ['startDate', 'endDate', 'resourceId', 'reason'];

/**
 * Add or edit a closure or holiday through `closure/save`: first and last
 * day (both included), the whole clinic or one resource, and the reason the
 * day sheet shows.
 *
 * @example <ClosureForm closure={null} resources={resources} onClose={close} />
 */
export function ClosureForm({ closure, resources, onClose }: ClosureFormProps) {
  const words = text.admin;
  const clinic = useClinic();
  const run = useCommand();
  const today = todayIn(clinic.timeZone, Date.now());
  const [form, setForm] = useState({
    // null until chosen: today on the clinic's calendar, whose zone may still be loading on the first render.
    startDate: (closure?.startDate ?? null) as string | null,
    endDate: (closure?.endDate ?? null) as string | null,
    resourceId: closure?.resourceId ?? '',
    reason: closure?.reason ?? '',
  });
  const { errors, busy, submit } = useFormSubmit({
    save: () =>
      run('closure/save', {
        ...(closure ? { id: closure.id } : {}),
        startDate: form.startDate ?? today,
        endDate: form.endDate ?? today,
        resourceId: form.resourceId || null,
        reason: form.reason,
      }),
    errorsOf: (error) => errorsFor(error, formFields),
    onSaved: onClose,
  });

  return (
    <Modal title={closure ? words.editClosure : words.addClosure} onClose={onClose}>
      <form className="modal-body" onSubmit={submit} noValidate>
        <div className="field-row">
          <Field label={text.fields.startDate} error={errors['startDate']}>
            <input type="date" value={form.startDate ?? today} onChange={(event) => setForm({ ...form, startDate: event.target.value })} data-autofocus />
          </Field>
          <Field label={text.fields.endDate} error={errors['endDate']}>
            <input type="date" value={form.endDate ?? today} onChange={(event) => setForm({ ...form, endDate: event.target.value })} />
          </Field>
        </div>
        <Field label={words.appliesTo} error={errors['resourceId']}>
          <select value={form.resourceId} onChange={(event) => setForm({ ...form, resourceId: event.target.value })}>
            <option value="">{words.wholeClinic}</option>
            {resources.map((resource) => (
              <option key={resource.id} value={resource.id}>
                {resource.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={text.fields.reason} error={errors['reason']} hint={words.reasonHint}>
          <input value={form.reason} onChange={(event) => setForm({ ...form, reason: event.target.value })} />
        </Field>
        <FormFooter error={errors['form']} busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
