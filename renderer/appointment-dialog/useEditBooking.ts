import { useState } from 'react';
import type { CommandError } from '../../core/commands';
import { useSeriesRule } from '../data/useSeriesRule';
import { useSeriesStart } from '../data/useSeriesStart';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { needsScope, scopeNote, scopesFor } from './edit-scope';
import type { BookingEdit, EditScope, EditTarget } from './edit-scope';
import type { EditScopeDialogProps } from './EditScopeDialog';
import { useSaveBooking } from './useSaveBooking';
import type { UndoCall } from './useSaveBooking';

/** What the edit dialog calls back with. */
export interface EditBookingHandlers {
  /** Saved: the notice, and the Undo it offers when the save can be undone ("this visit only"). */
  onSaved(notice: string, undo: UndoCall | undefined): void;
  /** A refusal: conflicts to the list, other problems beside their field. */
  onRefused(error: CommandError): void;
  onFailed(): void;
  setBusy(busy: boolean): void;
}

/** The edit dialog's save: `request` saves (asking the scope first for a series visit); `asking` holds the scope question while it is open. */
export interface EditBooking {
  request(edit: BookingEdit, override: string | undefined): void;
  asking: EditScopeDialogProps | null;
}

/**
 * The edit mode of the appointment dialog. Saving a series visit first asks
 * "this visit / this and following / all" ({@link EditScopeDialog}); the
 * answer is remembered, so a manager's "Book anyway" after a conflict saves
 * the same scope without asking again. A stored appointment saves at once.
 *
 * `target` is `undefined` when the dialog books something new (then `request` does nothing).
 *
 * @example const edit = useEditBooking(draft.editing, patientName, format, handlers); edit.request(fields, undefined);
 */
export function useEditBooking(target: EditTarget | undefined, patientName: string, format: ClinicFormat, handlers: EditBookingHandlers): EditBooking {
  const save = useSaveBooking(format);
  const timing = { seriesStart: useSeriesStart(target?.seriesId), seriesRule: useSeriesRule(target?.seriesId) };
  const [pending, setPending] = useState<{ edit: BookingEdit; override: string | undefined } | null>(null);
  const [scope, setScope] = useState<EditScope | null>(null);

  async function saveIn(target: EditTarget, chosen: EditScope | null, edit: BookingEdit, override: string | undefined) {
    handlers.setBusy(true);
    try {
      const outcome = await save(target, edit, chosen, { override, ...timing, patientName });
      if (outcome.ok) handlers.onSaved(outcome.notice, outcome.undo);
      else handlers.onRefused(outcome.error);
    } catch {
      handlers.onFailed();
    } finally {
      handlers.setBusy(false);
    }
  }

  function request(edit: BookingEdit, override: string | undefined) {
    if (!target) return;
    if (!needsScope(target)) return void saveIn(target, null, edit, override);
    if (override !== undefined && scope !== null) return void saveIn(target, scope, edit, override);
    setPending({ edit, override });
  }

  const asking: EditScopeDialogProps | null =
    pending === null || !target
      ? null
      : {
          intro: text.editScope.intro(patientName, format.shortDate(target.wallStart.slice(0, 10))),
          offered: scopesFor(target, pending.edit, timing),
          note: scopeNote(target, pending.edit, timing),
          onChoose: (chosen) => {
            setScope(chosen);
            setPending(null);
            void saveIn(target, chosen, pending.edit, pending.override);
          },
          onCancel: () => setPending(null),
        };
  return { request, asking };
}
