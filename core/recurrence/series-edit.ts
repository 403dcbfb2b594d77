import { parseSeries } from '../model';
import type { Series, SeriesException } from '../model';
import type { WallTime } from '../time';
import { expandRule } from './expand';
import { findRuleOccurrence, ruleSpecOf } from './series-expand';

/** The fields "edit all" may change; identity, patient history and bookkeeping stay. */
export type SeriesChanges = Partial<
  Pick<Series, 'dtstart' | 'timeZone' | 'durationMinutes' | 'rrule' | 'resourceIds' | 'patientId' | 'visitReason' | 'notes' | 'exdates' | 'rdates'>
>;

/** The edited series and what the edit left behind. */
export interface EditResult {
  series: Series;
  /** Exceptions whose original start the new rule still generates, unchanged. */
  exceptions: SeriesException[];
  /** Exceptions whose original start the new rule no longer generates: dropped, so the UI can warn ("2 moved visits will be lost"). */
  orphaned: SeriesException[];
  /** EXDATEs the new rule no longer generates: dropped, as they would skip nothing. */
  orphanedExdates: WallTime[];
}

/**
 * "Edit all occurrences": the series with `changes` applied (validated like
 * any series; version + 1, `updatedAt` = `at`). An exception survives only
 * if the new rule still generates its original start, so changing the time
 * of day from 09:00 to 10:00 orphans every exception and EXDATE keyed at
 * 09:00, while changing only resources, duration or notes keeps them all.
 * Orphans are returned rather than silently kept (they would never show).
 * Exceptions of other series are ignored. The rule is checked by expanding
 * its first occurrence (a bad RRULE or an UNTIL before the start throws).
 *
 * @example editSeries(series, exceptions, { dtstart: '2025-03-03T10:00' }, '2025-03-01T09:00:00Z')
 * // { series: { …, dtstart: '2025-03-03T10:00:00', version: 1 }, exceptions: [], orphaned: [the 09:00 exceptions], orphanedExdates: [the 09:00 EXDATEs] }
 */
export function editSeries(series: Series, exceptions: readonly SeriesException[], changes: SeriesChanges, at: string): EditResult {
  const next = parseSeries({ ...series, ...changes, id: series.id, version: series.version + 1, createdAt: series.createdAt, updatedAt: at });
  const ruleOnly = { ...ruleSpecOf(next), exdates: [] };
  expandRule(ruleOnly, { limit: 1 });

  const exdates = next.exdates.filter((exdate) => findRuleOccurrence(ruleOnly, exdate, 'exdates') !== undefined);
  const orphanedExdates = next.exdates.filter((exdate) => !exdates.includes(exdate));
  const edited = { ...next, exdates };
  const kept: SeriesException[] = [];
  const orphaned: SeriesException[] = [];
  for (const exception of exceptions) {
    if (exception.seriesId !== series.id) continue;
    (findRuleOccurrence(ruleSpecOf(edited), exception.originalStart) ? kept : orphaned).push(exception);
  }
  return { series: edited, exceptions: kept, orphaned, orphanedExdates };
}
