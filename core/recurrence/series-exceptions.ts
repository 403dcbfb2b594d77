import { parseSeriesException } from '../model';
import type { Series, SeriesException } from '../model';
import { wallTimeToInstant } from '../time';
import type { WallTime } from '../time';
import { ValidationError } from '../validation';
import { findRuleOccurrence, ruleSpecOf } from './series-expand';

/**
 * Who records a change and when: the id for a NEW exception and the instant
 * of the change. The engine never invents ids or reads the clock.
 */
export interface ChangeRecord {
  /** Used only when the occurrence has no exception yet; an existing one keeps its id. */
  exceptionId: string;
  /** ISO UTC instant of the change. */
  at: string;
}

/** What a moved (or edited-in-place) occurrence becomes; omitted fields keep their current value. */
export interface OccurrenceChange {
  /** New start as wall time in `timeZone` (default: the series' zone). */
  wallStart: WallTime;
  timeZone?: string;
  durationMinutes?: number;
  resourceIds?: string[];
  visitReason?: string;
  notes?: string;
}

/** The rule occurrence at `originalStart`, or `unknown-entity` at `originalStart`. */
function requireOccurrence(series: Series, originalStart: WallTime): WallTime {
  const found = findRuleOccurrence(ruleSpecOf(series), originalStart);
  if (!found) {
    throw new ValidationError('unknown-entity', 'originalStart', `Series ${series.id} has no occurrence at ${originalStart}.`);
  }
  return found.local;
}

/** Replaces (or appends) the exception for one original start; the list order is otherwise kept. */
function withException(
  series: Series,
  exceptions: readonly SeriesException[],
  originalStart: WallTime,
  build: (existing: SeriesException | undefined, originalStart: WallTime) => unknown,
): SeriesException[] {
  const local = requireOccurrence(series, originalStart);
  const key = wallTimeToInstant(local, series.timeZone);
  const index = exceptions.findIndex(
    (exception) => exception.seriesId === series.id && wallTimeToInstant(exception.originalStart, series.timeZone, 'originalStart') === key,
  );
  const existing = index >= 0 ? exceptions[index] : undefined;
  const next = parseSeriesException(build(existing, local));
  return index >= 0 ? exceptions.map((exception, at) => (at === index ? next : exception)) : [...exceptions, next];
}

function identity(series: Series, originalStart: WallTime, existing: SeriesException | undefined, record: ChangeRecord) {
  return {
    id: existing?.id ?? record.exceptionId,
    seriesId: series.id,
    originalStart,
    version: existing ? existing.version + 1 : 0,
    createdAt: existing?.createdAt ?? record.at,
    updatedAt: record.at,
  };
}

/**
 * "Cancel this one": the exception list with the occurrence at
 * `originalStart` cancelled (a moved occurrence is cancelled where it was
 * moved to, and keeps its exception id). Pure: the input list is not changed.
 * Refuses a start the series does not generate (`unknown-entity` at
 * `originalStart`) and a blank reason (`reason-required` at `reason`).
 *
 * @example cancelOccurrence(series, [], '2025-03-10T09:00', 'Patient ill', { exceptionId: 'x1', at: '2025-03-09T18:00:00Z' })
 * // [{ id: 'x1', seriesId: 's1', originalStart: '2025-03-10T09:00:00', kind: 'cancelled', reason: 'Patient ill', version: 0, … }]
 */
export function cancelOccurrence(
  series: Series,
  exceptions: readonly SeriesException[],
  originalStart: WallTime,
  reason: string,
  record: ChangeRecord,
): SeriesException[] {
  return withException(series, exceptions, originalStart, (existing, local) => ({
    ...identity(series, local, existing, record),
    kind: 'cancelled',
    reason,
  }));
}

/**
 * "Move (or edit) this one": the exception list with the occurrence at
 * `originalStart` moved to `change.wallStart`, optionally with a new
 * duration, resources, reason or notes. Fields not given keep the current
 * values of the occurrence (an earlier move's, else the series'). Its id and
 * original start never change, so it stays the same occurrence for the
 * desk, the audit log and sync. Moving a cancelled occurrence restores it.
 *
 * @example moveOccurrence(series, [], '2025-03-10T09:00', { wallStart: '2025-03-11T14:00', durationMinutes: 45 }, { exceptionId: 'x2', at: '2025-03-09T18:00:00Z' })
 * // [{ id: 'x2', kind: 'moved', originalStart: '2025-03-10T09:00:00', wallStart: '2025-03-11T14:00:00', durationMinutes: 45, … }]
 */
export function moveOccurrence(
  series: Series,
  exceptions: readonly SeriesException[],
  originalStart: WallTime,
  change: OccurrenceChange,
  record: ChangeRecord,
): SeriesException[] {
  return withException(series, exceptions, originalStart, (existing, local) => {
    const current = existing?.kind === 'moved' ? existing : series;
    return {
      ...identity(series, local, existing, record),
      kind: 'moved',
      wallStart: change.wallStart,
      timeZone: change.timeZone ?? (existing?.kind === 'moved' ? existing.timeZone : series.timeZone),
      durationMinutes: change.durationMinutes ?? current.durationMinutes,
      resourceIds: change.resourceIds ?? current.resourceIds,
      visitReason: 'visitReason' in change ? change.visitReason : current.visitReason,
      notes: 'notes' in change ? change.notes : current.notes,
    };
  });
}
