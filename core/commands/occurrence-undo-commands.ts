import { z } from 'zod';
import { idSchema, seriesExceptionSchema, wallTimeSchema } from '../model';
import type { Series, SeriesException } from '../model';
import { findRuleOccurrence, occurrenceIdFor, ruleSpecOf, undoOccurrenceMove } from '../recurrence';
import { wallTimeToInstant } from '../time';
import { checkCandidates } from './booking-context';
import type { Candidate } from './booking-context';
import { refuse } from './command-result';
import { gateConflicts } from './conflict-gate';
import { defineCommand } from './define-command';
import { fieldChanges } from './field-changes';
import { loadSeries, saveExceptions, unknownSeries } from './series-commands';

/** The words the audit entry of an undo carries as its reason. */
const undoReason = 'Undo';

/** Where an occurrence is and what it holds: its exception's fields, or the series' at the rule's start. */
function fieldsOf(series: Series, originalStart: string, exception: SeriesException | null) {
  if (exception?.kind === 'moved') {
    const { wallStart, timeZone, durationMinutes, resourceIds, visitReason, notes } = exception;
    return { wallStart, timeZone, durationMinutes, resourceIds, visitReason, notes };
  }
  return { wallStart: originalStart, timeZone: series.timeZone, durationMinutes: series.durationMinutes, resourceIds: series.resourceIds, visitReason: series.visitReason, notes: series.notes };
}

/**
 * Undo for "move this visit only" (`occurrence/edit`): the notice's Undo
 * button runs it, kept apart from the other series commands.
 */
export const occurrenceUndoCommands = {
  /**
   * Puts a moved series visit back as it was before `occurrence/edit`:
   * `previous` is the exception that call returned as `previous` (null: it
   * had none, so the visit goes back to where its rule puts it and the
   * exception is removed, a synced delete), `movedVersion` the version of
   * the exception it wrote. core/recurrence's `undoOccurrenceMove` decides
   * what to write. The time it goes back to is checked like any booking and
   * refused, with the conflicts and nothing changed, if it was taken
   * meanwhile (there is no override: book it anyway by moving it by hand).
   * Refused as `changed-since` when the visit was changed after the move
   * (moved again, cancelled, or saved as an appointment by a status change).
   * Audited as `OCCURRENCE_MOVED` with before/after and the reason "Undo".
   *
   * @example run('occurrence/undo-move', { seriesId: 's1', originalStart: '2026-01-12T09:00', movedVersion: 0, previous: null }, session)
   */
  'occurrence/undo-move': defineCommand({
    args: z.object({ seriesId: idSchema, originalStart: wallTimeSchema, movedVersion: z.number().int().min(0), previous: seriesExceptionSchema.nullable() }),
    async run(scope, args) {
      const { series, exceptions } = await loadSeries(scope, args.seriesId);
      if (!series) return unknownSeries(args.seriesId);
      const found = findRuleOccurrence(ruleSpecOf(series), args.originalStart);
      if (!found) return refuse('unknown-entity', 'originalStart', `Series ${series.id} has no occurrence at ${args.originalStart}.`);
      const saved = await scope.db.appointments.where('seriesId').equals(series.id).filter((row) => row.originalStart === found.local).first();
      if (saved) return refuse('changed-since', 'originalStart', 'This visit was saved as an appointment by a status change after the move, so the move cannot be undone.');
      const { exceptions: next, undone, restored } = undoOccurrenceMove(series, exceptions, { originalStart: found.local, movedVersion: args.movedVersion, previous: args.previous }, scope.at);

      const occurrenceId = occurrenceIdFor(series.id, found.local);
      const back = fieldsOf(series, found.local, restored);
      if (restored?.kind !== 'cancelled') {
        const start = wallTimeToInstant(back.wallStart, back.timeZone, 'wallStart');
        const candidate: Candidate = { id: occurrenceId, start, end: start + back.durationMinutes * 60_000, resourceIds: back.resourceIds, patientId: series.patientId };
        const check = await checkCandidates(scope, [candidate]);
        const refusal = gateConflicts(scope, check, undefined, { entityType: 'occurrence', entityId: occurrenceId, patientId: series.patientId });
        if (refusal) return refusal;
      }
      await saveExceptions(scope, exceptions, next);
      scope.audit({
        action: 'OCCURRENCE_MOVED',
        entityType: 'occurrence',
        entityId: occurrenceId,
        patientId: series.patientId,
        changes: { ...fieldChanges(fieldsOf(series, found.local, undone), back), ...(restored?.kind === 'cancelled' ? { status: { before: 'booked', after: 'cancelled' } } : {}) },
        reason: undoReason,
      });
      // Where the visit is back, for the notice.
      return { ok: true, value: { restored, occurrenceId, wallStart: back.wallStart, timeZone: back.timeZone }, baseVersion: undone.version, intent: { ...args, at: scope.at } };
    },
  }),
};
