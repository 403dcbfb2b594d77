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
  /** Default: "Cancel"; "Back" where leaving keeps what is on screen. */
  cancelLabel?: string;
  /** `danger` for a submit that cancels or removes something. Default: `primary`. */
  tone?: 'primary' | 'danger';
}

/**
 * The end of a dialog form: its form-level error, then Cancel and the primary
 * submit button. In a dialog taller than the window (a repeating booking at
 * 1280×800) it stays pinned to the dialog's bottom edge while the fields
 * scroll, so the actions are always in sight.
 *
 * @example <FormFooter error={errors['form']} busy={busy} onCancel={onClose} />
 */
export function FormFooter({ error, busy, onCancel, submitLabel, submitDisabled, cancelLabel, tone = 'primary' }: FormFooterProps) {
  return (
    <div className="form-footer">
      <FormError message={error} />
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {cancelLabel ?? text.app.cancel}
        </button>
        <button type="submit" className={tone} disabled={submitDisabled ?? busy}>
          {submitLabel ?? (busy ? text.app.saving : text.app.save)}
        </button>
      </div>
    </div>
  );
}
