import { msToInstant } from '../model';
import type { Series, SeriesException, SeriesOccurrence } from '../model';
import { instantToWallTime, wallTimeToInstant } from '../time';
import type { WallTime } from '../time';
import { expandRule } from './expand';
import type { RuleSpec } from './expand';
import { checkWindow } from './expand-window';
import type { ExpandWindow } from './expand-window';
import { occurrenceIdFor } from './occurrence-id';

const minuteMs = 60_000;

/**
 * The part of the timeline to show, as for `expandRule`, plus whether
 * cancelled occurrences come back (greyed out in the day view) or not (the
 * overlap checker, the day sheet). `from` inclusive, `to` exclusive; an
 * occurrence is in the window when its `[start, end)` overlaps it, so a visit
 * that started before midnight still shows on the next day.
 */
export interface SeriesWindow extends ExpandWindow {
  /** Default true: cancelled occurrences come back with `status: 'cancelled'`. */
  includeCancelled?: boolean;
}

/**
 * The `expandRule` input for a series.
 *
 * @example ruleSpecOf(series) // { dtstart: '2025-03-03T09:00:00', tzid: 'America/New_York', rrule: 'FREQ=WEEKLY;COUNT=10', exdates: [], rdates: [] }
 */
export function ruleSpecOf(series: Pick<Series, 'dtstart' | 'timeZone' | 'rrule' | 'exdates' | 'rdates'>): RuleSpec {
  return { dtstart: series.dtstart, tzid: series.timeZone, rrule: series.rrule, exdates: series.exdates, rdates: series.rdates };
}

/**
 * The occurrence of `spec` at `originalStart` (compared as instants, so the
 * nominal 02:30 of a spring-forward day finds the 03:30 occurrence), or
 * `undefined` when the rule does not generate it (never, or not any more).
 *
 * @example findRuleOccurrence(ruleSpecOf(series), '2025-03-10T09:00') // { local: '2025-03-10T09:00:00', utc: '2025-03-10T13:00:00.000Z' }
 */
export function findRuleOccurrence(spec: RuleSpec, originalStart: WallTime, field = 'originalStart'): { local: WallTime; utc: string } | undefined {
  const instant = wallTimeToInstant(originalStart, spec.tzid, field);
  return expandRule(spec, { from: msToInstant(instant), to: msToInstant(instant + 1), limit: 1 })[0];
}

function exceptionKey(exception: SeriesException, timeZone: string): number {
  return wallTimeToInstant(exception.originalStart, timeZone, 'originalStart');
}

function baseOccurrence(series: Series, local: WallTime, utc: string): SeriesOccurrence {
  const start = Date.parse(utc);
  return {
    id: occurrenceIdFor(series.id, local),
    seriesId: series.id,
    originalStart: local,
    wallStart: local,
    timeZone: series.timeZone,
    start: utc,
    // Elapsed time: a 60-minute visit lasts 60 real minutes on a DST day too.
    end: msToInstant(start + series.durationMinutes * minuteMs),
    durationMinutes: series.durationMinutes,
    resourceIds: [...series.resourceIds],
    patientId: series.patientId,
    status: 'booked',
    visitReason: series.visitReason,
    notes: series.notes,
    isException: false,
  };
}

/** An occurrence with one exception applied; it keeps its id and original start. */
function applyException(occurrence: SeriesOccurrence, exception: SeriesException): SeriesOccurrence {
  if (exception.kind === 'cancelled') return { ...occurrence, status: 'cancelled', isException: true };
  const start = wallTimeToInstant(exception.wallStart, exception.timeZone, 'wallStart');
  return {
    ...occurrence,
    // The wall time a clock shows, as for rule occurrences (a gap time reads one hour later).
    wallStart: instantToWallTime(start, exception.timeZone),
    timeZone: exception.timeZone,
    start: msToInstant(start),
    end: msToInstant(start + exception.durationMinutes * minuteMs),
    durationMinutes: exception.durationMinutes,
    resourceIds: [...exception.resourceIds],
    visitReason: exception.visitReason,
    notes: exception.notes,
    isException: true,
  };
}

/**
 * The occurrences of a series in a window, with its exceptions applied
 * (RFC 5545 RECURRENCE-ID semantics, keyed by original start):
 *
 * - `cancelled`: the occurrence comes back with `status: 'cancelled'` so the
 *   day view can grey it out; `includeCancelled: false` leaves it out.
 * - `moved`: start, end, zone, duration, resources, reason and notes come
 *   from the exception; id and `originalStart` stay. It shows where it was
 *   moved TO: a visit moved into the window from outside it appears, one
 *   moved out of the window does not.
 *
 * `end` is `start` + duration in elapsed time (may cross midnight or a DST
 * change). Sorted by start, then id; `limit` keeps the earliest. A series
 * that never ends needs `to` or `limit` (`window-required`), and a window
 * with too many occurrences throws `too-many-occurrences`, both from
 * `expandRule`. Exceptions of other series are ignored.
 *
 * @example expandSeries(series, [], { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' })
 * // [{ id: 's1:20250303T090000', originalStart: '2025-03-03T09:00:00', start: '2025-03-03T14:00:00.000Z', status: 'booked', … }, …]
 */
export function expandSeries(series: Series, exceptions: readonly SeriesException[], window: SeriesWindow = {}): SeriesOccurrence[] {
  const { from, to, limit } = checkWindow(window);
  const includeCancelled = window.includeCancelled ?? true;
  const spec = ruleSpecOf(series);
  const byOriginal = new Map<number, SeriesException>();
  for (const exception of exceptions) {
    if (exception.seriesId === series.id) byOriginal.set(exceptionKey(exception, series.timeZone), exception);
  }

  // Rule occurrences that start up to one duration before `from` still overlap it.
  const durationMs = series.durationMinutes * minuteMs;
  const ruleWindow: ExpandWindow = {};
  if (from !== -Infinity) ruleWindow.from = msToInstant(from - durationMs + 1);
  if (window.to !== undefined) ruleWindow.to = window.to;
  // Each exception can take at most one rule occurrence out of the result.
  if (limit !== Infinity) ruleWindow.limit = limit + byOriginal.size;
  const overlaps = (occurrence: SeriesOccurrence) => Date.parse(occurrence.end) > from && Date.parse(occurrence.start) < to;

  const result: SeriesOccurrence[] = [];
  const seen = new Set<number>();
  for (const { local, utc } of expandRule(spec, ruleWindow)) {
    const key = Date.parse(utc);
    seen.add(key);
    const exception = byOriginal.get(key);
    const occurrence = exception ? applyException(baseOccurrence(series, local, utc), exception) : baseOccurrence(series, local, utc);
    if (overlaps(occurrence)) result.push(occurrence);
  }
  // Moved here from an original start outside the rule window.
  for (const [key, exception] of byOriginal) {
    if (exception.kind !== 'moved' || seen.has(key)) continue;
    const start = wallTimeToInstant(exception.wallStart, exception.timeZone, 'wallStart');
    if (!(start + exception.durationMinutes * minuteMs > from && start < to)) continue;
    const original = findRuleOccurrence(spec, exception.originalStart);
    if (original) result.push(applyException(baseOccurrence(series, original.local, original.utc), exception));
  }

  const shown = includeCancelled ? result : result.filter((occurrence) => occurrence.status !== 'cancelled');
  shown.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return limit === Infinity ? shown : shown.slice(0, limit);
}
