import { useId } from 'react';
import type { ReactNode } from 'react';
import { weekdayNames } from '../../core/recurrence';
import type { Weekday } from '../../core/recurrence';
import { text } from '../i18n';
import { repeatKinds, weekdayOf, weekdayPosition } from './repeat-plan';
import type { RepeatChoice, RepeatKind, RepeatPlan } from './repeat-plan';

/** Props of {@link RepeatFields}. */
export interface RepeatFieldsProps {
  choice: RepeatChoice;
  onChange(choice: RepeatChoice): void;
  /** The plan for the current choice (summary, preview, or the problem). */
  plan: RepeatPlan;
  /** The first date, which anchors weekly and monthly repeats. */
  firstDate: string;
  /** Sentence for the problem, shown next to the repeat fields. */
  error?: string | undefined;
  /** What the repeat makes, under its summary: the visits of a series, or a schedule's resulting hours. */
  preview?: ReactNode;
  /** Which kinds to offer (default: all). */
  kinds?: readonly RepeatKind[];
  /** Which ends to offer (default: a number of times, a last date, never). */
  ends?: readonly RepeatChoice['end'][];
}

/**
 * The repeat builder — the appointment dialog's, and the schedule forms'
 * (renderer/schedule): how often, which weekdays, how it ends, the
 * plain-language summary ("Every 2 weeks on Mon and Wed, 10 times") and,
 * under it, what the repeat makes (`preview`: the series' visits with their
 * checks, or a schedule's next four weeks of hours).
 *
 * @example <RepeatFields choice={choice} onChange={setChoice} plan={plan} firstDate="2026-11-25" preview={<OccurrencePreview … />} />
 */
export function RepeatFields({ choice, onChange, plan, firstDate, error, preview, kinds = repeatKinds, ends = ['after', 'on', 'never'] }: RepeatFieldsProps) {
  const id = useId();
  const set = (change: Partial<RepeatChoice>) => onChange({ ...choice, ...change });
  const weekdays = choice.weekdays.length > 0 ? choice.weekdays : [weekdayOf(firstDate)];
  const toggleDay = (day: Weekday, on: boolean) => set({ weekdays: on ? [...weekdays, day] : weekdays.filter((other) => other !== day) });
  const byWeekday = choice.kind === 'monthly-by-weekday' || choice.kind === 'yearly-by-weekday';
  // A 4th weekday that is also the month's last: "the 4th Thursday" or "the last Thursday" are both right, so ask.
  const position = weekdayPosition(firstDate);
  const canCountFromEnd = byWeekday && position.last && position.nth !== -1;
  return (
    <fieldset className={`repeat${error ? ' field-invalid' : ''}`} data-testid="repeat">
      <legend>{text.repeat.title}</legend>
      <div className="field-row">
        <label className="inline-field">
          {text.repeat.kind}{' '}
          <select value={choice.kind} onChange={(event) => set({ kind: event.target.value as RepeatKind })}>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {text.repeat.kinds[kind]}
              </option>
            ))}
          </select>
        </label>
        {choice.kind !== 'none' && choice.kind !== 'weekdays' ? (
          <label className="inline-field">
            {text.repeat.every}{' '}
            <input type="number" min={1} max={99} value={choice.every} onChange={(event) => set({ every: Number(event.target.value) })} className="narrow-number" />{' '}
            {text.repeat.unit[choice.kind]}
          </label>
        ) : null}
      </div>
      {canCountFromEnd ? (
        <label className="checkbox">
          <input type="checkbox" checked={choice.fromEnd === true} onChange={(event) => set({ fromEnd: event.target.checked })} /> {text.repeat.fromEnd(text.repeat.weekday[weekdayOf(firstDate)])}
        </label>
      ) : null}
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
            {ends.includes('after') ? (
              <>
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
              </>
            ) : null}
            {ends.includes('on') ? (
              <>
                <label className="checkbox">
                  <input type="radio" name={`${id}-end`} checked={choice.end === 'on'} onChange={() => set({ end: 'on' })} /> {text.repeat.until}
                </label>
                <input type="date" value={choice.until} onChange={(event) => set({ end: 'on', until: event.target.value })} aria-label={text.repeat.lastDate} />
              </>
            ) : null}
            {ends.includes('never') ? (
              <label className="checkbox">
                <input type="radio" name={`${id}-end`} checked={choice.end === 'never'} onChange={() => set({ end: 'never' })} /> {text.repeat.never}
              </label>
            ) : null}
          </div>
          {plan.ok ? (
            <div className="repeat-preview" aria-live="polite">
              <p className="repeat-summary" data-testid="repeat-summary">
                {plan.summary}
              </p>
              {preview}
            </div>
          ) : null}
        </>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
