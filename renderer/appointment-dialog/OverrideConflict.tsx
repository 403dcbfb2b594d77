import { textLimits } from '../../core/model';
import { CharacterCount } from '../forms/CharacterCount';
import { useId, useState } from 'react';
import { text } from '../i18n';

/** Props of {@link OverrideConflict}. */
export interface OverrideConflictProps {
  busy: boolean;
  /** The engine's refusal of the override, if any (e.g. a blank reason). */
  error?: string | undefined;
  onOverride(reason: string): void;
}

/**
 * For managers and admins only: book over the listed conflicts, saying why.
 * The engine checks the role again and records the override with the reason
 * and the conflicts (`CONFLICT_OVERRIDDEN`), so this is never silent.
 *
 * @example {canOverride ? <OverrideConflict busy={busy} onOverride={(reason) => book(reason)} /> : null}
 */
export function OverrideConflict({ busy, error, onOverride }: OverrideConflictProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const shown = missing ? text.validation['reason-required'](text.dialog.overrideReason) : error;
  return (
    <div className="override" data-testid="override">
      <label htmlFor={id}>{text.dialog.overrideReason}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {text.dialog.overrideHint}
      </p>
      <CharacterCount value={reason} limit={textLimits.reason} id={`${id}-count`} />
      <div className="override-row">
        <input
          id={id}
          value={reason}
          onChange={(event) => (setReason(event.target.value), setMissing(false))}
          aria-describedby={`${id}-hint ${id}-count${shown ? ` ${id}-error` : ''}`}
          aria-invalid={shown ? true : undefined}
          onKeyDown={(event) => {
            // Enter here is an override, never a plain (refused again) booking.
            if (event.key === 'Enter') {
              event.preventDefault();
              if (reason.trim()) onOverride(reason.trim());
              else setMissing(true);
            }
          }}
        />
        <button type="button" className="danger" disabled={busy} onClick={() => (reason.trim() ? onOverride(reason.trim()) : setMissing(true))}>
          {text.dialog.overrideSubmit}
        </button>
      </div>
      {shown ? (
        <p className="field-error" id={`${id}-error`}>
          {shown}
        </p>
      ) : null}
    </div>
  );
}
