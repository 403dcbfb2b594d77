import { useId } from 'react';
import { weekdayNames } from '../../core/recurrence';
import type { Weekday } from '../../core/recurrence';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { repeatKinds, weekdayOf } from './repeat-plan';
import type { RepeatChoice, RepeatKind, RepeatPlan } from './repeat-plan';

/** Props of {@link RepeatFields}. */
export interface RepeatFieldsProps {
  choice: RepeatChoice;
  onChange(choice: RepeatChoice): void;
  /** The plan for the current choice (summary, preview, or the problem). */
  plan: RepeatPlan;
  /** The first visit's date, which anchors weekly and monthly repeats. */
  firstDate: string;
  format: ClinicFormat;
  /** Sentence for the problem, shown next to the repeat fields. */
  error?: string | undefined;
}

/**
 * The repeat part of the appointment dialog: how often, which weekdays, how
 * it ends, the plain-language summary ("Every 2 weeks on Mon and Wed, 10
 * times") and the first visits as they will be booked, each marked when a
 * clock change moves it or puts it on the other side of one.
 *
 * @example <RepeatFields choice={choice} onChange={setChoice} plan={plan} firstDate="2026-11-25" format={format} />
 */
export function RepeatFields({ choice, onChange, plan, firstDate, format, error }: RepeatFieldsProps) {
  const id = useId();
  const set = (change: Partial<RepeatChoice>) => onChange({ ...choice, ...change });
  const weekdays = choice.weekdays.length > 0 ? choice.weekdays : [weekdayOf(firstDate)];
  const toggleDay = (day: Weekday, on: boolean) => set({ weekdays: on ? [...weekdays, day] : weekdays.filter((other) => other !== day) });
  return (
    <fieldset className={`repeat${error ? ' field-invalid' : ''}`} data-testid="repeat">
      <legend>{text.repeat.title}</legend>
      <div className="field-row">
        <label className="inline-field">
          {text.repeat.kind}{' '}
          <select value={choice.kind} onChange={(event) => set({ kind: event.target.value as RepeatKind })}>
            {repeatKinds.map((kind) => (
              <option key={kind} value={kind}>
                {text.repeat.kinds[kind]}
              </option>
            ))}
          </select>
        </label>
        {choice.kind === 'daily' || choice.kind === 'weekly' || choice.kind.startsWith('monthly') ? (
          <label className="inline-field">
            {text.repeat.every}{' '}
            <input type="number" min={1} max={99} value={choice.every} onChange={(event) => set({ every: Number(event.target.value) })} className="narrow-number" />{' '}
            {text.repeat.unit[choice.kind as 'daily' | 'weekly' | 'monthly-by-date' | 'monthly-by-weekday']}
          </label>
        ) : null}
      </div>
      {choice.kind === 'weekly' ? (
        <div className="weekday-options" role="group" aria-label={text.repeat.onDays}>
          {weekdayNames.map((day) => (
            <label key={day} className={`chip${weekdays.includes(day) ? ' chip-on' : ''}`}>
              <input type="checkbox" checked={weekdays.includes(day)} onChange={(event) => toggleDay(day, event.target.checked)} />
              {text.repeat.weekday[day]}
            </label>
          ))}
        </div>
      ) : null}
      {choice.kind !== 'none' ? (
        <>
          <div className="field-row repeat-end" role="radiogroup" aria-label={text.repeat.ends}>
            <label className="checkbox">
              <input type="radio" name={`${id}-end`} checked={choice.end === 'after'} onChange={() => set({ end: 'after' })} /> {text.repeat.after}
            </label>
            <input
              type="number"
              min={1}
              max={500}
              value={choice.count}
              onChange={(event) => set({ end: 'after', count: Number(event.target.value) })}
              aria-label={text.repeat.times}
              className="narrow-number"
            />
            <span>{text.repeat.times}</span>
            <label className="checkbox">
              <input type="radio" name={`${id}-end`} checked={choice.end === 'on'} onChange={() => set({ end: 'on' })} /> {text.repeat.until}
            </label>
            <input type="date" value={choice.until} onChange={(event) => set({ end: 'on', until: event.target.value })} aria-label={text.repeat.lastDate} />
            <label className="checkbox">
              <input type="radio" name={`${id}-end`} checked={choice.end === 'never'} onChange={() => set({ end: 'never' })} /> {text.repeat.never}
            </label>
          </div>
          {plan.ok ? (
            <div className="repeat-preview" aria-live="polite">
              <p className="repeat-summary" data-testid="repeat-summary">
                {plan.summary}
              </p>
              <ol data-testid="repeat-preview">
                {plan.preview.map((visit) => (
                  <li key={visit.utc}>
                    {format.shortDate(visit.local.slice(0, 10))} {format.time(Date.parse(visit.utc))}
                    {visit.shifted ? <span className="repeat-flag"> — {text.repeat.shifted}</span> : visit.otherOffset ? <span className="repeat-flag"> — {text.repeat.otherOffset}</span> : null}
                  </li>
                ))}
                {plan.more ? <li className="muted">{text.repeat.more}</li> : null}
              </ol>
            </div>
          ) : null}
        </>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
