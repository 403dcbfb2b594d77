import { useMemo, useState } from 'react';
import { resourceKinds } from '../../core/model';
import type { Resource, ResourceKind } from '../../core/model';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { useFormSubmit } from '../forms/useFormSubmit';
import { text } from '../i18n';

/** Props of {@link ResourceForm}. */
export interface ResourceFormProps {
  /** The resource to edit, or null for a new one of `kind`. */
  resource: Resource | null;
  kind: ResourceKind;
  onClose(): void;
}

const formFields = ['name', 'kind', 'capacity', 'timeZone', 'color', 'active'];
const defaultColour = '#1d4ed8';

/**
 * Add or edit a provider, room or piece of equipment through `resource/save`
 * (managers and admins). Problems appear next to the field the engine names.
 *
 * @example <ResourceForm resource={null} kind="room" onClose={close} />
 */
export function ResourceForm({ resource, kind, onClose }: ResourceFormProps) {
  const words = text.admin;
  const clinic = useClinic();
  const run = useCommand();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [form, setForm] = useState({
    name: resource?.name ?? '',
    kind: resource?.kind ?? kind,
    capacity: String(resource?.capacity ?? 1),
    // null until typed in: follows the clinic's zone, which may still be loading on the first render.
    timeZone: (resource?.timeZone ?? null) as string | null,
    useColour: resource?.color !== undefined,
    color: resource?.color ?? defaultColour,
    active: resource?.active ?? true,
  });
  const { errors, busy, submit } = useFormSubmit({
    save: () =>
      run('resource/save', {
        ...(resource ? { id: resource.id } : {}),
        name: form.name,
        kind: form.kind,
        capacity: form.capacity.trim() === '' ? Number.NaN : Number(form.capacity),
        timeZone: (form.timeZone ?? clinic.timeZone).trim(),
        ...(form.useColour ? { color: form.color } : {}),
        active: form.active,
      }),
    errorsOf: (error) => errorsFor(error, formFields),
    onSaved: onClose,
  });

  const title = resource ? words.editResource(resource.name) : words.addResource(text.resourceKinds[form.kind].one);
  return (
    <Modal title={title} onClose={onClose}>
      <form className="modal-body" onSubmit={submit} noValidate>
        <Field label={words.resourceName} error={errors['name']}>
          <input value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} data-autofocus required />
        </Field>
        <div className="field-row">
          <Field label={words.kind} error={errors['kind']}>
            <select value={form.kind} onChange={(event) => setForm({ ...form, kind: event.target.value as ResourceKind })}>
              {resourceKinds.map((option) => (
                <option key={option} value={option}>
                  {text.resourceKinds[option].one}
                </option>
              ))}
            </select>
          </Field>
          <Field label={words.capacity} error={errors['capacity']} hint={words.capacityHint}>
            <input type="number" min={1} max={1000} step={1} value={form.capacity} onChange={(event) => setForm({ ...form, capacity: event.target.value })} />
          </Field>
        </div>
        <Field label={text.fields.timeZone} error={errors['timeZone']} hint={words.zoneHint}>
          <input value={form.timeZone ?? clinic.timeZone} onChange={(event) => setForm({ ...form, timeZone: event.target.value })} list="admin-time-zones" />
        </Field>
        <datalist id="admin-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <div className="field-row admin-inline">
          <label className="checkbox">
            <input type="checkbox" checked={form.useColour} onChange={(event) => setForm({ ...form, useColour: event.target.checked })} /> {words.useColour}
          </label>
          {form.useColour ? (
            <Field label={words.colour} error={errors['color']}>
              <input type="color" value={form.color} onChange={(event) => setForm({ ...form, color: event.target.value })} />
            </Field>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={form.active} onChange={(event) => setForm({ ...form, active: event.target.checked })} /> {words.activeLabel}
          </label>
        </div>
        <FormFooter error={errors['form']} busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
