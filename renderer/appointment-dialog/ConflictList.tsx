import type { Conflict } from '../../core/overlap';
import type { Resource } from '../../core/model';
import type { ClinicFormat } from '../i18n';
import { conflictSentence, text } from '../i18n';
import { useConflictNames } from './useConflictNames';

/** Props of {@link ConflictList}. */
export interface ConflictListProps {
  conflicts: readonly Conflict[];
  resources: readonly Resource[];
  format: ClinicFormat;
  /** For a repeating booking: say which visit each conflict is about. */
  showWhen?: boolean;
}

/**
 * Why a booking was refused: each hard conflict in words, naming the
 * resource and listing the appointments it collides with (patient, time,
 * length), so the receptionist can pick another slot knowingly.
 *
 * @example <ConflictList conflicts={report.hard} resources={resources} format={format} />
 */
export function ConflictList({ conflicts, resources, format, showWhen = false }: ConflictListProps) {
  const namesOf = useConflictNames(conflicts, format);
  const nameOf = (id: string) => resources.find((resource) => resource.id === id)?.name ?? text.dayView.otherColumn;
  return (
    <div className="conflicts" role="alert" data-testid="conflicts">
      <h3>{text.dialog.conflictTitle}</h3>
      <p>{text.dialog.conflictIntro}</p>
      <ul>
        {conflicts.map((conflict, index) => (
          <li key={`${conflict.kind}-${conflict.resourceId ?? conflict.patientId ?? ''}-${index}`}>
            {conflictSentence(conflict, nameOf, { time: format.time })}
            {showWhen ? ` ${text.repeat.conflictOn(format.dateTime(Date.parse(conflict.candidateStart)))}` : ''}
            {conflict.existingIds.length > 0 ? (
              <ul>
                {namesOf(conflict).map((name, position) => (
                  <li key={conflict.existingIds[position]}>{name}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
