import type { Resource } from '../../core/model';
import { instantToWallTime } from '../../core/time';
import { usePatientNames } from '../audit-viewer/usePatientNames';
import type { ClinicFormat } from '../i18n';
import { problemSentence, text } from '../i18n';
import type { SchedulePreviewState } from './useSchedulePreview';

/** Props of {@link ScheduleImpact}. */
export interface ScheduleImpactProps {
  state: SchedulePreviewState;
  resource: Resource;
  format: ClinicFormat;
  /** Also list the next four weeks of resulting hours (Administration); the one-day dialogs leave them out. */
  showHours: boolean;
}

/**
 * What a schedule change does, before it is saved (issue 12): the booked
 * visits it leaves outside the hours — listed by day, time and patient, and
 * said plainly that they stay booked and go to "Needs attention" — any day
 * where leave wins over changed hours, and the next four weeks of hours.
 *
 * @example <ScheduleImpact state={preview} resource={drLee} format={format} showHours />
 */
export function ScheduleImpact({ state, resource, format, showHours }: ScheduleImpactProps) {
  const words = text.schedule;
  const displaced = state.status === 'ready' ? state.preview.displaced : [];
  const patients = usePatientNames(displaced.map((visit) => visit.patientId));
  if (state.status === 'idle') return null;
  if (state.status === 'checking') return <p className="field-hint" role="status">{words.checking}</p>;
  if (state.status === 'failed') return <p className="field-hint">{words.checkFailed}</p>;
  if (state.status === 'invalid') return <p className="field-hint">{problemSentence(state.problem)}</p>;
  const { preview } = state;
  const dayOf = (instant: string) => instantToWallTime(Date.parse(instant), resource.timeZone).slice(0, 10);
  const byDay = new Map<string, string[]>();
  for (const span of preview.hours) {
    const day = dayOf(span.start);
    const list = byDay.get(day) ?? [];
    list.push(`${format.time(Date.parse(span.start))}–${format.time(Date.parse(span.end))}${span.soft ? ` (${span.soft.map((entry) => entry.label).join(', ')})` : ''}`);
    byDay.set(day, list);
  }
  return (
    <div className="schedule-impact" aria-live="polite" data-testid="schedule-impact">
      {preview.leaveWins.map((day) => (
        <p key={`${day.day}-${day.leaveId}`} className="impact-note" data-testid="leave-wins">
          {words.leaveWins(format.mediumDate(day.day))}
        </p>
      ))}
      {displaced.length > 0 ? (
        <div className="impact-displaced" data-testid="displaced">
          <p>
            <strong>{words.displacedTitle(displaced.length)}</strong> {words.displacedHint}
          </p>
          <ul>
            {displaced.map((visit) => {
              const patient = patients.get(visit.patientId);
              return (
                <li key={visit.id} data-testid="displaced-visit">
                  {`${format.weekday(dayOf(visit.start))} ${format.mediumDate(dayOf(visit.start))}, ${format.time(Date.parse(visit.start))} — ${patient ? `${patient.givenName} ${patient.familyName}` : text.dayView.unknownPatient}`}
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="field-hint" data-testid="no-displaced">{words.noneDisplaced}</p>
      )}
      {showHours ? (
        <details className="impact-hours" open>
          <summary>{words.nextWeeks}</summary>
          <table className="admin-table compact" data-testid="next-weeks">
            <tbody>
              {[...byDay.keys()].length === 0 ? (
                <tr>
                  <td>{words.noHoursAhead}</td>
                </tr>
              ) : (
                [...byDay].map(([day, spans]) => (
                  <tr key={day}>
                    <th scope="row">{`${format.weekday(day)} ${format.shortDate(day)}`}</th>
                    <td>{spans.join(', ')}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}
