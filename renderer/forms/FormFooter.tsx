import { text } from '../i18n';
import { FormError } from './FormError';

/** Props of {@link FormFooter}. */
export interface FormFooterProps {
  /** The form-level problem (`errors.form`), shown above the buttons. */
  error?: string | undefined;
  /** While saving: the submit button is disabled and says so. */
  busy: boolean;
  onCancel(): void;
  /** Default: "Save", or "Saving…" while busy. */
  submitLabel?: string;
  /** Default: disabled while busy. */
  submitDisabled?: boolean;
}

/**
 * The end of a dialog form: its form-level error, then Cancel and the primary
 * submit button.
 *
 * @example <FormFooter error={errors['form']} busy={busy} onCancel={onClose} />
 */
export function FormFooter({ error, busy, onCancel, submitLabel, submitDisabled }: FormFooterProps) {
  return (
    <>
      <FormError message={error} />
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {text.app.cancel}
        </button>
        <button type="submit" className="primary" disabled={submitDisabled ?? busy}>
          {submitLabel ?? (busy ? text.app.saving : text.app.save)}
        </button>
      </div>
    </>
  );
}
