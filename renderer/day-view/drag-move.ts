/**
 * What dragging a booking on the grid means, in wall minutes: pressing on
 * the block and dragging moves it, pressing on its bottom edge and dragging
 * changes its length. Movements snap to the slot size; nothing below the
 * threshold counts as a drag (so a click still just selects).
 */

/** Which part of the block was grabbed. */
export type DragMode = 'move' | 'resize';

/** The booking as it sits on the grid before the drag. */
export interface DragOrigin {
  start: number;
  end: number;
}

/** The result of a drag: a new start and length, or `null` when it is not a change. */
export interface DragResult {
  start: number;
  durationMinutes: number;
}

/** Pixels the pointer must travel before a press becomes a drag. */
export const dragThresholdPx = 4;

/**
 * Where a drag of `deltaPx` pixels puts the booking. A move keeps the length
 * and snaps the start to the slot grid; a resize snaps the end and keeps at
 * least one slot (and at least 5 minutes, the engine's shortest). Both stay
 * inside the day (0–1440). Returns `null` for no change.
 *
 * @example dragTarget('move', { start: 600, end: 630 }, 48, 1.6, 15) // { start: 630, durationMinutes: 30 }
 * @example dragTarget('resize', { start: 600, end: 630 }, 24, 1.6, 15) // { start: 600, durationMinutes: 45 }
 */
export function dragTarget(mode: DragMode, origin: DragOrigin, deltaPx: number, pxPerMinute: number, slotMinutes: number): DragResult | null {
  const deltaMinutes = deltaPx / pxPerMinute;
  const length = origin.end - origin.start;
  if (mode === 'move') {
    const snapped = Math.round((origin.start + deltaMinutes) / slotMinutes) * slotMinutes;
    const start = Math.min(Math.max(0, snapped), 1440 - Math.min(length, 1440));
    return start === origin.start ? null : { start, durationMinutes: length };
  }
  const end = Math.round((origin.end + deltaMinutes) / slotMinutes) * slotMinutes;
  const shortest = Math.max(5, slotMinutes);
  const durationMinutes = Math.max(shortest, Math.min(end, 1440) - origin.start);
  return durationMinutes === length ? null : { start: origin.start, durationMinutes };
}
