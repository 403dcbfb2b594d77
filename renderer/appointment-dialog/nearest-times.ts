import { defaultOpeningHorizonMs } from '../../core/openings';
import type { NearestOpening, NearestOpeningQuery, NearestOpenings } from '../../core/openings';
import type { BookingDraft, DraftCheck } from '../../core/queries';
import { instantToWallTime } from '../../core/time';
import type { ClinicFormat, Messages } from '../i18n';

/**
 * The nearest-free-times lookup for what the dialog's dry run just said, or
 * `null` when there is nothing to look up: only a single visit (not a
 * series) whose check found the time taken or not free — a hard conflict
 * (booked, blockout, leave, closed, the patient elsewhere) or a warning
 * (outside hours). A clear check costs nothing more. The lookup is for the
 * exact start the check judged (its DST-resolved instant), the same
 * resources, patient, length and booking being moved.
 *
 * @example nearestTimesQuery(draft, check) // { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 30, at: '2026-01-05T15:00:00.000Z' }
 */
export function nearestTimesQuery(draft: BookingDraft | null, check: DraftCheck | null): NearestOpeningQuery | null {
  if (draft === null || check === null || draft.rrule !== undefined) return null;
  const visit = check.occurrences[0];
  if (visit === undefined || check.occurrences.length !== 1 || (check.hard.length === 0 && check.warnings.length === 0)) return null;
  return {
    resourceIds: [...draft.resourceIds],
    patientId: draft.patientId ?? null,
    durationMinutes: draft.durationMinutes,
    at: visit.start,
    ...(draft.excluding === undefined ? {} : { excluding: draft.excluding }),
  };
}

/**
 * Where the dialog's date and time fields move for a suggestion: its start
 * on the clinic's clock (the dialog books on it).
 *
 * @example movedStart({ start: '2026-01-05T15:30:00.000Z', end: '…' }, 'America/New_York') // { date: '2026-01-05', time: '10:30' }
 */
export function movedStart(opening: NearestOpening, clinicTimeZone: string): { date: string; time: string } {
  const wall = instantToWallTime(Date.parse(opening.start), clinicTimeZone);
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/**
 * A suggestion's words: its time, with the weekday and date when it is not
 * on the chosen day.
 *
 * @example whenLabel(opening, '2026-01-05', 'America/New_York', format, text.openings.nearest) // '10:30 AM'
 * @example whenLabel(tuesday, '2026-01-05', 'America/New_York', format, text.openings.nearest) // 'Tue Jan 6, 8:00 AM'
 */
export function whenLabel(opening: NearestOpening, chosenDate: string, clinicTimeZone: string, format: ClinicFormat, words: Messages['openings']['nearest']): string {
  const start = Date.parse(opening.start);
  const { date } = movedStart(opening, clinicTimeZone);
  return date === chosenDate ? format.time(start) : words.onDay(format.weekday(date), format.shortDate(date), format.time(start));
}

/**
 * Why a side has no suggestion: the chosen time is already past (nothing
 * earlier is offered), nothing free between now and then, or none in the
 * eight weeks the search looks.
 *
 * @example noneSentence('before', found, Date.parse(chosenStart), text.openings.nearest) // 'Nothing earlier: that time has already passed.'
 */
export function noneSentence(side: 'before' | 'after', found: NearestOpenings, at: number, words: Messages['openings']['nearest']): string {
  if (side === 'after') return words.nothingLater;
  const from = Date.parse(found.searchedFrom);
  if (from >= at) return words.nothingEarlierPast;
  // The search looks back to now, unless now is further back than eight weeks.
  return at - from < defaultOpeningHorizonMs ? words.nothingEarlierFromNow : words.nothingEarlierWeeks;
}
