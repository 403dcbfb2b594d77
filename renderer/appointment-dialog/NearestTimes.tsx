import type { Resource } from '../../core/model';
import type { NearestOpening, NearestOpenings } from '../../core/openings';
import type { LiveResult } from '../data/useLiveQuery';
import { text } from '../i18n';
import type { ClinicFormat } from '../i18n';
import { whySentence } from '../openings/opening-results';
import { noneSentence, whenLabel } from './nearest-times';

/** Props of {@link NearestTimes}. */
export interface NearestTimesProps {
  found: LiveResult<NearestOpenings | null>;
  /** The refused start (epoch ms) and its date on the clinic's clock. */
  at: number;
  chosenDate: string;
  durationMinutes: number;
  clinic: { timeZone: string; locale: string };
  format: ClinicFormat;
  resources: readonly Resource[];
  /** Moves the dialog's start to the suggestion (everything else stays). */
  onMove(opening: NearestOpening): void;
}

/**
 * "Nearest free times" under a refused time: a button for the nearest free
 * start before and after it (same length, resources and patient), each
 * moving the dialog's start there; where a side has none, why. Buttons in
 * the form's tab order, so the keyboard reaches them after the time field.
 *
 * @example <NearestTimes found={nearest} at={at} chosenDate="2026-01-05" durationMinutes={30} clinic={clinic} format={format} resources={resources} onMove={move} />
 */
export function NearestTimes({ found, at, chosenDate, durationMinutes, clinic, format, resources, onMove }: NearestTimesProps) {
  const words = text.openings.nearest;
  if (found.status === 'ready' && found.value === null) return null;
  const nameOf = (id: string) => resources.find((resource) => resource.id === id)?.name ?? id;
  let body;
  if (found.status === 'loading') body = <p className="muted nearest-times-line">{words.looking}</p>;
  else if (found.status === 'failed') body = <p className="muted nearest-times-line">{words.failed}</p>;
  else {
    const nearest = found.value as NearestOpenings;
    const side = (which: 'before' | 'after') => {
      const opening = nearest[which];
      if (opening === undefined) return <p className="muted nearest-times-line">{noneSentence(which, nearest, at, words)}</p>;
      const when = whenLabel(opening, chosenDate, clinic.timeZone, format, words);
      return (
        <button type="button" onClick={() => onMove(opening)}>
          {which === 'before' ? words.earlier(when) : words.later(when)}
        </button>
      );
    };
    body =
      nearest.reasons.length > 0 ? (
        <>
          <p className="nearest-times-line">{words.noneWhy}</p>
          <ul className="nearest-times-why">
            {nearest.reasons.map((reason) => (
              <li key={reason.resourceId}>{whySentence(reason, nameOf(reason.resourceId), durationMinutes, clinic.locale, text.openings)}</li>
            ))}
          </ul>
        </>
      ) : (
        <div className="nearest-times-choices">
          {side('before')}
          {side('after')}
        </div>
      );
  }
  return (
    <div className="nearest-times" role="group" aria-labelledby="nearest-times-title" data-testid="nearest-times">
      <p className="nearest-times-title" id="nearest-times-title">
        {words.title}
      </p>
      {body}
    </div>
  );
}
