/** Props of {@link FormError}. */
export interface FormErrorProps {
  /** The sentence; nothing is shown when it is empty or missing. */
  message?: string | undefined;
}

/**
 * A problem that belongs to the whole form or panel rather than one field,
 * announced to screen readers as it appears.
 *
 * @example <FormError message={errors['form']} />
 */
export function FormError({ message }: FormErrorProps) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
