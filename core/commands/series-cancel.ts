import { msToInstant, parseSeriesException, transition } from '../model';
import type { Series, SeriesException } from '../model';
import { expandRule, findRuleOccurrence, occurrenceIdFor, ruleSpecOf, splitSeries } from '../recurrence';
import { wallTimeToInstant } from '../time';
import type { WallTime } from '../time';
import { changeStatus } from './appointment-commands';
import { refuse } from './command-result';
import type { CommandStep, WriteScope } from './define-command';
import { fieldChanges } from './field-changes';

/** What cancelling the rest of a series did. */
export interface CancelledSeries {
  /** The series as it now is (ended before the cut), or `null` when nothing of it was left and it was removed. */
  series: Series | null;
  /** The first occurrence (original start) that is no longer booked; `null` when only moved visits were cancelled. */
  cancelledFrom: WallTime | null;
  /** Occurrences saved as appointments (after a status change) that were still booked and are now cancelled. */
  cancelledAppointmentIds: string[];
  /** "All": visits before the cut that had not started, now cancelled one by one (their original starts). */
  cancelledOccurrences: WallTime[];
}

/** A series' rule without RDATEs: only rule occurrences can be cut at (see core/recurrence's splitSeries). */
function ruleOnly(series: Series) {
  return { ...ruleSpecOf(series), rdates: [] };
}

const isMoved = (exception: SeriesException): exception is SeriesException & { kind: 'moved' } => exception.kind === 'moved';
const movedStart = (exception: SeriesException & { kind: 'moved' }) => wallTimeToInstant(exception.wallStart, exception.timeZone, 'wallStart');

/**
 * Where "cancel all" cuts a series at `now`: the first rule occurrence that
 * has not started yet (start ≥ now), moved past any later occurrence that
 * was moved into the past (a visit from next week held yesterday stays).
 * `null` when the rule has nothing left to cancel.
 *
 * @example firstUnstartedOccurrence(weeklyFromJan5, [], Date.parse('2026-01-13T12:00:00Z')) // '2026-01-19T09:00:00'
 */
export function firstUnstartedOccurrence(series: Series, exceptions: readonly SeriesException[], now: number): WallTime | null {
  const spec = ruleOnly(series);
  const own = exceptions.filter((exception) => exception.seriesId === series.id);
  let from = now;
  // Each pass moves `from` past at least one exception, so this ends within own.length + 1 passes.
  for (;;) {
    const next = expandRule(spec, { from: msToInstant(from), limit: 1 })[0];
    if (!next) return null;
    const cut = Date.parse(next.utc);
    const heldEarlier = own.filter(isMoved).filter((exception) => wallTimeToInstant(exception.originalStart, series.timeZone, 'originalStart') >= cut && movedStart(exception) < now);
    if (heldEarlier.length === 0) return next.local;
    from = Math.max(...heldEarlier.map((exception) => wallTimeToInstant(exception.originalStart, series.timeZone, 'originalStart'))) + 1;
  }
}

/** The how of cancelling from an occurrence on (shared by "this and following" and "all"). */
export interface CancelPlan {
  series: Series;
  exceptions: readonly SeriesException[];
  /** A rule occurrence (original start) to end the series before, or `null` to keep the rule as it is. */
  cutAt: WallTime | null;
  reason: string;
  /** "All": every visit left before the cut that starts at or after this instant is cancelled one by one too. */
  cancelUnstartedFrom?: number;
}

/**
 * The head's visits that start at or after `from` ("all" cancels them one by
 * one, since the cut cannot go earlier than a later visit held in the past):
 * moved visits now in the future become cancelled exceptions; rule
 * occurrences in `[from, cut)` get one, unless they were saved as an
 * appointment (handled as appointments) or moved into the past.
 */
function cancelUnstarted(head: Series, kept: readonly SeriesException[], savedStarts: ReadonlySet<number>, from: number, cut: number, scope: WriteScope, reason: string): SeriesException[] {
  const keyOf = (wall: WallTime) => wallTimeToInstant(wall, head.timeZone, 'originalStart');
  const byKey = new Map(kept.map((exception) => [keyOf(exception.originalStart), exception]));
  const cancelled = (base: Pick<SeriesException, 'id' | 'seriesId' | 'originalStart' | 'createdAt'>, version: number) =>
    parseSeriesException({ ...base, kind: 'cancelled', reason, version, updatedAt: scope.at });
  const result = kept.map((exception) =>
    isMoved(exception) && movedStart(exception) >= from && !savedStarts.has(keyOf(exception.originalStart)) ? cancelled(exception, exception.version + 1) : exception,
  );
  const window = { from: msToInstant(from), ...(cut === Infinity ? {} : { to: msToInstant(cut) }) };
  for (const { local, utc } of expandRule(ruleSpecOf(head), window)) {
    const key = Date.parse(utc);
    if (savedStarts.has(key) || byKey.has(key)) continue;
    result.push(cancelled({ id: scope.newId(), seriesId: head.id, originalStart: local, createdAt: scope.at }, 0));
  }
  return result;
}

/**
 * Ends a series before `cutAt` (core/recurrence's `splitSeries`, keeping
 * only its head; the tail is not booked any more), removes the tail's
 * exceptions, cancels occurrences saved as appointments in the tail that
 * are still booked, and writes one `SERIES_CANCELLED` entry with the reason
 * (plus `OCCURRENCE_CANCELLED` / `APPOINTMENT_CANCELLED` for visits
 * cancelled one by one). Cutting at the first occurrence removes the series
 * (a synced delete): nothing of it is left to show. Runs inside the calling
 * command's transaction.
 *
 * @example await cancelSeriesFrom(scope, { series, exceptions, cutAt: '2026-03-02T09:00', reason: 'Moved away' })
 */
export async function cancelSeriesFrom(scope: WriteScope, plan: CancelPlan): Promise<CommandStep<CancelledSeries>> {
  const { series: before, exceptions, cutAt, reason, cancelUnstartedFrom } = plan;
  const own = exceptions.filter((exception) => exception.seriesId === before.id);
  let head: Series | null = before;
  let kept: SeriesException[] = own;
  let cutInstant = Infinity;
  let cutLocal: WallTime | null = null;
  if (cutAt !== null) {
    const found = findRuleOccurrence(ruleOnly(before), cutAt, 'fromOriginalStart');
    if (!found) throw new Error(`No rule occurrence at ${cutAt}`); // callers check first; a miss here is a bug
    cutInstant = Date.parse(found.utc);
    cutLocal = found.local;
    // splitSeries needs a fresh id for the tail; the tail is never stored.
    const split = splitSeries(before, own, found.local, scope.newId(), scope.at);
    head = split.before;
    kept = split.beforeExceptions;
  }

  const savedRows = await scope.db.appointments.where('seriesId').equals(before.id).toArray();
  const savedStarts = new Set(savedRows.flatMap((row) => (row.originalStart === undefined ? [] : [wallTimeToInstant(row.originalStart, before.timeZone, 'originalStart')])));
  const afterExceptions = head !== null && cancelUnstartedFrom !== undefined ? cancelUnstarted(head, kept, savedStarts, cancelUnstartedFrom, cutInstant, scope, reason) : kept;
  const newlyCancelled = afterExceptions.filter((exception) => exception.kind === 'cancelled' && !own.includes(exception));
  const toCancel = savedRows.filter(
    (row) =>
      row.status === 'booked' &&
      ((row.originalStart !== undefined && wallTimeToInstant(row.originalStart, before.timeZone, 'originalStart') >= cutInstant) ||
        (cancelUnstartedFrom !== undefined && Date.parse(row.start) >= cancelUnstartedFrom)),
  );
  if (cutAt === null && newlyCancelled.length === 0 && toCancel.length === 0) {
    return refuse('nothing-to-cancel', 'seriesId', 'Every visit of this series has already started or is cancelled.');
  }

  // The series first: the sync server takes a mutation's first put as the record its baseVersion (the series') belongs to.
  if (head === null) await scope.db.series.delete(before.id);
  else if (head !== before) await scope.db.series.put(head);
  const keptIds = new Set(afterExceptions.map((exception) => exception.id));
  await scope.db.seriesExceptions.bulkDelete(own.filter((exception) => !keptIds.has(exception.id)).map((exception) => exception.id));
  await scope.db.seriesExceptions.bulkPut(afterExceptions.filter((exception) => !own.includes(exception)));

  scope.audit({
    action: 'SERIES_CANCELLED',
    entityType: 'series',
    entityId: before.id,
    patientId: before.patientId,
    changes: {
      ...(head === null ? { removed: { before: before.rrule, after: null } } : fieldChanges(before, head)),
      cancelledFrom: { before: null, after: cutLocal },
    },
    reason,
  });
  for (const exception of newlyCancelled) {
    scope.audit({
      action: 'OCCURRENCE_CANCELLED',
      entityType: 'occurrence',
      entityId: occurrenceIdFor(before.id, exception.originalStart),
      patientId: before.patientId,
      changes: { status: { before: 'booked', after: 'cancelled' } },
      reason,
    });
  }
  for (const row of toCancel) {
    await changeStatus(scope, row.id, (history) => transition(history, 'cancelled', { at: scope.at, by: scope.session.staffId, reason }), 'APPOINTMENT_CANCELLED');
  }
  const value: CancelledSeries = {
    series: head,
    cancelledFrom: cutLocal,
    cancelledAppointmentIds: toCancel.map((row) => row.id),
    cancelledOccurrences: newlyCancelled.map((exception) => exception.originalStart),
  };
  return { ok: true, value, baseVersion: before.version };
}
