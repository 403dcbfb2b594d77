import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AvailabilityKind } from '../../core/model';
import { useCommand } from '../data/useCommand';
import { errorsFor } from '../forms/field-errors';
import { text } from '../i18n';
import type { HoursDraft } from './week-hours';

/** Props of {@link HoursBlockRow}. */
export interface HoursBlockRowProps {
  block: HoursDraft;
  /** The weekday's name, for labels a screen reader can tell apart ("Monday working hours 1, start"). */
  dayName: string;
  onSaved(): void;
  onDiscard(): void;
}

const formFields = ['kind', 'start', 'end'];

/**
 * One block of a weekday: working or break, start and end as native time
 * inputs (24:00 may be typed as the end of the day), saved with
 * `availability/save` (Remove: `availability/remove`, audited). Save is
 * enabled once something changed; a refusal shows beside the field it names.
 *
 * @example <HoursBlockRow block={block} dayName="Monday" onSaved={drop} onDiscard={drop} />
 */
export function HoursBlockRow({ block, dayName, onSaved, onDiscard }: HoursBlockRowProps) {
  const words = text.admin;
  const run = useCommand();
  const [draft, setDraft] = useState({ kind: block.kind, start: block.start, end: block.end === '24:00' ? '23:59' : block.end, endOfDay: block.end === '24:00' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const end = draft.endOfDay ? '24:00' : draft.end;
  const dirty = block.isNew || draft.kind !== block.kind || draft.start !== block.start || end !== block.end;
  const label = `${dayName} ${block.kind === 'break' ? words.breakWord : words.hoursWord}`;

  async function remove() {
    setBusy(true);
    setErrors({});
    try {
      const result = await run('availability/remove', { id: block.id });
      if (!result.ok) setErrors(errorsFor(result.error, formFields));
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const result = await run('availability/save', { id: block.id, resourceId: block.resourceId, weekday: block.weekday, kind: draft.kind, start: draft.start, end });
      if (result.ok) onSaved();
      else setErrors(errorsFor(result.error, formFields));
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }

  const error = errors['start'] ?? errors['end'] ?? errors['kind'] ?? errors['form'];
  const errorId = `hours-error-${block.id}`;
  return (
    <li className={`hours-block hours-${draft.kind}`} data-testid="hours-block">
      <form onSubmit={save} className="hours-form" aria-label={label}>
        <select
          aria-label={`${label}: ${words.kind}`}
          value={draft.kind}
          onChange={(event) => setDraft({ ...draft, kind: event.target.value as AvailabilityKind })}
        >
          <option value="working">{words.hoursWord}</option>
          <option value="break">{words.breakWord}</option>
        </select>
        <input
          type="time"
          aria-label={`${label}: ${words.start}`}
          value={draft.start}
          onChange={(event) => setDraft({ ...draft, start: event.target.value })}
          aria-invalid={errors['start'] ? true : undefined}
          aria-describedby={errors['start'] ? errorId : undefined}
        />
        <span aria-hidden="true">–</span>
        <input
          type="time"
          aria-label={`${label}: ${words.end}`}
          value={draft.end}
          disabled={draft.endOfDay}
          onChange={(event) => setDraft({ ...draft, end: event.target.value })}
          aria-invalid={errors['end'] ? true : undefined}
          aria-describedby={errors['end'] ? errorId : undefined}
        />
        <label className="checkbox">
          <input type="checkbox" checked={draft.endOfDay} onChange={(event) => setDraft({ ...draft, endOfDay: event.target.checked })} /> {words.untilMidnight}
        </label>
        <button type="submit" disabled={!dirty || busy} className={dirty ? 'primary' : ''}>
          {busy ? text.app.saving : text.app.save}
        </button>
        {block.isNew ? (
          <button type="button" onClick={onDiscard}>
            {words.discard}
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => void remove()} disabled={busy} aria-label={words.removeNamed(`${label} ${block.start}–${block.end}`)}>
            {words.remove}
          </button>
        )}
      </form>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
