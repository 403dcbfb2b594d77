import { useState } from 'react';
import { checkDateOfBirth } from '../../core/model';
import type { Patient } from '../../core/model';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { todayIn } from '../dates/calendar-dates';
import { useCommand } from '../data/useCommand';
import { Field } from '../forms/Field';
import { errorsFor } from '../forms/field-errors';
import { text } from '../i18n';

const formFields = ['givenName', 'familyName', 'dateOfBirth', 'phone', 'mrn'];

/**
 * The form's warning for a date of birth that makes the patient older than
 * core/model's plausible age (a typed 1826 for 1926); a date after today is
 * not warned about here: the engine refuses it and the refusal shows as the error.
 */
function ageWarning(dateOfBirth: string, today: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || dateOfBirth > today) return undefined;
  const { warning, age } = checkDateOfBirth(dateOfBirth, today);
  return warning ? text.forms.oldDateOfBirth(age) : undefined;
}

/** Props of {@link QuickRegister}. */
export interface QuickRegisterProps {
  /** What was typed in the search box, split into given and family name as a head start. */
  typed: string;
  onRegistered(patient: Patient): void;
  onCancel(): void;
}

/**
 * Registers a patient without leaving the appointment dialog: the few fields
 * the desk needs at the counter, saved through `patient/register`, with each
 * refusal shown next to its field. Lives inside the dialog's form, so it
 * saves on its own button rather than on submit.
 *
 * @example <QuickRegister typed="Ada Lovelace" onRegistered={choose} onCancel={back} />
 */
export function QuickRegister({ typed, onRegistered, onCancel }: QuickRegisterProps) {
  const run = useCommand();
  const clinic = useClinic();
  const today = todayIn(clinic.timeZone, useNow());
  const words = /\d/.test(typed) ? [] : typed.trim().split(/\s+/).filter(Boolean);
  const [form, setForm] = useState({
    givenName: words.length > 1 ? words.slice(0, -1).join(' ') : (words[0] ?? ''),
    familyName: words.length > 1 ? (words.at(-1) ?? '') : '',
    dateOfBirth: '',
    phone: '',
    mrn: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const update = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });

  async function register() {
    setBusy(true);
    setErrors({});
    try {
      const result = await run('patient/register', form);
      if (result.ok) onRegistered(result.value);
      else setErrors(errorsFor(result.error, formFields));
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset
      className="quick-register"
      data-testid="quick-register"
      onKeyDown={(event) => {
        // Enter here registers the patient; it must not submit the booking form around it.
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          void register();
        }
      }}
    >
      <legend>{text.dialog.registerTitle}</legend>
      <div className="field-row">
        <Field label={text.fields.givenName} error={errors['givenName']}>
          <input name="givenName" value={form.givenName} onChange={update('givenName')} data-autofocus />
        </Field>
        <Field label={text.fields.familyName} error={errors['familyName']}>
          <input name="familyName" value={form.familyName} onChange={update('familyName')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label={text.fields.dateOfBirth} error={errors['dateOfBirth']} hint={ageWarning(form.dateOfBirth, today)}>
          <input name="dateOfBirth" type="date" max={today} value={form.dateOfBirth} onChange={update('dateOfBirth')} />
        </Field>
        <Field label={text.fields.phone} error={errors['phone']}>
          <input name="phone" type="tel" value={form.phone} onChange={update('phone')} />
        </Field>
        <Field label={text.fields.mrn} error={errors['mrn']}>
          <input name="mrn" value={form.mrn} onChange={update('mrn')} />
        </Field>
      </div>
      {errors['form'] ? <p className="form-error">{errors['form']}</p> : null}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {text.app.cancel}
        </button>
        <button type="button" className="primary" onClick={() => void register()} disabled={busy}>
          {text.dialog.registerSubmit}
        </button>
      </div>
    </fieldset>
  );
}
