import { useRef, useState } from 'react';
import type { CSSProperties, PointerEvent } from 'react';
import type { DayColumn } from './day-columns';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { AppointmentBlock } from './AppointmentBlock';
import type { MoveAppointment } from './useMoveAppointment';
import type { StatusChanges } from './useStatusChange';

/** Geometry shared by the columns and the time axis. */
export interface GridScale {
  firstMinute: number;
  lastMinute: number;
  slotMinutes: number;
  pxPerMinute: number;
}

/** Props of {@link ResourceColumn}. */
export interface ResourceColumnProps {
  column: DayColumn;
  scale: GridScale;
  format: ClinicFormat;
  selectedId: string | null;
  status: StatusChanges;
  move: MoveAppointment;
  /** A slot was clicked (one default-length booking) or a range dragged. */
  onPick(column: DayColumn, startMinute: number, durationMinutes: number | null): void;
}

/**
 * One resource's column: time that cannot be booked shaded, bookable time
 * light (core/schedule's `availability`), soft blockouts hatched with their
 * name, breaks, blockouts and leave drawn beneath the bookings with their
 * name, closures marked, bookings in lanes. Pressing on an empty slot and
 * releasing opens the appointment dialog there; dragging picks the length.
 *
 * @example <ResourceColumn column={column} scale={scale} format={format} selectedId={null} status={status} move={move} onPick={open} />
 */
export function ResourceColumn({ column, scale, format, selectedId, status, move, onPick }: ResourceColumnProps) {
  const body = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const y = (minute: number) => (minute - scale.firstMinute) * scale.pxPerMinute;
  const height = (scale.lastMinute - scale.firstMinute) * scale.pxPerMinute;

  function minuteAt(event: PointerEvent, round: 'floor' | 'ceil'): number {
    const rect = body.current?.getBoundingClientRect();
    const offset = rect ? event.clientY - rect.top : 0;
    const raw = scale.firstMinute + offset / scale.pxPerMinute;
    const snapped = Math[round](raw / scale.slotMinutes) * scale.slotMinutes;
    return Math.min(scale.lastMinute, Math.max(scale.firstMinute, snapped));
  }

  function onPointerDown(event: PointerEvent) {
    if (event.button !== 0 || column.resource === null) return;
    const from = minuteAt(event, 'floor');
    body.current?.setPointerCapture(event.pointerId);
    setDrag({ from, to: from + scale.slotMinutes });
  }

  function onPointerMove(event: PointerEvent) {
    if (!drag) return;
    setDrag({ from: drag.from, to: Math.max(drag.from + scale.slotMinutes, minuteAt(event, 'ceil')) });
  }

  function onPointerUp() {
    if (!drag) return;
    const length = drag.to - drag.from;
    setDrag(null);
    onPick(column, drag.from, length > scale.slotMinutes ? length : null);
  }

  return (
    <div
      ref={body}
      className={`column-body${column.closedReason ? ' closed' : ''}`}
      style={{ height, '--slot-px': `${scale.slotMinutes * scale.pxPerMinute}px` } as CSSProperties}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      data-testid="column"
      data-resource-id={column.resource?.id ?? ''}
      data-first-minute={scale.firstMinute}
      data-px-per-minute={scale.pxPerMinute}
    >
      {column.hours.map((block) => (
        <div
          key={`hours-${block.start}`}
          className={`hours hours-working${block.soft.length > 0 ? ' hours-soft' : ''}`}
          style={{ top: y(block.start), height: (block.end - block.start) * scale.pxPerMinute }}
          aria-hidden="true"
          data-testid="bookable"
        >
          {block.soft.length > 0 ? <span className="mark-name">{text.schedule.softMark(block.soft.join(', '))}</span> : null}
        </div>
      ))}
      {column.marks.map((mark) => (
        <div
          key={mark.id}
          className={`schedule-mark mark-${mark.kind}${mark.enforcement ? ` mark-${mark.enforcement}` : ''}`}
          style={{ top: y(Math.max(mark.start, scale.firstMinute)), height: (Math.min(mark.end, scale.lastMinute) - Math.max(mark.start, scale.firstMinute)) * scale.pxPerMinute }}
          data-testid="schedule-mark"
          data-kind={mark.kind}
        >
          <span className="mark-name">{text.schedule.markName(mark.kind, mark.name, `${format.wallTime(mark.start)}–${format.wallTime(mark.end)}`)}</span>
        </div>
      ))}
      {column.closedReason ? <div className="closed-label">{text.dayView.closed(column.closedReason)}</div> : null}
      {drag ? <div className="drag-ghost" style={{ top: y(drag.from), height: (drag.to - drag.from) * scale.pxPerMinute }} aria-hidden="true" /> : null}
      {column.placements.map((placement) => (
        <AppointmentBlock
          key={placement.item.id}
          placement={placement}
          top={y(Math.max(placement.item.start, scale.firstMinute))}
          height={Math.max(14, (Math.min(placement.item.end, scale.lastMinute) - Math.max(placement.item.start, scale.firstMinute)) * scale.pxPerMinute)}
          date={column.date}
          scale={scale}
          format={format}
          selected={placement.item.id === selectedId}
          status={status}
          move={move}
        />
      ))}
    </div>
  );
}
