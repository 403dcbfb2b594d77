import { useId } from 'react';
import type { ReactNode } from 'react';

/** Props of {@link ChoiceGroup}. */
export interface ChoiceGroupProps {
  legend: string;
  /** The sentence for this group's problem, shown under it and announced. */
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
}

/**
 * A fieldset of checkboxes or radios with its legend, hint and error beside
 * it (what forms/Field is for a single control), wired for screen readers.
 *
 * @example <ChoiceGroup legend="Day" error={errors.weekdays}>…checkboxes…</ChoiceGroup>
 */
export function ChoiceGroup({ legend, error, hint, children }: ChoiceGroupProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`field opening-choices${error ? ' field-invalid' : ''}`} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="opening-choice-list">{children}</div>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
