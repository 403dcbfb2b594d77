import { useRef, useState } from 'react';
import type { CSSProperties, MouseEvent, PointerEvent } from 'react';
import type { CalendarDate } from '../../core/model';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { useIsDoubleBooked } from '../needs-attention/useIsDoubleBooked';
import type { Placement } from './day-layout';
import type { GridItem } from './day-columns';
import { useDayView } from './day-view-store';
import { dragTarget, dragThresholdPx } from './drag-move';
import type { DragMode } from './drag-move';
import type { GridScale } from './ResourceColumn';
import { nextStep } from './status-keys';
import type { MoveAppointment } from './useMoveAppointment';
import type { StatusChanges } from './useStatusChange';
import { ConfirmationMark } from '../confirmations/ConfirmationMark';

/** Props of {@link AppointmentBlock}. */
export interface AppointmentBlockProps {
  placement: Placement<GridItem>;
  top: number;
  height: number;
  date: CalendarDate;
  scale: GridScale;
  format: ClinicFormat;
  selected: boolean;
  status: StatusChanges;
  move: MoveAppointment;
}

/** One line of a block's text, in px (0.85rem at line-height 1.25), and the body's vertical padding. */
const lineHeightPx = 17;
const paddingPx = 4;

/**
 * How many lines of text a block of `height` px holds, 1 to 3: one line is
 * time · name · status icon; two are name and time, then status · reason;
 * three give the reason a line of its own. Nothing is drawn over anything:
 * what does not fit is left out (the full text is on hover and focus, in the
 * tooltip and in the panel).
 *
 * @example linesThatFit(24) // 1
 * @example linesThatFit(48) // 2
 */
export function linesThatFit(height: number): 1 | 2 | 3 {
  const lines = Math.floor((height - paddingPx) / lineHeightPx);
  return lines >= 3 ? 3 : lines === 2 ? 2 : 1;
}

/** A press on the block that may turn into a drag. */
interface DragState {
  mode: DragMode;
  fromY: number;
  deltaPx: number;
  active: boolean;
}

/**
 * One booking on the grid, coloured by status, with the patient's name, the
 * reason and the length. It is a focusable button: a click or focus selects
 * it, and the desk's keys (A / R / C / M / X, U, E: renderer/shortcuts) then
 * act on the selection — the block handles no key of its own, so a key means
 * the same whether the block has focus or not. Tall enough blocks carry a
 * one-click button for the next step. Short blocks keep to the lines that fit
 * ({@link linesThatFit}); hovering or focusing a block opens it to its full text.
 * A booked appointment can be dragged to another time, or its bottom edge
 * dragged to change its length; the engine checks the new time first. A
 * series visit can be dragged too: the move asks which visits it applies to.
 *
 * @example <AppointmentBlock placement={placement} top={120} height={56} date="2026-11-25" scale={scale} format={format} selected={false} status={status} move={move} />
 */
export function AppointmentBlock({ placement, top, height, date, scale, format, selected, status, move }: AppointmentBlockProps) {
  const select = useDayView((state) => state.select);
  const [drag, setDrag] = useState<DragState | null>(null);
  const dragged = useRef(false);
  const grid = placement.item;
  const { item } = grid;
  const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
  const time = format.time(item.start);
  const next = nextStep(item.status);
  // Two desks booked this slot offline (sync): a red marker until the "Needs attention" inbox settles it.
  const doubleBooked = useIsDoubleBooked(item.id);
  const answered = item.confirmation && item.confirmation.status !== 'unconfirmed' ? `, ${text.confirmation.statuses[item.confirmation.status]}` : '';
  const label = `${text.dayView.appointmentLabel(name, time, item.durationMinutes, text.statuses[item.status], item.visitReason ?? '')}${answered}${doubleBooked ? ` ${text.needsAttention.marker}` : ''}`;
  // Only a booked appointment or series visit that starts on this day can be moved (the engine refuses the rest).
  const movable = item.status === 'booked' && grid.start >= 0;

  function onNext(event: MouseEvent) {
    event.stopPropagation();
    if (next) void status.change(item, next);
  }

  function startDrag(event: PointerEvent<HTMLElement>, mode: DragMode) {
    event.stopPropagation(); // the column underneath would start a new booking
    if (event.button !== 0 || !movable) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragged.current = false;
    setDrag({ mode, fromY: event.clientY, deltaPx: 0, active: false });
  }

  function moveDrag(event: PointerEvent) {
    if (!drag) return;
    const deltaPx = event.clientY - drag.fromY;
    setDrag({ ...drag, deltaPx, active: drag.active || Math.abs(deltaPx) > dragThresholdPx });
  }

  function endDrag() {
    if (!drag) return;
    setDrag(null);
    if (!drag.active) return;
    dragged.current = true;
    const target = dragTarget(drag.mode, grid, drag.deltaPx, scale.pxPerMinute, scale.slotMinutes);
    if (target) void move(item, date, target.start, target.durationMinutes);
  }

  const preview = drag?.active ? dragTarget(drag.mode, grid, drag.deltaPx, scale.pxPerMinute, scale.slotMinutes) : null;
  const shownTop = preview ? top + (preview.start - Math.max(grid.start, scale.firstMinute)) * scale.pxPerMinute : top;
  const shownHeight = preview ? preview.durationMinutes * scale.pxPerMinute : height;

  const lines = linesThatFit(shownHeight);
  return (
    <div
      className={`appointment status-${item.status} lines-${lines}${selected ? ' selected' : ''}${placement.lanes > 1 ? ' narrow' : ''}${preview ? ' dragging' : ''}${movable ? ' movable' : ''}${doubleBooked ? ' double-booked' : ''}`}
      style={{ top: shownTop, '--block-height': `${shownHeight}px`, left: `calc(${(placement.lane / placement.lanes) * 100}% + 2px)`, width: `calc(${100 / placement.lanes}% - 4px)` } as CSSProperties}
      data-testid="appointment"
      data-appointment-id={item.id}
      data-status={item.status}
      data-double-booked={doubleBooked || undefined}
    >
      <button
        type="button"
        className="appointment-body"
        aria-label={label}
        title={label}
        aria-pressed={selected}
        onClick={(event) => {
          event.stopPropagation();
          if (dragged.current) dragged.current = false; // the click that ends a drag is not a selection
          else select(item.id);
        }}
        onFocus={() => select(item.id)}
        onPointerDown={(event) => startDrag(event, 'move')}
        onPointerMove={moveDrag}
        onPointerUp={endDrag}
        onPointerCancel={() => setDrag(null)}
      >
        <span className="appointment-line">
          {doubleBooked ? (
            <span className="double-booked-mark" aria-hidden="true" title={text.needsAttention.marker}>
              !
            </span>
          ) : null}
          <span className="appointment-name">{name}</span>
          <span className="appointment-time">
            <span className="appointment-start">{preview ? format.wallTime(preview.start) : time}</span>
            <span className="appointment-length"> · {text.dialog.durationMinutes(preview ? preview.durationMinutes : item.durationMinutes)}</span>
          </span>
          <span className="appointment-icon" aria-hidden="true">
            {text.dayView.statusIcons[item.status]}
          </span>
          <ConfirmationMark item={item} />
        </span>
        <span className="appointment-details">
          <span className="appointment-status">
            {text.statuses[item.status]}
            {item.seriesId ? ` · ${text.dayView.seriesMark}` : ''}
          </span>
          {item.visitReason ? <span className="appointment-reason">{item.visitReason}</span> : null}
        </span>
      </button>
      {next && shownHeight >= 40 && !preview ? (
        <button type="button" className="appointment-next" onClick={onNext} onPointerDown={(event) => event.stopPropagation()} tabIndex={-1}>
          {text.statuses[next]}
        </button>
      ) : null}
      {movable ? (
        <div
          className="resize-handle"
          title={text.dayView.resizeHandle}
          aria-hidden="true"
          data-testid="resize-handle"
          onPointerDown={(event) => startDrag(event, 'resize')}
          onPointerMove={moveDrag}
          onPointerUp={endDrag}
          onPointerCancel={() => setDrag(null)}
        />
      ) : null}
    </div>
  );
}
