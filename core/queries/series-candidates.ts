import { msToInstant } from '../model';
import type { Series, SeriesException } from '../model';
import { seriesCheckHorizonMs } from '../overlap';
import { expandSeries } from '../recurrence';
import { wallTimeToInstant } from '../time';
import type { Candidate } from './check-against-store';

/**
 * A series' live occurrences from `from` (epoch ms; `-Infinity` for all of
 * them) to the check horizon, as booking candidates. The horizon counts from
 * the later of `from` and the series' first start, so a series is always
 * checked for a year ahead (core/overlap's `seriesCheckHorizonMs`). Shared by
 * the series commands and the dialog's dry run (`checkDraft`).
 *
 * @example seriesCandidates(series, [], -Infinity) // [{ id: 's1:20260105T090000', start: 1767621600000, end: 1767623400000, resourceIds: ['dr-lee'], patientId: 'p1' }, …]
 */
export function seriesCandidates(series: Series, exceptions: readonly SeriesException[], from: number): Candidate[] {
  const start = Math.max(from, wallTimeToInstant(series.dtstart, series.timeZone, 'dtstart'));
  return expandSeries(series, exceptions, { from: msToInstant(start), to: msToInstant(start + seriesCheckHorizonMs), includeCancelled: false }).map((occurrence) => ({
    id: occurrence.id,
    start: Date.parse(occurrence.start),
    end: Date.parse(occurrence.end),
    resourceIds: occurrence.resourceIds,
    patientId: occurrence.patientId,
  }));
}
