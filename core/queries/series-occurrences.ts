import { msToInstant } from '../model';
import type { Series, SeriesException, SeriesOccurrence } from '../model';
import { expandSeries } from '../recurrence';

/** A half-open span of instants, epoch ms: `[start, end)`. */
export interface TimeSpan {
  start: number;
  end: number;
}

/**
 * The occurrences of one series that overlap `span`, exceptions applied
 * (cancelled ones included, marked cancelled). A thin epoch-ms wrapper over
 * core/recurrence's `expandSeries`, kept because the renderer's day sheet
 * calls it; prefer {@link calendarRange}, which also merges stored
 * appointments and skips materialised occurrences.
 *
 * @example seriesOccurrences(series, exceptions, { start: Date.parse('2026-03-09T04:00Z'), end: Date.parse('2026-03-10T04:00Z') })
 */
export function seriesOccurrences(series: Series, exceptions: readonly SeriesException[], span: TimeSpan): SeriesOccurrence[] {
  return expandSeries(series, exceptions, { from: msToInstant(span.start), to: msToInstant(span.end) });
}
