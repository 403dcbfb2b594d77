import { useMemo, useState } from 'react';
import { editDraftFor } from '../appointment-dialog/edit-draft';
import { useAppointmentDialog } from '../appointment-dialog/appointment-dialog-store';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import type { DayItem } from '../data/day-sheet';
import { todayIn } from '../dates/calendar-dates';
import { CancelDialog } from '../day-view/CancelDialog';
import { useStatusChange } from '../day-view/useStatusChange';
import { FormError } from '../forms/FormError';
import { errorsFor } from '../forms/field-errors';
import { clinicFormat, text } from '../i18n';
import { describeBlock } from './block-words';
import type { OpenDisplaced } from './displaced-records';

/**
 * One "outside the new hours" record on Needs attention: which schedule
 * change, then each visit it left outside the hours with Move… (the
 * appointment dialog, checked like any move) and Cancel… (with a reason),
 * or what became of it. Nothing was moved or cancelled for the
 * receptionist. When every visit is dealt with, Done records it
 * (`conflict/resolve` handled), clearing it on every desk.
 *
 * @example <DisplacedCard displaced={open} />
 */
export function DisplacedCard({ displaced }: { displaced: OpenDisplaced }) {
  const words = text.schedule;
  const { locale, timeZone } = useClinic();
  const format = useMemo(() => clinicFormat(locale, timeZone), [locale, timeZone]);
  const openDialog = useAppointmentDialog((state) => state.open);
  const status = useStatusChange();
  const run = useCommand();
  const [cancelling, setCancelling] = useState<DayItem | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const { record, resource, block, visits, left } = displaced;
  const name = resource?.name ?? record.resourceId;
  const change = block ? describeBlock(block, format, todayIn(timeZone, Date.now())) : words.removedBlock;
  const title = words.displacedCardTitle(name);

  async function done() {
    setBusy(true);
    setProblem('');
    try {
      const result = await run('conflict/resolve', { conflictId: record.id, action: 'handled', reason: words.handledReason });
      if (!result.ok) setProblem(Object.values(errorsFor(result.error, []))[0] ?? text.app.unexpectedError);
    } catch {
      setProblem(text.app.unexpectedError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="conflict-card displaced-card" aria-label={title} data-testid="displaced-card">
      <h2>{title}</h2>
      <p className="conflict-desks">{words.displacedCardChange(words.changes[record.change], change)}</p>
      <ul className="conflict-appointments">
        {visits.map((visit) => (
          <li key={visit.id} data-testid="displaced-visit">
            <span className="conflict-patient">{visit.patient ? text.patientName(visit.patient) : text.needsAttention.unknownPatient}</span>
            <span>{visit.booking ? format.dateTime(Date.parse(visit.booking.start)) : ''}</span>
            <span data-testid="displaced-state">{words.visitStates[visit.state]}</span>
            {visit.state === 'outside' && visit.item ? (
              <span className="conflict-actions">
                <button type="button" onClick={() => openDialog(editDraftFor(visit.item as DayItem))}>
                  {words.moveVisit}
                </button>
                <button type="button" onClick={() => setCancelling(visit.item ?? null)}>
                  {words.cancelVisit}
                </button>
              </span>
            ) : (
              <span />
            )}
          </li>
        ))}
      </ul>
      {left === 0 ? (
        <p>
          {words.allHandled}{' '}
          <button type="button" onClick={() => void done()} disabled={busy}>
            {words.markDone}
          </button>
        </p>
      ) : (
        <p className="field-hint">{words.leftToHandle(left)}</p>
      )}
      <FormError message={problem} />
      {cancelling ? <CancelDialog item={cancelling} format={format} status={status} onClose={() => setCancelling(null)} /> : null}
    </article>
  );
}
