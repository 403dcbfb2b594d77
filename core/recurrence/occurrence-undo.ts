import { parseSeriesException } from '../model';
import type { Series, SeriesException } from '../model';
import { wallTimeToInstant } from '../time';
import type { WallTime } from '../time';
import { ValidationError } from '../validation';
import { findRuleOccurrence, ruleSpecOf } from './series-expand';

/** The move to undo: the occurrence, the version its move wrote, and what it was before (null: no exception, where the rule put it). */
export interface OccurrenceMoveToUndo {
  originalStart: WallTime;
  /** The exception's `version` right after the move; anything else means it changed since. */
  movedVersion: number;
  /** The exception as it was before the move, or null when there was none. */
  previous: SeriesException | null;
}

/** What undoing a move gives back. */
export interface UndoneMove {
  /** The series' exception list with the move undone. */
  exceptions: SeriesException[];
  /** The exception the move wrote (what is undone). */
  undone: SeriesException & { kind: 'moved' };
  /** The exception put back, or null: the occurrence is back where the rule puts it, with the series' fields. */
  restored: SeriesException | null;
}

const sameKey = (series: Series, left: WallTime, right: WallTime) => wallTimeToInstant(left, series.timeZone, 'originalStart') === wallTimeToInstant(right, series.timeZone, 'originalStart');

/**
 * Decides what "Undo" after "move this visit only" puts back: the
 * exception as it was before the move, or — when the visit had none — no
 * exception at all, so the visit is again where its rule puts it and
 * follows later changes of the series like any other (a copy of the
 * series' time would pin it). A restored exception keeps its id and
 * `createdAt` and takes the next version and `updatedAt` = `at`, so sync
 * sees one more change to the same record. Pure: the input list is not
 * changed.
 *
 * Refuses, with nothing changed: a start the rule does not generate
 * (`unknown-entity` at `originalStart`); a visit changed since the move —
 * moved again, cancelled, put back or edited on another desk, i.e. no moved
 * exception at `movedVersion` (`changed-since` at `originalStart`); a
 * `previous` that is not this occurrence's exception (`invalid-format` at
 * `previous`).
 *
 * @example undoOccurrenceMove(series, exceptions, { originalStart: '2026-01-12T09:00', movedVersion: 0, previous: null }, '2026-01-10T15:00:00.000Z')
 * // { exceptions: [ …the others ], undone: { kind: 'moved', wallStart: '2026-01-12T11:00:00', … }, restored: null }
 */
export function undoOccurrenceMove(series: Series, exceptions: readonly SeriesException[], move: OccurrenceMoveToUndo, at: string): UndoneMove {
  const found = findRuleOccurrence(ruleSpecOf(series), move.originalStart);
  if (!found) throw new ValidationError('unknown-entity', 'originalStart', `Series ${series.id} has no occurrence at ${move.originalStart}.`);
  const current = exceptions.find((exception) => exception.seriesId === series.id && sameKey(series, exception.originalStart, found.local));
  if (current?.kind !== 'moved' || current.version !== move.movedVersion) {
    throw new ValidationError('changed-since', 'originalStart', 'This visit was changed again after that move (here or on another desk), so the move cannot be undone.');
  }
  const { previous } = move;
  if (previous !== null && (previous.id !== current.id || previous.seriesId !== series.id || !sameKey(series, previous.originalStart, found.local))) {
    throw new ValidationError('invalid-format', 'previous', 'The earlier state given is not this visit’s.');
  }
  const restored = previous === null ? null : parseSeriesException({ ...previous, createdAt: current.createdAt, version: current.version + 1, updatedAt: at });
  const next = exceptions.flatMap((exception) => (exception !== current ? [exception] : restored === null ? [] : [restored]));
  return { exceptions: next, undone: current, restored };
}
