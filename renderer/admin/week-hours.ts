import type { AvailabilityKind, AvailabilityRule } from '../../core/model';

/** ISO weekdays, Monday = 1 … Sunday = 7, as core/model's availability rules number them. */
export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** One block in the week editor: a stored rule, or a new one not saved yet. */
export interface HoursDraft {
  /** The rule's id; new blocks get theirs when created, so a retry never makes two. */
  id: string;
  resourceId: string;
  weekday: number;
  start: string;
  end: string;
  kind: AvailabilityKind;
  /** True until the block has been saved once. */
  isNew: boolean;
}

/**
 * A resource's rules as seven lists (Monday first), each in start order with
 * working hours before breaks at the same start, ready for the week grid.
 *
 * @example weekOf(rules)[0] // Monday's blocks, e.g. [{ start: '09:00', end: '17:00', kind: 'working', … }]
 */
export function weekOf(rules: readonly AvailabilityRule[]): HoursDraft[][] {
  return isoWeekdays.map((weekday) =>
    rules
      .filter((rule) => rule.weekday === weekday)
      .map((rule) => ({ ...rule, isNew: false }))
      .sort((left, right) => left.start.localeCompare(right.start) || (left.kind === right.kind ? 0 : left.kind === 'working' ? -1 : 1)),
  );
}

/**
 * A sensible new block for a day: working hours start where the day's last
 * block ends (09:00–17:00 on an empty day); a break is an hour at 12:00.
 *
 * @example newBlock('id-1', 'dr-lee', 3, 'break', []) // { start: '12:00', end: '13:00', kind: 'break', weekday: 3, … }
 */
export function newBlock(id: string, resourceId: string, weekday: number, kind: AvailabilityKind, day: readonly HoursDraft[]): HoursDraft {
  if (kind === 'break') return { id, resourceId, weekday, kind, start: '12:00', end: '13:00', isNew: true };
  const lastEnd = day.filter((block) => block.kind === 'working').reduce((latest, block) => (block.end > latest ? block.end : latest), '');
  if (!lastEnd) return { id, resourceId, weekday, kind, start: '09:00', end: '17:00', isNew: true };
  const [hours = 0, minutes = 0] = lastEnd.split(':').map(Number);
  const next = Math.min(hours * 60 + minutes + 60, 24 * 60);
  const at = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  return { id, resourceId, weekday, kind, start: lastEnd === '24:00' ? '23:00' : lastEnd, end: lastEnd === '24:00' ? '24:00' : at(next), isNew: true };
}

/**
 * The weekday names in the clinic's language, Monday first (from Intl, so a
 * translation needs no table).
 *
 * @example weekdayNames('en-US') // ['Monday', 'Tuesday', …, 'Sunday']
 */
export function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return isoWeekdays.map((weekday) => format.format(Date.UTC(2024, 0, weekday, 12)));
}
