import { useCallback } from 'react';
import type { AppointmentStatus } from '../../core/model';
import { freedTime } from '../../core/waitlist';
import type { DayItem } from '../data/day-sheet';
import type { RunCommand } from '../data/useCommand';
import { useCommand } from '../data/useCommand';
import { problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { useWaitlistDesk } from '../waitlist/waitlist-store';

/** Status changes from the day view: forward along the status machine, cancel with a reason, undo. */
export interface StatusChanges {
  change(item: DayItem, to: AppointmentStatus, reason?: string): Promise<boolean>;
  undo(item: DayItem): Promise<boolean>;
}

function nameOf(item: DayItem): string {
  return item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
}

/**
 * The command for a status change. A stored appointment changes directly; a
 * series occurrence goes through `occurrence/change-status`, which saves it
 * as an appointment at its first change — except cancelling, which stays a
 * cancelled occurrence of the series (`occurrence/cancel`).
 */
function runChange(run: RunCommand, item: DayItem, to: AppointmentStatus, reason: string | undefined) {
  const why = reason === undefined ? {} : { reason };
  if (item.source === 'occurrence' && item.seriesId && item.originalStart) {
    const key = { seriesId: item.seriesId, originalStart: item.originalStart };
    if (to === 'cancelled') return run('occurrence/cancel', { ...key, ...why }).then((result) => (result.ok ? { ok: true as const, appointmentId: null } : result));
    return run('occurrence/change-status', { ...key, to, ...why }).then((result) => (result.ok ? { ok: true as const, appointmentId: result.value.id } : result));
  }
  const done = to === 'cancelled' ? run('appointment/cancel', { appointmentId: item.id, ...why }) : run('appointment/change-status', { appointmentId: item.id, to });
  return done.then((result) => (result.ok ? { ok: true as const, appointmentId: result.value.id } : result));
}

/**
 * Runs status commands for a booking and says what happened in the notice
 * bar, with an undo button after every change that can be undone.
 * Refusals (a status the machine does not allow, a missing reason) are
 * shown as sentences.
 *
 * @example const { change } = useStatusChange(); await change(item, 'arrived');
 */
export function useStatusChange(): StatusChanges {
  const run = useCommand();
  const show = useNotices((state) => state.show);

  const undoById = useCallback(
    async (appointmentId: string, name: string) => {
      const result = await run('appointment/undo-status', { appointmentId });
      if (!result.ok) {
        show('field' in result.error ? problemSentence(result.error) : result.error.message, { tone: 'error' });
        return false;
      }
      show(text.status.undone(name, text.statuses[result.value.status]));
      return true;
    },
    [run, show],
  );

  const change = useCallback(
    async (item: DayItem, to: AppointmentStatus, reason?: string) => {
      const result = await runChange(run, item, to, reason);
      if (!result.ok) {
        const error = result.error;
        const message =
          error.code === 'invalid-status-transition' ? text.status.notAllowed(text.statuses[item.status], text.statuses[to]) : 'field' in error ? problemSentence(error) : error.message;
        show(message, { tone: 'error' });
        return false;
      }
      const name = nameOf(item);
      const { appointmentId } = result;
      // Time a cancel or no-show gives back is matched against the waitlist at once (the freed-slot notice).
      if (to === 'cancelled' || to === 'no_show') useWaitlistDesk.getState().report(freedTime(item, null));
      show(text.status.changed(name, text.statuses[to]), appointmentId ? { undo: () => void undoById(appointmentId, name) } : {});
      return true;
    },
    [run, show, undoById],
  );

  const undo = useCallback((item: DayItem) => undoById(item.id, nameOf(item)), [undoById]);
  return { change, undo };
}
