import type { DayItem } from '../data/day-sheet';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { useDayView } from './day-view-store';
import { nextStep } from './status-keys';
import type { StatusChanges } from './useStatusChange';

/** Props of {@link AgendaList}. */
export interface AgendaListProps {
  items: readonly DayItem[];
  format: ClinicFormat;
  resourceNames: ReadonlyMap<string, string>;
  selectedId: string | null;
  status: StatusChanges;
}

/**
 * The day as one list by start time — the view for the counter: who is
 * coming, with whom, and a button for the next step of each visit (check in,
 * in room, completed). Selecting a row opens the same panel as the grid.
 *
 * @example <AgendaList items={sheet.items} format={format} resourceNames={names} selectedId={null} status={status} />
 */
export function AgendaList({ items, format, resourceNames, selectedId, status }: AgendaListProps) {
  const select = useDayView((state) => state.select);
  if (items.length === 0) return <p className="app-message">{text.dayView.agendaEmpty}</p>;
  return (
    <div className="agenda-scroller">
      <table className="agenda" data-testid="agenda">
        <caption className="sr-only">{text.dayView.agenda}</caption>
        <thead>
          <tr>
            <th scope="col">{text.fields.time}</th>
            <th scope="col">{text.fields.patient}</th>
            <th scope="col">{text.dialog.resources}</th>
            <th scope="col">{text.fields.visitReason}</th>
            <th scope="col">{text.status.actions}</th>
            <th scope="col">
              <span className="sr-only">{text.dayView.nextStep}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
            const next = nextStep(item.status);
            return (
              <tr key={item.id} className={item.id === selectedId ? 'selected' : ''} data-testid="agenda-row" data-status={item.status}>
                <td className="agenda-time">
                  {format.time(item.start)} · {text.dialog.durationMinutes(item.durationMinutes)}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => select(item.id)} aria-pressed={item.id === selectedId}>
                    {name}
                  </button>
                </td>
                <td>{item.resourceIds.map((id) => resourceNames.get(id) ?? id).join(', ')}</td>
                <td>{item.visitReason ?? ''}</td>
                <td>
                  <span className={`status-pill status-${item.status}`}>{text.statuses[item.status]}</span>
                </td>
                <td>
                  {next ? (
                    <button type="button" onClick={() => void status.change(item, next)} aria-label={`${next === 'arrived' ? text.dayView.checkIn : text.statuses[next]}: ${name}`}>
                      {next === 'arrived' ? text.dayView.checkIn : text.statuses[next]}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
