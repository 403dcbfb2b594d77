import type { CalendarDate, Patient, Resource } from '../../core/model';
import type { NoOpeningReason, Opening } from '../../core/openings';
import { instantToWallTime } from '../../core/time';
import type { AppointmentDraft } from '../appointment-dialog/appointment-dialog-store';
import { wallMinutesOn } from '../dates/calendar-dates';
import type { Messages } from '../i18n';

/** One result as the panel lists it: the opening, its provider and room, and the day on the provider's clock. */
export interface OpeningRow {
  /** Unique in the list: provider and start. */
  key: string;
  opening: Opening;
  provider: Resource | undefined;
  room: Resource | undefined;
  /** The date the visit starts on, on the provider's clock. */
  day: CalendarDate;
}

/** A run of results on one day (the provider's clock), in the search's order. */
export interface OpeningDay {
  day: CalendarDate;
  rows: OpeningRow[];
}

/**
 * The results grouped by day, earliest first as the engine returns them:
 * a new group starts whenever the day on the result's provider clock
 * changes, so the order is never reshuffled to fit the headings.
 *
 * @example openingDays([{ start: '2027-01-11T14:00:00.000Z', end: '…', providerId: 'dr-chen' }], resourcesById)
 * // [{ day: '2027-01-11', rows: [{ key: 'dr-chen@2027-01-11T14:00:00.000Z', … }] }]
 */
export function openingDays(openings: readonly Opening[], resources: ReadonlyMap<string, Resource>, clinicTimeZone: string): OpeningDay[] {
  const days: OpeningDay[] = [];
  for (const opening of openings) {
    const provider = resources.get(opening.providerId);
    const day = instantToWallTime(Date.parse(opening.start), provider?.timeZone ?? clinicTimeZone).slice(0, 10);
    const row: OpeningRow = { key: `${opening.providerId}@${opening.start}`, opening, provider, room: opening.roomId === undefined ? undefined : resources.get(opening.roomId), day };
    const last = days.at(-1);
    if (last?.day === day) last.rows.push(row);
    else days.push({ day, rows: [row] });
  }
  return days;
}

/**
 * The booking dialog's draft for an opening: the date and start on the
 * clinic's clock (the dialog books on it), the length, the provider and the
 * room, and the patient the search was for. The dialog then runs the usual
 * booking check and command.
 *
 * @example bookingDraftFor({ start: '2027-01-11T14:00:00.000Z', end: '2027-01-11T14:40:00.000Z', providerId: 'dr-chen', roomId: 'room-2' }, 'America/New_York', null)
 * // { date: '2027-01-11', minute: 540, durationMinutes: 40, resourceIds: ['dr-chen', 'room-2'] }
 */
export function bookingDraftFor(opening: Opening, clinicTimeZone: string, patient: Patient | null): AppointmentDraft {
  const start = Date.parse(opening.start);
  const date = instantToWallTime(start, clinicTimeZone).slice(0, 10);
  return {
    date,
    minute: wallMinutesOn(date, start, clinicTimeZone),
    durationMinutes: Math.round((Date.parse(opening.end) - start) / 60_000),
    resourceIds: opening.roomId === undefined ? [opening.providerId] : [opening.providerId, opening.roomId],
    ...(patient ? { patient } : {}),
  };
}

/**
 * The sentence for why one provider (or room) offered nothing, e.g.
 * "Dr Chen has no hours on Friday." Weekday names come from Intl in the
 * clinic's locale.
 *
 * @example whySentence({ resourceId: 'dr-chen', reason: 'no-hours-on-days', weekdays: [5] }, 'Dr Chen', 40, 'en-US', text.openings) // 'Dr Chen has no hours on Friday.'
 */
export function whySentence(reason: NoOpeningReason, name: string, wantedMinutes: number, locale: string, words: Messages['openings']): string {
  switch (reason.reason) {
    case 'no-hours':
      return words.why.noHours(name);
    case 'no-hours-on-days': {
      const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
      // 2024-01-01 was a Monday: ISO weekday n is n − 1 days later.
      const names = reason.weekdays.map((day) => weekday.format(Date.UTC(2024, 0, day)));
      return words.why.noHoursOnDays(name, new Intl.ListFormat(locale, { type: 'disjunction' }).format(names));
    }
    case 'no-hours-at-times':
      return words.why.noHoursAtTimes(name);
    case 'too-short':
      return words.why.tooShort(name, reason.longestMinutes, wantedMinutes);
    case 'fully-booked':
      return words.why.fullyBooked(name);
  }
}

/**
 * Where the highlighted result moves for a key in the results list (↑ ↓,
 * Home, End), kept inside the list; `undefined` for any other key.
 *
 * @example movedIndex(0, 'ArrowDown', 5) // 1
 * @example movedIndex(4, 'ArrowDown', 5) // 4
 */
export function movedIndex(index: number, key: string, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
