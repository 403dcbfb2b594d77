import { isId, msToInstant, parseSeries } from '../model';
import type { Series, SeriesException } from '../model';
import { wallTimeToInstant } from '../time';
import type { WallTime } from '../time';
import { ValidationError } from '../validation';
import { expandRule } from './expand';
import { parseRrule } from './rrule-text';
import { findRuleOccurrence, ruleSpecOf } from './series-expand';
import { lineageOf } from './series-lineage';

/** The two halves of a "this and following" change. */
export interface SplitResult {
  /** The original series, ended just before the split; `null` when the split is at its first occurrence. */
  before: Series | null;
  /** A new series (id `newSeriesId`) starting at the split occurrence with the same rule, linked to the original's lineage (`lineageId`). */
  after: Series;
  /** The series' exceptions before the split, unchanged. */
  beforeExceptions: SeriesException[];
  /** The series' exceptions from the split on, re-keyed to the new series. */
  afterExceptions: SeriesException[];
}

/** `YYYYMMDDTHHmmssZ`, the form RFC 5545 wants for UNTIL when DTSTART has a TZID. */
function utcUntil(instant: number): string {
  return new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';
}

function withEnd(rrule: string, end: string | null): string {
  const parts = rrule.split(';').filter((part) => !/^(COUNT|UNTIL)=/.test(part));
  return [...parts, ...(end ? [end] : [])].join(';');
}

/**
 * "This and following": splits a series at one of its occurrences so the
 * occurrences from there on can be changed without touching the earlier ones.
 * Expanding `before` and `after` (with their exceptions) gives exactly the
 * occurrences of the original series.
 *
 * - `before` keeps the id and ends just before the split: with `COUNT=n`, it
 *   gets `COUNT=k` (k = rule occurrences before the split, counted before
 *   EXDATEs as RFC 5545 does) and `after` gets `COUNT=n-k`; otherwise `before`
 *   gets a UTC `UNTIL` one second before the split instant and `after` keeps
 *   the original end (`UNTIL` or never).
 * - `after` starts at the split occurrence's nominal wall time (a 02:30 series
 *   split on a spring-forward day still starts at 02:30), with the same rule,
 *   zone, duration, resources and patient, and `lineageId` naming the
 *   original's lineage (its `lineageId`, or its id when it has none), so a
 *   later "all visits" reaches both halves, however often they are split.
 *   `before` is not changed for the link: the root of a lineage carries none.
 * - EXDATEs, RDATEs and exceptions go to the half their original start falls
 *   in; moved exceptions go by ORIGINAL start, wherever they were moved to.
 *   Exceptions in `after` get the new series id (so their occurrence ids change).
 *
 * Refuses a start the rule does not generate (`unknown-entity` at
 * `originalStart`, including an RDATE-only extra date: edit that one alone),
 * and a new id that is malformed or the series' own.
 *
 * @example
 * splitSeries(weeklyCount10, [], '2025-03-24T09:00', 's2', '2025-03-01T10:00:00Z')
 * // { before: { …, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' }, after: { id: 's2', lineageId: 's1', dtstart: '2025-03-24T09:00:00', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=7', … }, … }
 */
export function splitSeries(
  series: Series,
  exceptions: readonly SeriesException[],
  originalStart: WallTime,
  newSeriesId: string,
  at: string,
): SplitResult {
  if (!isId(newSeriesId)) throw new ValidationError('invalid-format', 'newSeriesId', `"${String(newSeriesId)}" is not a series id.`);
  if (newSeriesId === series.id) throw new ValidationError('duplicate-id', 'newSeriesId', 'The new series needs an id of its own.');
  const ruleOnly = { dtstart: series.dtstart, tzid: series.timeZone, rrule: series.rrule };
  const found = findRuleOccurrence(ruleSpecOf(series), originalStart);
  if (!found || !findRuleOccurrence(ruleOnly, found.local)) {
    throw new ValidationError('unknown-entity', 'originalStart', `Series ${series.id} has no rule occurrence at ${originalStart} to split at.`);
  }
  const split = Date.parse(found.utc);
  const isBefore = (wallTime: WallTime) => wallTimeToInstant(wallTime, series.timeZone) < split;

  const rule = parseRrule(series.rrule);
  const splitInstant = msToInstant(split);
  // Rule occurrences before the split: counted exactly only for COUNT, else just "any?" (0 or 1).
  const rulePrefix = expandRule(ruleOnly, { to: splitInstant, ...(rule.count === undefined ? { limit: 1 } : {}) }).length;

  // The nominal start keeps a gap-time series at its time of day (03:30 on the clock is 02:30 by the rule).
  const nominal = `${found.local.slice(0, 10)}T${series.dtstart.slice(11, 19)}`;
  const afterStart = wallTimeToInstant(nominal, series.timeZone) === split ? nominal : found.local;
  const ownExceptions = exceptions.filter((exception) => exception.seriesId === series.id);

  const after = parseSeries({
    ...series,
    id: newSeriesId,
    lineageId: lineageOf(series),
    dtstart: afterStart,
    rrule: rule.count === undefined ? series.rrule : withEnd(series.rrule, `COUNT=${rule.count - rulePrefix}`),
    exdates: series.exdates.filter((wallTime) => !isBefore(wallTime)),
    rdates: rulePrefix === 0 ? series.rdates : series.rdates.filter((wallTime) => !isBefore(wallTime)),
    version: 0,
    createdAt: at,
    updatedAt: at,
  });
  const afterExceptions = ownExceptions
    .filter((exception) => rulePrefix === 0 || !isBefore(exception.originalStart))
    .map((exception) => ({ ...exception, seriesId: newSeriesId, version: exception.version + 1, updatedAt: after.updatedAt }));
  if (rulePrefix === 0) return { before: null, after, beforeExceptions: [], afterExceptions };

  const before = parseSeries({
    ...series,
    rrule: withEnd(series.rrule, rule.count === undefined ? `UNTIL=${utcUntil(split - 1000)}` : `COUNT=${rulePrefix}`),
    exdates: series.exdates.filter(isBefore),
    rdates: series.rdates.filter(isBefore),
    version: series.version + 1,
    updatedAt: at,
  });
  return { before, after, beforeExceptions: ownExceptions.filter((exception) => isBefore(exception.originalStart)), afterExceptions };
}
