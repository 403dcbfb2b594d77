import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';
import { CharacterCount } from './CharacterCount';

/** Props of {@link Field}. */
export interface FieldProps {
  label: string;
  /** The sentence for this field's problem, if any; shown under it and announced. */
  error?: string | undefined;
  hint?: ReactNode;
  /** A text field's value and limit: a character count shows as it nears the limit (see CharacterCount). */
  count?: { value: string; limit: number } | undefined;
  /** One input, select or textarea; it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
}

/**
 * A labelled form control with its hint and its error right next to it
 * (never only at the top of the form), wired for screen readers.
 *
 * @example <Field label="Family name" error={errors.familyName}><input name="familyName" /></Field>
 */
export function Field({ label, error, hint, count, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const describedBy = [hint ? hintId : null, count ? countId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {count ? <CharacterCount value={count.value} limit={count.limit} id={countId} /> : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
