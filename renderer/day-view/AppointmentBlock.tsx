import type { KeyboardEvent, MouseEvent } from 'react';
import type { Placement } from './day-layout';
import type { GridItem } from './day-columns';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { nextStep, statusForKey } from './status-keys';
import type { StatusChanges } from './useStatusChange';
import { useDayView } from './day-view-store';

/** Props of {@link AppointmentBlock}. */
export interface AppointmentBlockProps {
  placement: Placement<GridItem>;
  top: number;
  height: number;
  format: ClinicFormat;
  selected: boolean;
  status: StatusChanges;
}

/**
 * One booking on the grid, coloured by status, with the patient's name, the
 * reason and the length. It is a focusable button: a click or focus selects
 * it, and on it A / R / C / N / X change the status (X asks for a reason),
 * U undoes. Tall enough blocks carry a one-click button for the next step.
 *
 * @example <AppointmentBlock placement={placement} top={120} height={56} format={format} selected={false} status={status} />
 */
export function AppointmentBlock({ placement, top, height, format, selected, status }: AppointmentBlockProps) {
  const select = useDayView((state) => state.select);
  const askCancel = useDayView((state) => state.askCancel);
  const { item } = placement.item;
  const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
  const time = format.time(item.start);
  const next = nextStep(item.status);
  const label = text.dayView.appointmentLabel(name, time, item.durationMinutes, text.statuses[item.status], item.visitReason ?? '');

  function onKeyDown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.toLowerCase() === 'u') {
      event.preventDefault();
      event.stopPropagation();
      void status.undo(item);
      return;
    }
    const to = statusForKey(event.key);
    if (!to) return;
    event.preventDefault();
    event.stopPropagation();
    if (to === 'cancelled') askCancel(item.id);
    else void status.change(item, to);
  }

  function onNext(event: MouseEvent) {
    event.stopPropagation();
    if (next) void status.change(item, next);
  }

  return (
    <div
      className={`appointment status-${item.status}${selected ? ' selected' : ''}${height < 34 ? ' compact' : ''}${placement.lanes > 1 ? ' narrow' : ''}`}
      style={{ top, height, left: `calc(${(placement.lane / placement.lanes) * 100}% + 2px)`, width: `calc(${100 / placement.lanes}% - 4px)` }}
      data-testid="appointment"
      data-appointment-id={item.id}
      data-status={item.status}
    >
      <button
        type="button"
        className="appointment-body"
        aria-label={label}
        aria-pressed={selected}
        onClick={(event) => (event.stopPropagation(), select(item.id))}
        onFocus={() => select(item.id)}
        onKeyDown={onKeyDown}
        onPointerDown={(event) => event.stopPropagation()}
      >
        <span className="appointment-line">
          <span className="appointment-name">{name}</span>
          <span className="appointment-time">
            {time} · {text.dialog.durationMinutes(item.durationMinutes)}
          </span>
        </span>
        {item.visitReason ? <span className="appointment-reason">{item.visitReason}</span> : null}
        <span className="appointment-status">
          {text.statuses[item.status]}
          {item.seriesId ? ` · ${text.dayView.seriesMark}` : ''}
        </span>
      </button>
      {next && height >= 40 ? (
        <button type="button" className="appointment-next" onClick={onNext} onPointerDown={(event) => event.stopPropagation()} tabIndex={-1}>
          {text.statuses[next]}
        </button>
      ) : null}
    </div>
  );
}
