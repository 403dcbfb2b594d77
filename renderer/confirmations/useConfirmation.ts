import { useCallback } from 'react';
import type { DayItem } from '../data/day-sheet';
import { useCommand } from '../data/useCommand';
import { problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { visitRefOf } from './visit-ref';

/** The answers the desk records (the keys F, D, O). */
export type DeskAnswer = 'confirmed' | 'declined' | 'no_answer';

/** Confirmation changes from the desk: record an answer, undo the last one. */
export interface ConfirmationChanges {
  answer(item: DayItem, to: DeskAnswer): Promise<boolean>;
  undo(item: DayItem): Promise<boolean>;
}

function nameOf(item: DayItem): string {
  return item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
}

/**
 * Runs `confirmation/set` and `confirmation/undo` for a visit (an
 * appointment or a series visit) and says what happened in the notice bar,
 * with Undo (also Ctrl+Z) after every answer. Refusals are shown as sentences.
 *
 * @example const { answer } = useConfirmation(); await answer(item, 'confirmed');
 */
export function useConfirmation(): ConfirmationChanges {
  const run = useCommand();
  const show = useNotices((state) => state.show);

  const undo = useCallback(
    async (item: DayItem) => {
      const result = await run('confirmation/undo', { visit: visitRefOf(item) });
      if (!result.ok) {
        show('field' in result.error ? problemSentence(result.error) : result.error.message, { tone: 'error' });
        return false;
      }
      show(text.confirmation.undone(nameOf(item), text.confirmation.statuses[result.value.status]));
      return true;
    },
    [run, show],
  );

  const answer = useCallback(
    async (item: DayItem, to: DeskAnswer) => {
      const result = await run('confirmation/set', { visit: visitRefOf(item), to, method: 'phone' });
      if (!result.ok) {
        show('field' in result.error ? problemSentence(result.error) : result.error.message, { tone: 'error' });
        return false;
      }
      show(text.confirmation.set(nameOf(item), text.confirmation.statuses[to]), { undo: () => void undo(item) });
      return true;
    },
    [run, show, undo],
  );
  return { answer, undo };
}
