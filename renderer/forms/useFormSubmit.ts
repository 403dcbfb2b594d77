import { useState } from 'react';
import type { FormEvent } from 'react';
import { submitForm } from './submit-form';
import type { SubmitFormSteps } from './submit-form';

/** What {@link useFormSubmit} gives a form. */
export interface FormSubmit {
  /** Sentences by field name; `form` for the form-level one. */
  errors: Record<string, string>;
  busy: boolean;
  /** The form's onSubmit. */
  submit(event: FormEvent): Promise<void>;
}

/**
 * The errors, busy flag and onSubmit of a form that saves through one command
 * (see {@link submitForm}). `save` is read at submit time, so it sees the
 * form's current values.
 *
 * @example const { errors, busy, submit } = useFormSubmit({ save: () => run('resource/save', values), errorsOf: (error) => errorsFor(error, formFields), onSaved: onClose });
 */
export function useFormSubmit<Refusal>(steps: Omit<SubmitFormSteps<Refusal>, 'setBusy' | 'setErrors'>): FormSubmit {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await submitForm({ ...steps, setBusy, setErrors });
  }
  return { errors, busy, submit };
}
