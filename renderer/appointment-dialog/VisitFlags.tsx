import type { Conflict } from '../../core/overlap';
import type { Resource } from '../../core/model';
import { conflictSentence, text } from '../i18n';
import type { ClinicFormat } from '../i18n';
import type { VisitFlag } from './occurrence-flags';

/** Props of {@link VisitFlags}. */
export interface VisitFlagsProps {
  flags: readonly VisitFlag[];
  resources: readonly Resource[];
  /** Who a conflict collides with (see `useConflictNames`). */
  namesOf(conflict: Conflict): string[];
  /** What comes before the first flag: a dash after a visit's time, nothing when the flags stand alone. */
  lead?: string;
  /** The clinic's clock, for the times of a blockout, leave or the day's hours. */
  format: ClinicFormat;
}

const labels = () => ({ closed: text.preview.flagClosed, blocked: text.preview.flagBlocked, conflict: text.preview.flagConflict, 'outside-hours': text.preview.flagOutsideHours });

/**
 * What is special about one visit, in words after its time: the clock
 * change, then closures, conflicts (naming whom) and hours. Each flag says
 * its kind in a word ("Closed", "Conflict", "Outside hours") as well as its
 * colour, so it never relies on colour alone.
 *
 * @example <VisitFlags flags={row.flags} resources={resources} namesOf={namesOf} format={format} />
 */
export function VisitFlags({ flags, resources, namesOf, lead = ' — ', format }: VisitFlagsProps) {
  const nameOf = (id: string) => resources.find((resource) => resource.id === id)?.name ?? text.dayView.otherColumn;
  return (
    <>
      {flags.map((flag, index) => {
        const before = index === 0 ? lead : ' — ';
        if (flag.kind === 'shifted') return <span key={index} className="repeat-flag">{before}{text.repeat.shifted}</span>;
        if (flag.kind === 'other-offset') return <span key={index} className="repeat-flag">{before}{text.repeat.otherOffset}</span>;
        const names = namesOf(flag.conflict);
        return (
          <span key={index} className={`visit-flag visit-flag-${flag.kind}`} data-flag={flag.kind}>
            {before}
            <strong>{labels()[flag.kind]}:</strong> {conflictSentence(flag.conflict, nameOf, { time: format.time })}
            {names.length > 0 ? text.preview.withWhom(names.join('; ')) : ''}
          </span>
        );
      })}
    </>
  );
}
