import { text } from '../i18n';

/** What a form's save answers: the engine's command result shape, value not needed. */
export type SaveOutcome<Refusal> = { ok: true } | { ok: false; error: Refusal };

/** The steps of {@link submitForm}: the form's save and where its outcome goes. */
export interface SubmitFormSteps<Refusal> {
  /** Sends the form (a command); answers ok or the refusal. */
  save(): Promise<SaveOutcome<Refusal>>;
  /** A refusal as sentences keyed by form field (e.g. `errorsFor(error, formFields)`). */
  errorsOf(refusal: Refusal): Record<string, string>;
  /** Called once the save went through (usually: close the form). */
  onSaved(): void;
  setBusy(busy: boolean): void;
  setErrors(errors: Record<string, string>): void;
}

/**
 * One form submission: busy and old errors cleared while it runs; on success
 * `onSaved`, on a refusal its sentences by field, and on anything thrown one
 * form-level sentence (`errors.form`), so a failure never leaves the form stuck
 * busy or silent.
 *
 * @example await submitForm({ save: () => run('closure/save', args), errorsOf: (error) => errorsFor(error, formFields), onSaved: onClose, setBusy, setErrors });
 */
export async function submitForm<Refusal>(steps: SubmitFormSteps<Refusal>): Promise<void> {
  steps.setBusy(true);
  steps.setErrors({});
  try {
    const result = await steps.save();
    if (result.ok) steps.onSaved();
    else steps.setErrors(steps.errorsOf(result.error));
  } catch {
    steps.setErrors({ form: text.app.unexpectedError });
  } finally {
    steps.setBusy(false);
  }
}
