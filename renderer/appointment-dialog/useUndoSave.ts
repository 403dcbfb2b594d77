import { useCallback } from 'react';
import { wallTimeToInstant } from '../../core/time';
import { useCommand } from '../data/useCommand';
import { refusalSentence } from '../i18n';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import type { UndoCall } from './useSaveBooking';

/** Runs a save's Undo (see {@link useUndoSave}). */
export type UndoSave = (undo: UndoCall, patientName: string) => Promise<boolean>;

/**
 * The notice's Undo after "this visit only": runs `occurrence/undo-move`
 * (checked like any booking in the engine) and says where the visit is
 * back, or — when its old time was taken meanwhile or it changed since —
 * why it stays where it is (the first conflict, or the refusal's sentence).
 * The drag and the edit dialog share it, like the save itself.
 *
 * @example const undoSave = useUndoSave(format, (id) => names.get(id) ?? id); show(outcome.notice, { undo: () => void undoSave(outcome.undo, 'Grace Hopper') });
 */
export function useUndoSave(format: ClinicFormat, resourceName: (id: string) => string): UndoSave {
  const run = useCommand();
  const show = useNotices((state) => state.show);
  return useCallback(
    async (undo, patientName) => {
      const result = await run(undo.name, undo.args);
      if (!result.ok) {
        show(text.edit.notUndone(patientName, refusalSentence(result.error, resourceName)), { tone: 'error' });
        return false;
      }
      const { wallStart, timeZone } = result.value;
      show(text.edit.undone(patientName, `${format.shortDate(wallStart.slice(0, 10))} ${format.time(wallTimeToInstant(wallStart, timeZone, 'wallStart'))}`));
      return true;
    },
    [run, show, format, resourceName],
  );
}
