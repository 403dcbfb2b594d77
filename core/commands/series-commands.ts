import { z } from 'zod';
import {
  appointmentStatuses,
  buildAppointment,
  currentStatus,
  durationMinutesSchema,
  idSchema,
  msToInstant,
  parseSeries,
  resourceIdsSchema,
  rruleSchema,
  seriesSchema,
  timeZoneSchema,
  transition,
  textLimits,
  wallTimeSchema,
} from '../model';
import type { Series, SeriesException } from '../model';
import type { Conflict } from '../overlap';
import { seriesCandidates } from '../queries';
import { cancelOccurrence, editSeries, expandSeries, findRuleOccurrence, moveOccurrence, occurrenceIdFor, ruleSpecOf, splitSeries, weekdaysFollowTheStart } from '../recurrence';
import { localMsToWallTime, parseWallTime, wallPartsToLocalMs, wallTimeToInstant } from '../time';
import type { WallTime } from '../time';
import { changeStatus } from './appointment-commands';
import { saveAppointment } from './appointment-rows';
import { cancelSeriesFrom, firstUnstartedOccurrence } from './series-cancel';
import type { CancelledSeries } from './series-cancel';
import { isOver, loadLineage, shiftedStart } from './series-lineage';
import { checkCandidates } from './booking-context';
import type { Candidate } from './booking-context';
import { refuse } from './command-result';
import { gateConflicts, overrideSchema } from './conflict-gate';
import { defineCommand } from './define-command';
import type { FieldChange, WriteScope } from './define-command';
import { fieldChanges } from './field-changes';

/** What creating or editing a series returns. */
export interface SavedSeries {
  series: Series;
  /** Occurrences within the check horizon (after exceptions). */
  occurrenceCount: number;
  warnings: Conflict[];
}

/** What "all" returns: the chosen series and the other parts of its lineage it edited too. */
export interface EditedSeries extends SavedSeries {
  otherParts: Series[];
}

/** What "cancel all" returns: the chosen series' part (nothing cancelled in it when it was over) and each other part of its lineage that had visits left. */
export interface CancelledLineage extends CancelledSeries {
  otherParts: CancelledSeries[];
}

/** What "this and following" returns: the shortened original (null when the cut was at the start, i.e. "all") and the series carrying the changes. */
export interface SplitResult extends SavedSeries {
  head: Series | null;
}

const seriesChanges = z.object({
  dtstart: wallTimeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  durationMinutes: durationMinutesSchema.optional(),
  resourceIds: resourceIdsSchema.optional(),
  rrule: rruleSchema.optional(),
  exdates: z.array(wallTimeSchema).optional(),
  rdates: z.array(wallTimeSchema).optional(),
  visitReason: z.string().max(textLimits.visitReason).optional(),
  notes: z.string().max(textLimits.notes).optional(),
});

const occurrenceKey = { seriesId: idSchema, originalStart: wallTimeSchema };

/** Why a series is cancelled: required, so checked in the command (a missing one is `reason-required`, not a schema error). */
const cancelReason = z.string().max(textLimits.reason).optional();

/** The trimmed reason, or the refusal naming `reason`. */
function reasonOrRefusal(reason: string | undefined): { reason: string } | { ok: false; error: ReturnType<typeof refuse>['error'] } {
  const trimmed = reason?.trim() ?? '';
  return trimmed ? { reason: trimmed } : refuse('reason-required', 'reason', 'Please give a reason for cancelling these visits.');
}

/** A wall time as zone-free milliseconds, for wall-clock arithmetic. */
const wallMs = (wall: WallTime) => wallPartsToLocalMs(parseWallTime(wall, 'wallStart'));

/** Audit note for exceptions an edit could not keep (their occurrence no longer exists). */
function droppedNote(orphaned: readonly SeriesException[]): Record<string, FieldChange> {
  return orphaned.length === 0 ? {} : { droppedExceptions: { before: orphaned.map((exception) => exception.originalStart), after: null } };
}

/**
 * core/recurrence's `editSeries`, with exceptions and EXDATEs following the
 * start: if the series now starts an hour later, the cancelled 09:00 on
 * 16 Feb becomes the cancelled 10:00 that day instead of being dropped. A
 * weekly rule follows a start moved to another date too (core/recurrence's
 * `weekdaysFollowTheStart`: Monday to Wednesday repeats on Wednesdays).
 */
function editFollowingTheStart(series: Series, exceptions: readonly SeriesException[], asked: z.output<typeof seriesChanges>, at: string) {
  const changes = weekdaysFollowTheStart(series, asked);
  const shift = changes.dtstart === undefined ? 0 : wallMs(changes.dtstart) - wallMs(series.dtstart);
  const move = (wall: WallTime) => localMsToWallTime(wallMs(wall) + shift);
  const shifted = shift === 0 ? exceptions : exceptions.map((exception) => ({ ...exception, originalStart: move(exception.originalStart) }));
  const withExdates = shift === 0 || changes.exdates !== undefined ? changes : { ...changes, exdates: series.exdates.map(move) };
  return editSeries(series, shifted, withExdates, at);
}

export const unknownSeries = (id: string) => refuse('unknown-entity', 'seriesId', `There is no series "${id}".`);

/** A series and its exceptions, read in the command's transaction (no series: `series` is undefined). */
export async function loadSeries(scope: WriteScope, seriesId: string) {
  const series = await scope.db.series.get(seriesId);
  const exceptions = series ? await scope.db.seriesExceptions.where('seriesId').equals(seriesId).toArray() : [];
  return { series, exceptions };
}

/** Stores an exception list: rows that changed are put, rows that vanished are deleted. */
export async function saveExceptions(scope: WriteScope, before: readonly SeriesException[], after: readonly SeriesException[]): Promise<void> {
  const kept = new Set(after.map((exception) => exception.id));
  await scope.db.seriesExceptions.bulkDelete(before.filter((exception) => !kept.has(exception.id)).map((exception) => exception.id));
  await scope.db.seriesExceptions.bulkPut(after.filter((exception) => !before.includes(exception)));
}

/** Changes that belong to one part of a split series (its own rule, end and skipped dates), never carried to the others. */
const partOwnFields = ['rrule', 'exdates', 'rdates'] as const;

/** One part as "all visits" edits it. */
interface EditedPart extends ReturnType<typeof editFollowingTheStart> {
  before: Series;
  /** Its exceptions as stored before the edit. */
  stored: SeriesException[];
}

/**
 * "All": edits the whole series (time, length, resources, visit reason,
 * notes); exceptions follow the start (see editFollowingTheStart) or are
 * dropped and listed in the audit entry. A series cut by "this and
 * following" is edited in every part of its lineage (core/recurrence
 * `lineageOf`) that still has a visit to come: each part's start moves by
 * the same wall-clock amount as the chosen one's, the other changes apply
 * as given, one `SERIES_EDITED` entry per part, one mutation (the chosen
 * series first: the sync server reads the mutation's first put as the
 * record `baseVersion` belongs to). A rule, EXDATEs or RDATEs belong to one
 * part, so changing them across several parts is refused (`not-permitted`).
 * `reach: 'series'` edits only the series named (conflict resolution
 * applying another desk's values to that record). Occurrences from now (or
 * a part's start, if later) are re-checked, all parts together.
 *
 * @example run('series/edit-all', { seriesId: 's1', changes: { durationMinutes: 45 } }, session)
 */
const editAll = defineCommand({
  args: z.object({ seriesId: idSchema, changes: seriesChanges, override: overrideSchema.optional(), reach: z.enum(['lineage', 'series']).optional() }),
  async run(scope, args) {
    const { series: chosen, exceptions } = await loadSeries(scope, args.seriesId);
    if (!chosen) return unknownSeries(args.seriesId);
    const lineage = args.reach === 'series' ? [{ series: chosen, exceptions }] : await loadLineage(scope, chosen, exceptions);
    const others = lineage.slice(1).filter((part) => !isOver(part, scope.now));
    const ownField = others.length === 0 ? undefined : partOwnFields.find((field) => args.changes[field] !== undefined);
    if (ownField !== undefined) {
      return refuse('not-permitted', `changes.${ownField}`, 'This series was split into parts, each with its own repeat rule and dates; change those with "this and following" from the visit they should start at.');
    }
    const changesFor = (part: Series) =>
      part === chosen || args.changes.dtstart === undefined ? args.changes : { ...args.changes, dtstart: shiftedStart(chosen, args.changes.dtstart, part) };
    const edited: EditedPart[] = [{ series: chosen, exceptions }, ...others].map((part) => ({
      ...editFollowingTheStart(part.series, part.exceptions, changesFor(part.series), scope.at),
      before: part.series,
      stored: part.exceptions,
    }));
    const candidates = edited.flatMap((part) => seriesCandidates(part.series, part.exceptions, scope.now));
    const check = await checkCandidates(scope, candidates, { seriesIds: edited.map((part) => part.before.id) });
    const refusal = gateConflicts(scope, check, args.override, { entityType: 'series', entityId: chosen.id, patientId: edited[0]!.series.patientId });
    if (refusal) return refusal;
    for (const part of edited) {
      await scope.db.series.put(part.series);
      await saveExceptions(scope, part.stored, part.exceptions);
      scope.audit({
        action: 'SERIES_EDITED',
        entityType: 'series',
        entityId: part.before.id,
        patientId: part.series.patientId,
        changes: { ...fieldChanges(part.before, part.series), ...droppedNote(part.orphaned), ...(part.before === chosen ? {} : { editedWith: { before: null, after: chosen.id } }) },
      });
    }
    const value: EditedSeries = { series: edited[0]!.series, otherParts: edited.slice(1).map((part) => part.series), occurrenceCount: candidates.length, warnings: check.warnings };
    return { ok: true, value, baseVersion: chosen.version, ...(others.length === 0 ? {} : { intent: { ...args, otherSeriesIds: others.map((part) => part.series.id) } }) };
  },
});

/**
 * Series commands: create, change one occurrence, change this-and-following
 * (a split), change all, cancel one occurrence. Occurrences are never stored;
 * the series and its exceptions are (see core/queries for expansion).
 */
export const seriesCommands = {
  /**
   * Creates a repeating booking after checking its occurrences (first year)
   * against everything stored, and against each other.
   *
   * @example run('series/create', { resourceIds: ['dr-lee'], patientId: 'p1', dtstart: '2026-01-05T09:00', timeZone: 'America/New_York', durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=52' }, session)
   */
  'series/create': defineCommand({
    // A new series starts its own lineage: only a split links series (`lineageId`).
    args: seriesSchema.omit({ id: true, lineageId: true, version: true, createdAt: true, updatedAt: true }).extend({ override: overrideSchema.optional() }),
    async run(scope, args) {
      const { override, ...input } = args;
      if (!(await scope.db.patients.get(input.patientId))) return refuse('unknown-entity', 'patientId', `There is no patient "${input.patientId}".`);
      const series = parseSeries({ ...input, id: scope.newId(), version: 0, createdAt: scope.at, updatedAt: scope.at });
      const candidates = seriesCandidates(series, [], -Infinity);
      if (candidates.length === 0) return refuse('invalid-rrule', 'rrule', 'This repeat rule produces no appointments.');
      const check = await checkCandidates(scope, candidates);
      const refusal = gateConflicts(scope, check, override, { entityType: 'series', entityId: series.id, patientId: series.patientId });
      if (refusal) return refusal;
      await scope.db.series.add(series);
      scope.audit({ action: 'SERIES_CREATED', entityType: 'series', entityId: series.id, patientId: series.patientId, changes: fieldChanges(null, series, ['id', 'patientId', 'version', 'createdAt', 'updatedAt']) });
      const value: SavedSeries = { series, occurrenceCount: candidates.length, warnings: check.warnings };
      return { ok: true, value, baseVersion: null, intent: { ...args, seriesId: series.id, at: scope.at } };
    },
  }),

  /**
   * "This one": moves or edits a single occurrence (an exception keyed by
   * its original start), checked like a booking.
   *
   * @example run('occurrence/edit', { seriesId: 's1', originalStart: '2026-01-12T09:00', wallStart: '2026-01-13T10:00' }, session)
   */
  'occurrence/edit': defineCommand({
    args: z.object({
      ...occurrenceKey,
      wallStart: wallTimeSchema,
      timeZone: timeZoneSchema.optional(),
      durationMinutes: durationMinutesSchema.optional(),
      resourceIds: resourceIdsSchema.optional(),
      visitReason: z.string().max(textLimits.visitReason).optional(),
      notes: z.string().max(textLimits.notes).optional(),
      override: overrideSchema.optional(),
    }),
    async run(scope, args) {
      const { series, exceptions } = await loadSeries(scope, args.seriesId);
      if (!series) return unknownSeries(args.seriesId);
      const { seriesId: _seriesId, originalStart, override, ...change } = args;
      const next = moveOccurrence(series, exceptions, originalStart, change, { exceptionId: scope.newId(), at: scope.at });
      const changed = next.find((exception) => !exceptions.includes(exception)) as SeriesException & { kind: 'moved' };
      const previous = exceptions.find((exception) => exception.id === changed.id);
      const start = wallTimeToInstant(changed.wallStart, changed.timeZone, 'wallStart');
      const occurrence = expandSeries(series, next, { from: msToInstant(start), to: msToInstant(start + 1) }).find((item) => item.originalStart === changed.originalStart);
      const candidate: Candidate = { id: occurrence?.id ?? changed.id, start, end: start + changed.durationMinutes * 60_000, resourceIds: changed.resourceIds, patientId: series.patientId };
      const check = await checkCandidates(scope, [candidate]);
      const refusal = gateConflicts(scope, check, override, { entityType: 'occurrence', entityId: candidate.id, patientId: series.patientId });
      if (refusal) return refusal;
      await saveExceptions(scope, exceptions, next);
      const beforeFields = previous?.kind === 'moved' ? previous : { wallStart: changed.originalStart, timeZone: series.timeZone, durationMinutes: series.durationMinutes, resourceIds: series.resourceIds, visitReason: series.visitReason, notes: series.notes };
      scope.audit({
        action: 'OCCURRENCE_MOVED',
        entityType: 'occurrence',
        entityId: candidate.id,
        patientId: series.patientId,
        changes: fieldChanges(beforeFields, changed, ['id', 'seriesId', 'originalStart', 'kind', 'version', 'createdAt', 'updatedAt']),
      });
      // `previous` (null: there was none) is what Undo puts back (`occurrence/undo-move`).
      return { ok: true, value: { exception: changed, previous: previous ?? null, warnings: check.warnings }, baseVersion: previous?.version ?? null, intent: { ...args, exceptionId: changed.id, at: scope.at } };
    },
  }),

  /**
   * Moves ONE occurrence along the status machine (arrived, in room, …).
   * An occurrence is not stored, so the first status change saves it as an
   * appointment with its `seriesId` and `originalStart` (the calendar then
   * shows the appointment instead of the occurrence); later changes go to
   * that appointment. A cancelled occurrence cannot progress.
   *
   * @example run('occurrence/change-status', { seriesId: 's1', originalStart: '2026-01-12T09:00', to: 'arrived' }, session)
   */
  'occurrence/change-status': defineCommand({
    args: z.object({ ...occurrenceKey, to: z.enum(appointmentStatuses), reason: z.string().max(textLimits.reason).optional() }),
    async run(scope, args) {
      const { series, exceptions } = await loadSeries(scope, args.seriesId);
      if (!series) return unknownSeries(args.seriesId);
      const found = findRuleOccurrence(ruleSpecOf(series), args.originalStart);
      if (!found) return refuse('unknown-entity', 'originalStart', `Series ${series.id} has no occurrence at ${args.originalStart}.`);
      const context = { at: scope.at, by: scope.session.staffId, reason: args.reason };
      const saved = await scope.db.appointments.where('seriesId').equals(series.id).filter((row) => row.originalStart === found.local).first();
      if (saved) return changeStatus(scope, saved.id, (history) => transition(history, args.to, context), 'STATUS_CHANGED');

      const exception = exceptions.find((item) => item.originalStart === found.local);
      const at = exception?.kind === 'moved' ? wallTimeToInstant(exception.wallStart, exception.timeZone, 'wallStart') : Date.parse(found.utc);
      const occurrence = expandSeries(series, exceptions, { from: msToInstant(at), to: msToInstant(at + 1) }).find((item) => item.originalStart === found.local);
      if (!occurrence || occurrence.status === 'cancelled') {
        return refuse('invalid-status-transition', 'status', 'This occurrence is cancelled; it cannot be marked as anything else.');
      }
      const booked = buildAppointment(
        {
          resourceIds: occurrence.resourceIds,
          patientId: occurrence.patientId,
          wallStart: occurrence.wallStart,
          timeZone: occurrence.timeZone,
          durationMinutes: occurrence.durationMinutes,
          ...(occurrence.visitReason === undefined ? {} : { visitReason: occurrence.visitReason }),
          ...(occurrence.notes === undefined ? {} : { notes: occurrence.notes }),
          seriesId: series.id,
          originalStart: found.local,
        },
        { id: scope.newId(), at: scope.at, by: scope.session.staffId },
      );
      const statusHistory = transition(booked.statusHistory, args.to, context);
      const appointment = { ...booked, statusHistory, status: currentStatus(statusHistory) };
      await saveAppointment(scope, appointment);
      scope.audit({
        action: appointment.status === 'cancelled' ? 'APPOINTMENT_CANCELLED' : 'STATUS_CHANGED',
        entityType: 'appointment',
        entityId: appointment.id,
        patientId: appointment.patientId,
        changes: { status: { before: 'booked', after: appointment.status }, occurrenceId: { before: null, after: occurrence.id } },
        reason: statusHistory.at(-1)?.reason ?? null,
      });
      return { ok: true, value: appointment, baseVersion: null, intent: { ...args, appointmentId: appointment.id, at: scope.at } };
    },
  }),

  /**
   * Cancels one occurrence; a reason is required.
   *
   * @example run('occurrence/cancel', { seriesId: 's1', originalStart: '2026-01-12T09:00', reason: 'Provider ill' }, session)
   */
  'occurrence/cancel': defineCommand({
    args: z.object({ ...occurrenceKey, reason: z.string().max(textLimits.reason).optional() }),
    async run(scope, args) {
      const { series, exceptions } = await loadSeries(scope, args.seriesId);
      if (!series) return unknownSeries(args.seriesId);
      const next = cancelOccurrence(series, exceptions, args.originalStart, args.reason ?? '', { exceptionId: scope.newId(), at: scope.at });
      const changed = next.find((exception) => !exceptions.includes(exception)) as SeriesException;
      const previous = exceptions.find((exception) => exception.id === changed.id);
      await saveExceptions(scope, exceptions, next);
      const occurrenceId = occurrenceIdFor(series.id, changed.originalStart);
      scope.audit({
        action: 'OCCURRENCE_CANCELLED',
        entityType: 'occurrence',
        entityId: occurrenceId,
        patientId: series.patientId,
        changes: { status: { before: 'booked', after: 'cancelled' } },
        reason: changed.kind === 'cancelled' ? (changed.reason ?? null) : null,
      });
      return { ok: true, value: changed, baseVersion: previous?.version ?? null, intent: { ...args, exceptionId: changed.id, at: scope.at } };
    },
  }),

  'series/edit-all': editAll,

  /**
   * "Cancel this and following": ends the series just before one of its
   * occurrences (the original keeps everything before it; the rest is no
   * longer booked), with a required reason in the `SERIES_CANCELLED` entry.
   * The tail's exceptions go; occurrences saved as appointments there that
   * are still booked are cancelled with the same reason. Cancelling from the
   * first occurrence removes the series.
   *
   * @example run('series/cancel-following', { seriesId: 's1', fromOriginalStart: '2026-03-02T09:00', reason: 'Moved to another clinic' }, session)
   */
  'series/cancel-following': defineCommand({
    args: z.object({ seriesId: idSchema, fromOriginalStart: wallTimeSchema, reason: cancelReason }),
    async run(scope, args) {
      const why = reasonOrRefusal(args.reason);
      if (!('reason' in why)) return why;
      const { series, exceptions } = await loadSeries(scope, args.seriesId);
      if (!series) return unknownSeries(args.seriesId);
      if (!findRuleOccurrence({ ...ruleSpecOf(series), rdates: [] }, args.fromOriginalStart, 'fromOriginalStart')) {
        return refuse('unknown-entity', 'fromOriginalStart', `Series ${series.id} has no occurrence at ${args.fromOriginalStart}.`);
      }
      const step = await cancelSeriesFrom(scope, { series, exceptions, cutAt: args.fromOriginalStart, reason: why.reason });
      return step.ok ? { ...step, intent: { ...args, reason: why.reason, at: scope.at } } : step;
    },
  }),

  /**
   * "Cancel all": cancels every visit of the series that has not started yet
   * (start ≥ now), without rewriting its past: occurrences that started or
   * are over stay, and so do visits saved as appointments once marked
   * arrived, in room or completed. The series ends before its first
   * occurrence that has not started (a later one already held earlier, by a
   * move, pushes that further); visits before it that lie in the future
   * are cancelled one by one. A series cut by "this and following" is
   * cancelled so in every part of its lineage (core/recurrence
   * `lineageOf`): one `SERIES_CANCELLED` entry per part with something left,
   * one mutation; a part that is over is left alone. Refused with
   * `nothing-to-cancel` when nothing is left in any part.
   *
   * @example run('series/cancel-all', { seriesId: 's1', reason: 'Treatment finished early' }, session)
   */
  'series/cancel-all': defineCommand({
    args: z.object({ seriesId: idSchema, reason: cancelReason }),
    async run(scope, args) {
      const why = reasonOrRefusal(args.reason);
      if (!('reason' in why)) return why;
      const { series, exceptions } = await loadSeries(scope, args.seriesId);
      if (!series) return unknownSeries(args.seriesId);
      const plans = (await loadLineage(scope, series, exceptions)).map((part) => ({ ...part, cutAt: firstUnstartedOccurrence(part.series, part.exceptions, scope.now) }));
      // Parts that stay (cut after their start) go first, the chosen one leading: the sync server
      // reads a mutation's first put as the record its baseVersion belongs to, and a removed part is a delete.
      const removed = (plan: (typeof plans)[number]) => plan.cutAt !== null && wallTimeToInstant(plan.cutAt, plan.series.timeZone) === wallTimeToInstant(plan.series.dtstart, plan.series.timeZone);
      const ordered = [...plans.filter((plan) => !removed(plan)), ...plans.filter(removed)];
      const done = new Map<string, CancelledSeries>();
      let baseVersion: number | null = null;
      for (const plan of ordered) {
        const step = await cancelSeriesFrom(scope, { series: plan.series, exceptions: plan.exceptions, cutAt: plan.cutAt, reason: why.reason, cancelUnstartedFrom: scope.now });
        if (!step.ok) {
          // A part with nothing left (over, or all cancelled) wrote nothing: the others still go.
          if (step.error.code === 'nothing-to-cancel') continue;
          return step;
        }
        done.set(plan.series.id, step.value);
        baseVersion ??= plan.series.version;
      }
      if (baseVersion === null) return refuse('nothing-to-cancel', 'seriesId', 'Every visit of this series has already started or is cancelled.');
      const chosen = done.get(series.id) ?? { series, cancelledFrom: null, cancelledAppointmentIds: [], cancelledOccurrences: [] };
      const otherEntries = [...done].filter(([id]) => id !== series.id);
      const value: CancelledLineage = { ...chosen, otherParts: otherEntries.map(([, part]) => part) };
      const others = otherEntries.length === 0 ? {} : { otherParts: otherEntries.map(([seriesId, part]) => ({ seriesId, cancelledFrom: part.cancelledFrom })) };
      return { ok: true, value, baseVersion, intent: { ...args, reason: why.reason, cancelledFrom: chosen.cancelledFrom, ...others, at: scope.at } };
    },
  }),

  /**
   * "This and following": cuts the series at an occurrence (the original
   * keeps everything before it) and applies the changes to a new series for
   * the rest (core/recurrence's `splitSeries` then `editSeries`). Exceptions
   * from the cut on move to the new series, shifted by the same wall-clock
   * amount as its start, when it still has that occurrence, and are dropped
   * otherwise (listed in the audit entry). Cutting at the first occurrence is the same as "all".
   *
   * @example run('series/edit-following', { seriesId: 's1', fromOriginalStart: '2026-03-02T09:00', changes: { dtstart: '2026-03-02T10:00' } }, session)
   */
  'series/edit-following': defineCommand({
    args: z.object({ seriesId: idSchema, fromOriginalStart: wallTimeSchema, changes: seriesChanges, override: overrideSchema.optional() }),
    async run(scope, args) {
      const { series: before, exceptions } = await loadSeries(scope, args.seriesId);
      if (!before) return unknownSeries(args.seriesId);
      if (!findRuleOccurrence(ruleSpecOf(before), args.fromOriginalStart, 'fromOriginalStart')) {
        return refuse('unknown-entity', 'fromOriginalStart', `Series ${before.id} has no occurrence at ${args.fromOriginalStart}.`);
      }
      const cutAt = wallTimeToInstant(args.fromOriginalStart, before.timeZone, 'fromOriginalStart');
      if (cutAt <= wallTimeToInstant(before.dtstart, before.timeZone, 'dtstart')) {
        // "This and following" from the first visit is "all" of this series only: earlier parts keep their visits.
        const whole = await editAll.run(scope, { seriesId: args.seriesId, changes: args.changes, override: args.override, reach: 'series' });
        if (!whole.ok) return whole;
        const { otherParts: _none, ...saved } = whole.value;
        const value: SplitResult = { head: null, ...saved };
        return { ...whole, value };
      }
      const split = splitSeries(before, exceptions, args.fromOriginalStart, scope.newId(), scope.at);
      const head = split.before as Series;
      const edited = editFollowingTheStart(split.after, split.afterExceptions, args.changes, scope.at);
      const tail: Series = { ...edited.series, version: 0 };

      const candidates = seriesCandidates(tail, edited.exceptions, -Infinity);
      const check = await checkCandidates(scope, candidates, { seriesIds: [before.id] });
      const refusal = gateConflicts(scope, check, args.override, { entityType: 'series', entityId: tail.id, patientId: tail.patientId });
      if (refusal) return refusal;

      await scope.db.series.put(head);
      await scope.db.series.add(tail);
      await saveExceptions(scope, exceptions, [...split.beforeExceptions, ...edited.exceptions]);
      scope.audit({
        action: 'SERIES_SPLIT',
        entityType: 'series',
        entityId: before.id,
        patientId: before.patientId,
        changes: { ...fieldChanges(before, head), continuedAs: { before: null, after: tail.id }, ...droppedNote(edited.orphaned) },
      });
      scope.audit({ action: 'SERIES_CREATED', entityType: 'series', entityId: tail.id, patientId: tail.patientId, changes: fieldChanges(null, tail, ['id', 'patientId', 'version', 'createdAt', 'updatedAt']) });
      const value: SplitResult = { head, series: tail, occurrenceCount: candidates.length, warnings: check.warnings };
      return { ok: true, value, baseVersion: before.version, intent: { ...args, newSeriesId: tail.id, at: scope.at } };
    },
  }),
};
