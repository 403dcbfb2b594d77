import { useAppointmentDialog } from '../appointment-dialog/appointment-dialog-store';
import { canEdit, editDraftFor } from '../appointment-dialog/edit-draft';
import type { DayItem } from '../data/day-sheet';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { allowedTransitions } from '../../core/model';
import { keyForStatus } from '../shortcuts/desk-shortcut';
import type { StatusKeyTarget } from '../shortcuts/desk-shortcut';
import { useDayView } from './day-view-store';
import type { StatusChanges } from './useStatusChange';
import { ConfirmationActions } from '../confirmations/ConfirmationActions';
import type { ConfirmationChanges } from '../confirmations/useConfirmation';

/** Props of {@link SelectionPanel}. */
export interface SelectionPanelProps {
  item: DayItem;
  format: ClinicFormat;
  resourceNames: Map<string, string>;
  status: StatusChanges;
  confirmation: ConfirmationChanges;
}

const actionOrder: StatusKeyTarget[] = ['arrived', 'in_room', 'completed', 'no_show', 'cancelled'];

/**
 * The selected booking's details, Edit (E: the appointment dialog,
 * pre-filled) and its status buttons: only the changes the status machine
 * allows from where it is, plus undo of the last change.
 *
 * @example <SelectionPanel item={item} format={format} resourceNames={names} status={status} />
 */
export function SelectionPanel({ item, format, resourceNames, status, confirmation }: SelectionPanelProps) {
  const askCancel = useDayView((state) => state.askCancel);
  const openDialog = useAppointmentDialog((state) => state.open);
  const allowed = allowedTransitions(item.status);
  const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
  return (
    <aside className="selection-panel" aria-label={name} data-testid="selection-panel">
      <h2>{name}</h2>
      <p className={`status-pill status-${item.status}`} data-testid="selected-status">
        {text.statuses[item.status]}
      </p>
      <dl>
        <dt>{text.fields.time}</dt>
        <dd>
          {format.time(item.start)}–{format.time(item.end)} ({text.dialog.durationMinutes(item.durationMinutes)})
        </dd>
        <dt>{text.dialog.resources}</dt>
        <dd>{item.resourceIds.map((id) => resourceNames.get(id) ?? id).join(', ')}</dd>
        {item.visitReason ? (
          <>
            <dt>{text.fields.visitReason}</dt>
            <dd>{item.visitReason}</dd>
          </>
        ) : null}
        {item.notes ? (
          <>
            <dt>{text.fields.notes}</dt>
            <dd className="notes">{item.notes}</dd>
          </>
        ) : null}
        {item.patient?.phone ? (
          <>
            <dt>{text.fields.phone}</dt>
            <dd>{item.patient.phone}</dd>
          </>
        ) : null}
      </dl>
      {canEdit(item) ? (
        <div className="form-actions">
          <button type="button" onClick={() => openDialog(editDraftFor(item))} aria-keyshortcuts="E">
            {text.edit.action} <kbd>E</kbd>
          </button>
        </div>
      ) : null}
      <div className="status-actions" role="group" aria-label={text.status.actions}>
        {actionOrder
          .filter((to) => allowed.includes(to))
          .map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'cancelled' || to === 'no_show' ? 'danger' : ''}
              onClick={() => (to === 'cancelled' ? askCancel(item.id) : void status.change(item, to))}
              aria-keyshortcuts={keyForStatus(to)}
            >
              {to === 'cancelled' ? text.status.cancel : text.statuses[to]} <kbd>{keyForStatus(to)}</kbd>
            </button>
          ))}
        {item.undoable ? (
          <button type="button" onClick={() => void status.undo(item)} aria-keyshortcuts="U">
            {text.status.undo} <kbd>U</kbd>
          </button>
        ) : null}
      </div>
      <ConfirmationActions item={item} confirmation={confirmation} />
      {item.source === 'occurrence' ? <p className="field-hint">{text.status.occurrenceNote}</p> : null}
    </aside>
  );
}
