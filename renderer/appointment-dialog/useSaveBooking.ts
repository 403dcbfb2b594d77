import { useCallback } from 'react';
import type { CommandArgs, CommandError, CommandValue } from '../../core/commands';
import { wallTimeToInstant } from '../../core/time';
import { useCommand } from '../data/useCommand';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { freedByEdit } from '../waitlist/freed-by-edit';
import { useWaitlistDesk } from '../waitlist/waitlist-store';
import { planEdit } from './edit-scope';
import type { BookingEdit, EditScope, EditTarget, SeriesTiming } from './edit-scope';

/** The command the notice's Undo runs after a save that can be undone (moving one visit of a series). */
export type UndoCall = { name: 'occurrence/undo-move'; args: CommandArgs<'occurrence/undo-move'> };

/** How a save ended: saved (with the notice to show, and its Undo when there is one), nothing to save, or the first refusal. */
export type SaveOutcome = { ok: true; notice: string; undo?: UndoCall } | { ok: false; error: CommandError };

/** Saves an edit of a booking in the given scope (see {@link useSaveBooking}). */
export type SaveBooking = (
  target: EditTarget,
  edit: BookingEdit,
  scope: EditScope | null,
  options?: { override?: string | undefined; patientName?: string } & SeriesTiming,
) => Promise<SaveOutcome>;

/**
 * Runs the command `planEdit` chooses for an edit (`appointment/move`, which
 * also carries changed words, or `appointment/edit` for words alone;
 * `occurrence/edit`, `series/edit-following` or `series/edit-all` for a
 * series visit), stopping at the first refusal, and
 * says in words what was saved; the time a one-visit move or shortening
 * left goes to the waitlist's freed-slot notice. The edit dialog and the drag
 * on the day sheet share it, so both save a series visit the same way. "This
 * visit only" (`occurrence/edit`) comes back with its Undo:
 * `occurrence/undo-move` with what the visit was before (see useUndoSave).
 *
 * @example const save = useSaveBooking(format); const outcome = await save(item, edit, 'following', { patientName: 'Ada Lovelace' });
 */
export function useSaveBooking(format: ClinicFormat): SaveBooking {
  const run = useCommand();
  return useCallback(
    async (target, edit, scope, options = {}) => {
      const calls = planEdit(target, edit, scope, options);
      if (calls.length === 0) return { ok: true, notice: text.edit.nothingChanged };
      let undo: UndoCall | undefined;
      for (const call of calls) {
        const result = await run(call.name, call.args as never);
        if (!result.ok) return { ok: false, error: result.error };
        if (call.name === 'occurrence/edit') {
          const { exception, previous } = result.value as CommandValue<'occurrence/edit'>;
          undo = { name: 'occurrence/undo-move', args: { seriesId: exception.seriesId, originalStart: exception.originalStart, movedVersion: exception.version, previous } };
        }
      }
      // One visit moved or shortened: the time it left is matched against the waitlist at once.
      useWaitlistDesk.getState().report(freedByEdit(target, edit, calls));
      const name = options.patientName ?? text.dayView.unknownPatient;
      const date = format.shortDate(edit.wallStart.slice(0, 10));
      if (scope === 'following' && target.source === 'occurrence') return { ok: true, notice: text.edit.savedFollowing(name, date) };
      if (scope === 'all' && target.source === 'occurrence') return { ok: true, notice: text.edit.savedAll(name) };
      return { ok: true, notice: text.edit.saved(name, `${date} ${format.time(wallTimeToInstant(edit.wallStart, edit.timeZone, 'wallStart'))}`), ...(undo ? { undo } : {}) };
    },
    [run, format],
  );
}
