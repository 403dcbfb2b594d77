import type { BlockoutEnforcement, CalendarDate, Resource, ResourceKind } from '../../core/model';
import type { DayItem, DaySheet } from '../data/day-sheet';
import { wallMinutesOn } from '../dates/calendar-dates';
import { layOutColumn } from './day-layout';
import type { Placement } from './day-layout';

/** A booking placed on the grid: wall minutes after the date's midnight, and its lane. */
export interface GridItem {
  id: string;
  item: DayItem;
  start: number;
  end: number;
}

/** A stretch of bookable time on this date, in wall minutes (core/schedule's `availability`). */
export interface HoursBlock {
  start: number;
  end: number;
  /** Soft blockouts over it, by name: bookable by a manager with a reason. */
  soft: string[];
}

/** A break, blockout or leave on this date, in wall minutes, drawn beneath the bookings with its name. */
export interface MarkBlock {
  id: string;
  kind: 'break' | 'blockout' | 'leave';
  name?: string | undefined;
  enforcement?: BlockoutEnforcement | undefined;
  start: number;
  end: number;
}

/** One column of the day sheet: a resource (or, when needed, bookings with none of the shown kind). */
export interface DayColumn {
  key: string;
  /** The date the column shows (all the same on the day sheet; seven on a week). */
  date: CalendarDate;
  /** Heading, when it is not the resource's name (a week's day names). */
  label?: string | undefined;
  resource: Resource | null;
  /** Bookable time; everything else in the column is shaded. */
  hours: HoursBlock[];
  marks: MarkBlock[];
  /** Leave meeting this date, by reason ("Annual leave"), for the column's header. */
  leave: string[];
  /** The date's hours were changed for this day (an override), with its name when it has one. */
  changedHours?: { name?: string | undefined } | undefined;
  closedReason?: string | undefined;
  placements: Placement<GridItem>[];
}

/** What the grid draws. */
export interface DayGrid {
  columns: DayColumn[];
  /** First and last wall minute shown: the chosen range, widened to every booking so none is cut off. */
  firstMinute: number;
  lastMinute: number;
}

/** The view's choices. */
export interface DayGridOptions {
  kind: ResourceKind;
  showCancelled: boolean;
  dayStartMinute: number;
  dayEndMinute: number;
}

/**
 * Builds the day sheet's columns: one per active resource of the chosen
 * kind (by name), each with its bookable time for the date (the sheet's
 * `availability`), its breaks, blockouts and leave, any change of hours or
 * closure, and its bookings laid out in lanes. A booking with several resources shows
 * in each of their columns. Bookings that have no resource of the shown kind
 * get an extra column at the end, so switching to rooms never hides a
 * provider-only visit. The visible range grows to fit every booking.
 *
 * @example buildDayGrid(sheet, { kind: 'provider', showCancelled: false, dayStartMinute: 420, dayEndMinute: 1140 })
 */
export function buildDayGrid(sheet: DaySheet, options: DayGridOptions): DayGrid {
  const resources = sheet.resources.filter((resource) => resource.kind === options.kind).sort((left, right) => left.name.localeCompare(right.name));
  const shownIds = new Set(resources.map((resource) => resource.id));
  const items = sheet.items.filter((item) => options.showCancelled || item.status !== 'cancelled');
  const toGrid = (item: DayItem): GridItem => ({
    id: item.id,
    item,
    start: wallMinutesOn(sheet.date, item.start, sheet.timeZone),
    end: wallMinutesOn(sheet.date, item.end, sheet.timeZone),
  });
  const clinicClosure = sheet.closures.find((closure) => closure.resourceId === null);
  const minutes = (instant: string) => clampMinute(wallMinutesOn(sheet.date, Date.parse(instant), sheet.timeZone));

  const columns: DayColumn[] = resources.map((resource) => {
    const hours = sheet.bookable
      .filter((span) => span.resourceId === resource.id)
      .map((span) => ({ start: minutes(span.start), end: minutes(span.end), soft: (span.soft ?? []).map((entry) => entry.label) }))
      .filter((block) => block.end > block.start);
    const own = sheet.marks.filter((mark) => mark.resourceId === resource.id);
    const marks = own.flatMap((mark): MarkBlock[] =>
      mark.kind === 'override' ? [] : [{ id: `${mark.blockId}@${mark.start}`, kind: mark.kind, name: mark.name, enforcement: mark.enforcement, start: minutes(mark.start), end: minutes(mark.end) }],
    ).filter((mark) => mark.end > mark.start);
    const override = own.find((mark) => mark.kind === 'override' && mark.day === sheet.date);
    const closure = sheet.closures.find((candidate) => candidate.resourceId === resource.id) ?? clinicClosure;
    const bookings = items.filter((item) => item.resourceIds.includes(resource.id)).map(toGrid);
    return {
      key: resource.id,
      date: sheet.date,
      resource,
      hours,
      marks,
      leave: [...new Set(own.filter((mark) => mark.kind === 'leave').map((mark) => mark.name ?? ''))],
      changedHours: override === undefined ? undefined : { name: override.name },
      closedReason: closure?.reason,
      placements: layOutColumn(bookings),
    };
  });
  const homeless = items.filter((item) => !item.resourceIds.some((id) => shownIds.has(id))).map(toGrid);
  if (homeless.length > 0) columns.push({ key: 'other', date: sheet.date, resource: null, hours: [], marks: [], leave: [], closedReason: undefined, placements: layOutColumn(homeless) });

  let firstMinute = options.dayStartMinute;
  let lastMinute = options.dayEndMinute;
  for (const column of columns) {
    for (const { item } of column.placements) {
      firstMinute = Math.min(firstMinute, Math.max(0, Math.floor(item.start / 60) * 60));
      lastMinute = Math.max(lastMinute, Math.min(1440, Math.ceil(item.end / 60) * 60));
    }
  }
  return { columns, firstMinute, lastMinute };
}

/** Schedule times of the day before or after reach no further than the day's own edges. */
function clampMinute(minute: number): number {
  return Math.min(1440, Math.max(0, minute));
}

/**
 * One resource's week: a column per day (from `sheets`, one per date in
 * order), each with that day's bookable time, marks, closure and bookings, headed by
 * `labelFor(date)`. The visible range fits every day's bookings.
 *
 * @example buildWeekGrid(sevenSheets, 'dr-lee', options, (date) => format.shortDate(date))
 */
export function buildWeekGrid(sheets: readonly DaySheet[], resourceId: string, options: Omit<DayGridOptions, 'kind'>, labelFor: (date: CalendarDate) => string): DayGrid {
  const columns: DayColumn[] = [];
  let firstMinute = options.dayStartMinute;
  let lastMinute = options.dayEndMinute;
  for (const sheet of sheets) {
    const resource = sheet.resources.find((candidate) => candidate.id === resourceId);
    if (!resource) continue;
    const day = buildDayGrid({ ...sheet, resources: [resource] }, { ...options, kind: resource.kind });
    const column = day.columns.find((candidate) => candidate.key === resourceId);
    if (!column) continue;
    columns.push({ ...column, key: sheet.date, label: labelFor(sheet.date) });
    for (const { item } of column.placements) {
      firstMinute = Math.min(firstMinute, Math.max(0, Math.floor(item.start / 60) * 60));
      lastMinute = Math.max(lastMinute, Math.min(1440, Math.ceil(item.end / 60) * 60));
    }
  }
  return { columns, firstMinute, lastMinute };
}
