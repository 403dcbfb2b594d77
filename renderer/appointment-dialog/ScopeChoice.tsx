import { useId } from 'react';
import { text } from '../i18n';
import { editScopes } from './edit-scope';
import type { EditScope } from './edit-scope';
import './edit-scope.css';

/** Props of {@link ScopeChoice}. */
export interface ScopeChoiceProps {
  value: EditScope;
  onChange(scope: EditScope): void;
  /** Cancelling: "all" keeps the visits that already happened, and says so. */
  purpose: 'change' | 'cancel';
  /** The scopes that can be chosen (default: all three); the others are shown disabled. */
  offered?: readonly EditScope[];
  /** Whether a dialog opening on it puts focus on the chosen option (default); off where another field comes first. */
  autoFocus?: boolean;
}

/**
 * "This visit only / this and following / all" as a native radio group:
 * Tab reaches the chosen option, the arrow keys move between them, and the
 * global focus ring shows where focus is. With `autoFocus` the chosen radio
 * carries `data-autofocus`, so a dialog opening on it puts focus there.
 *
 * @example <ScopeChoice value={scope} onChange={setScope} purpose="change" />
 */
export function ScopeChoice({ value, onChange, purpose, offered = editScopes, autoFocus = true }: ScopeChoiceProps) {
  const name = useId();
  const labels: Record<EditScope, string> = { this: text.editScope.this, following: text.editScope.following, all: purpose === 'cancel' ? text.editScope.allCancel : text.editScope.all };
  return (
    <fieldset className="edit-scope" data-testid="edit-scope">
      <legend>{text.editScope.legend}</legend>
      {editScopes.map((scope) => (
        <label key={scope} className="checkbox">
          <input
            type="radio"
            name={name}
            value={scope}
            checked={value === scope}
            disabled={!offered.includes(scope)}
            onChange={() => onChange(scope)}
            {...(autoFocus && value === scope ? { 'data-autofocus': true } : {})}
          />{' '}
          {labels[scope]}
        </label>
      ))}
    </fieldset>
  );
}
