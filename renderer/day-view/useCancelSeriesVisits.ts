import { useCallback } from 'react';
import { planCancel } from '../appointment-dialog/edit-scope';
import type { DayItem } from '../data/day-sheet';
import { useCommand } from '../data/useCommand';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { refusalSentence } from '../i18n';

/** Cancels a series visit and the ones after it, or all that have not happened; answers the refusal's sentence (or the unexpected-error one), or `null` when done. Never throws. */
export type CancelSeriesVisits = (item: DayItem, scope: 'following' | 'all', reason: string) => Promise<string | null>;

/**
 * "Cancel this and following" (`series/cancel-following`, from the visit's
 * original start) and "cancel all" (`series/cancel-all`: every visit that
 * has not started; the past stays), with the reason the audit log keeps.
 * Done: a notice says what was cancelled. One visit alone goes through
 * the status change as before (it can be undone).
 *
 * @example const cancelVisits = useCancelSeriesVisits(format); await cancelVisits(item, 'all', 'Treatment finished');
 */
export function useCancelSeriesVisits(format: ClinicFormat): CancelSeriesVisits {
  const run = useCommand();
  const show = useNotices((state) => state.show);
  return useCallback(
    async (item, scope, reason) => {
      const call = planCancel(item, scope, reason);
      let result;
      try {
        result = await run(call.name, call.args as never);
      } catch {
        // A throw is a bug or a storage failure (nothing was written); the dialog must still come back.
        return text.app.unexpectedError;
      }
      if (!result.ok) return refusalSentence(result.error, (id) => id);
      const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
      show(scope === 'following' ? text.editScope.cancelledFollowing(name, format.shortDate(item.wallStart.slice(0, 10))) : text.editScope.cancelledAll(name));
      return null;
    },
    [run, show, format],
  );
}
