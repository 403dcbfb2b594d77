import { text } from '../i18n';
import { ConflictCard } from './ConflictCard';
import { EditConflictCard } from './EditConflictCard';
import { useOpenConflicts } from './useOpenConflicts';
import { useOpenEdits } from './useOpenEdits';
import { DisplacedCard } from '../schedule/DisplacedCard';
import { ScheduleEditCard } from '../schedule/ScheduleEditCard';
import { useScheduleAttention } from '../schedule/useScheduleAttention';
import { ConfirmationEditCard, useConfirmationEdits } from '../confirmations/ConfirmationEditCard';
import { ConsentEditCard, useConsentEdits } from '../consent/ConsentEditCard';
import './needs-attention.css';

/**
 * The "Needs attention" inbox: every open double booking the sync server
 * found, with the appointments, patients, time and desks involved, and the
 * ways to settle it (reschedule one, cancel one with a reason, or keep both
 * under a manager's override); concurrent edits; and from schedules the
 * visits a change left outside the hours and blocks two desks changed.
 *
 * @example <NeedsAttention />
 */
export function NeedsAttention() {
  const conflicts = useOpenConflicts();
  // Two desks changing the same booking offline (concurrent edits) are listed after the double bookings.
  const edits = useOpenEdits();
  // Schedules: visits a change left outside the hours, blocks two desks changed (renderer/schedule).
  const schedule = useScheduleAttention();
  // Visit confirmations two desks recorded differently (renderer/confirmations).
  const answers = useConfirmationEdits();
  // Contact consents two desks recorded differently (renderer/consent).
  const consents = useConsentEdits();
  const noSchedule =
    schedule.status === 'ready' &&
    schedule.value.displaced.length === 0 &&
    schedule.value.edits.length === 0 &&
    answers.status === 'ready' &&
    answers.value.length === 0 &&
    consents.status === 'ready' &&
    consents.value.length === 0;
  const noEdits = edits.status === 'ready' && edits.value.length === 0 && noSchedule;
  return (
    <section className="needs-attention" aria-labelledby="needs-attention-title">
      <h1 id="needs-attention-title">{text.needsAttention.title}</h1>
      <p>{text.needsAttention.intro}</p>
      {conflicts.status === 'ready' && conflicts.value.length === 0 && noEdits ? <p data-testid="needs-attention-empty">{text.needsAttention.empty}</p> : null}
      {conflicts.status === 'ready' ? (
        <ul className="conflict-list" aria-label={text.needsAttention.title}>
          {conflicts.value.map((conflict) => (
            <li key={conflict.id}>
              <ConflictCard conflict={conflict} />
            </li>
          ))}
          {edits.status === 'ready'
            ? edits.value.map((edit) => (
                <li key={edit.id}>
                  <EditConflictCard edit={edit} />
                </li>
              ))
            : null}
          {schedule.status === 'ready'
            ? [
                ...schedule.value.displaced.map((displaced) => (
                  <li key={displaced.record.id}>
                    <DisplacedCard displaced={displaced} />
                  </li>
                )),
                ...schedule.value.edits.map((edit) => (
                  <li key={edit.id}>
                    <ScheduleEditCard edit={edit} />
                  </li>
                )),
              ]
            : null}
          {answers.status === 'ready'
            ? answers.value.map((edit) => (
                <li key={edit.id}>
                  <ConfirmationEditCard edit={edit} />
                </li>
              ))
            : null}
          {consents.status === 'ready'
            ? consents.value.map((edit) => (
                <li key={edit.id}>
                  <ConsentEditCard edit={edit} />
                </li>
              ))
            : null}
        </ul>
      ) : null}
    </section>
  );
}
