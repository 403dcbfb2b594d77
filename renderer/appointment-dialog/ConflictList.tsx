import type { Conflict } from '../../core/overlap';
import type { Resource } from '../../core/model';
import { useBookingsById } from '../data/useBookingsById';
import type { ClinicFormat } from '../i18n';
import { conflictSentence, text } from '../i18n';

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
  const existing = useBookingsById([...new Set(conflicts.flatMap((conflict) => conflict.existingIds))]);
  const byId = new Map(existing.map((booking) => [booking.appointment.id, booking]));
  const nameOf = (id: string) => resources.find((resource) => resource.id === id)?.name ?? text.dayView.otherColumn;
  return (
    <div className="conflicts" role="alert" data-testid="conflicts">
      <h3>{text.dialog.conflictTitle}</h3>
      <p>{text.dialog.conflictIntro}</p>
      <ul>
        {conflicts.map((conflict, index) => (
          <li key={`${conflict.kind}-${conflict.resourceId ?? conflict.patientId ?? ''}-${index}`}>
            {conflictSentence(conflict, nameOf)}
            {showWhen ? ` ${text.repeat.conflictOn(format.dateTime(Date.parse(conflict.candidateStart)))}` : ''}
            {conflict.existingIds.length > 0 ? (
              <ul>
                {conflict.existingIds.map((id) => {
                  const booking = byId.get(id);
                  if (!booking) return <li key={id}>{text.dialog.conflictSeries}</li>;
                  const patient = booking.patient ? text.patientName(booking.patient) : text.dayView.unknownPatient;
                  return <li key={id}>{text.dialog.conflictAppointment(patient, format.time(Date.parse(booking.appointment.start)), booking.appointment.durationMinutes)}</li>;
                })}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
