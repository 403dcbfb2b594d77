import { useEffect, useRef } from 'react';
import type { DayColumn, DayGrid as Grid } from './day-columns';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { ResourceColumn } from './ResourceColumn';
import './schedule-shading.css';
import type { GridScale } from './ResourceColumn';
import type { MoveAppointment } from './useMoveAppointment';
import type { StatusChanges } from './useStatusChange';

/** Height of one slot row in pixels; a slot's minutes spread over it. */
export const slotHeight = 24;

/** Props of {@link DayGrid}. */
export interface DayGridProps {
  grid: Grid;
  slotMinutes: number;
  format: ClinicFormat;
  /** Wall minutes of "now" when the sheet shows today, else null. */
  nowMinute: number | null;
  selectedId: string | null;
  status: StatusChanges;
  move: MoveAppointment;
  onPick(column: DayColumn, startMinute: number, durationMinutes: number | null): void;
  /** Changes when the date changes, to scroll to the morning (or to now) again. */
  scrollKey: string;
}

/**
 * The scheduling grid: a sticky row of column names, a sticky time axis and
 * one {@link ResourceColumn} per resource, with a now-line across them.
 * Written here rather than taken from a calendar library: see README.
 *
 * @example <DayGrid grid={grid} slotMinutes={15} format={format} nowMinute={600} selectedId={null} status={status} move={move} onPick={open} scrollKey="2026-11-25" />
 */
export function DayGrid({ grid, slotMinutes, format, nowMinute, selectedId, status, move, onPick, scrollKey }: DayGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const scale: GridScale = { firstMinute: grid.firstMinute, lastMinute: grid.lastMinute, slotMinutes, pxPerMinute: slotHeight / slotMinutes };
  const height = (grid.lastMinute - grid.firstMinute) * scale.pxPerMinute;
  const hours: number[] = [];
  for (let minute = Math.ceil(grid.firstMinute / 60) * 60; minute < grid.lastMinute; minute += 60) hours.push(minute);
  const showNow = nowMinute !== null && nowMinute >= grid.firstMinute && nowMinute <= grid.lastMinute;

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Open at the first working hour (or an hour before now on today), not at the top of the range.
    const firstWork = Math.min(...grid.columns.flatMap((column) => column.hours.map((block) => block.start)), grid.lastMinute);
    // A quarter hour of margin keeps the first hour's label clear of the sticky column names.
    const target = (nowMinute !== null ? nowMinute - 60 : firstWork) - 15;
    element.scrollTop = Math.max(0, (target - grid.firstMinute) * scale.pxPerMinute);
    // Only when the day or the scale changes, not on every live update.
  }, [scrollKey, slotMinutes]);

  return (
    // Focusable so the sheet can be scrolled from the keyboard even on a day with no bookings to tab to.
    <div className="grid-scroller" ref={scroller} tabIndex={0} role="region" aria-label={text.dayView.gridLabel}>
      <div className="grid" style={{ gridTemplateColumns: `4.5rem repeat(${grid.columns.length}, minmax(9rem, 1fr))` }}>
        <div className="grid-corner" />
        {grid.columns.map((column) => (
          <div key={column.key} className="column-header" data-testid="column-header">
            <span>{column.label ?? column.resource?.name ?? text.dayView.otherColumn}</span>
            {column.leave.length > 0 ? <span className="column-note note-leave">{text.schedule.onLeave(column.leave.filter((reason) => reason !== '').join(', '))}</span> : null}
            {column.changedHours ? <span className="column-note note-hours">{text.schedule.hoursChanged(column.changedHours.name)}</span> : null}
          </div>
        ))}
        <div className="time-axis" style={{ height }} aria-hidden="true">
          {hours.map((minute) => (
            <span key={minute} className="time-label" style={{ top: (minute - grid.firstMinute) * scale.pxPerMinute }}>
              {format.wallTime(minute)}
            </span>
          ))}
        </div>
        {grid.columns.map((column) => (
          <ResourceColumn key={column.key} column={column} scale={scale} format={format} selectedId={selectedId} status={status} move={move} onPick={onPick} />
        ))}
        {showNow ? (
          <div className="now-line" style={{ top: `calc(var(--header-height) + ${(nowMinute - grid.firstMinute) * scale.pxPerMinute}px)` }} data-testid="now-line">
            <span className="sr-only">{text.dayView.nowLine}</span>
          </div>
        ) : null}
      </div>
    </div>
  );
}
