import type { DayItem } from '../data/day-sheet';
import type { DayGrid, HoursBlock, MarkBlock } from '../day-view/day-columns';

/** One printed page: one column of the day sheet (a provider, or a room when the sheet shows rooms). */
export interface PrintPage {
  key: string;
  /** The resource's name, or `null` for bookings with no resource of the shown kind. */
  name: string | null;
  resourceId: string | null;
  /** Bookable time (core/schedule's availability), in wall minutes. */
  hours: HoursBlock[];
  /** Breaks, blockouts and leave, named on the page. */
  marks: MarkBlock[];
  closedReason?: string | undefined;
  /** Bookings in time order (start, then end, then patient name), with wall minutes. */
  rows: { start: number; end: number; item: DayItem }[];
}

/**
 * The day sheet as printed pages, one per column the screen shows (so one
 * per provider in provider view), each listing its bookings in time order.
 * Lanes do not matter on paper: overlapping bookings simply follow each
 * other in the list, so none is ever hidden.
 *
 * @example printPages(buildDayGrid(sheet, options)).map((page) => page.name) // ['Dr Adams', 'Dr Brown']
 */
export function printPages(grid: DayGrid): PrintPage[] {
  return grid.columns.map((column) => ({
    key: column.key,
    name: column.resource?.name ?? null,
    resourceId: column.resource?.id ?? null,
    hours: column.hours,
    marks: column.marks,
    closedReason: column.closedReason,
    rows: column.placements
      .map(({ item }) => ({ start: item.start, end: item.end, item: item.item }))
      .sort((left, right) => left.start - right.start || left.end - right.end || (left.item.patient?.familyName ?? '').localeCompare(right.item.patient?.familyName ?? '')),
  }));
}
