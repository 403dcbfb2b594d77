import { useCallback } from 'react';
import type { AppointmentStatus } from '../../core/model';
import type { DayItem } from '../data/day-sheet';
import { useCommand } from '../data/useCommand';
import { problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';

/** Status changes from the day view: forward along the status machine, cancel with a reason, undo. */
export interface StatusChanges {
  change(item: DayItem, to: AppointmentStatus, reason?: string): Promise<boolean>;
  undo(item: DayItem): Promise<boolean>;
}

function nameOf(item: DayItem): string {
  return item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
}

/**
 * Runs status commands for a booking and says what happened in the notice
 * bar, with an undo button after every forward change. Refusals (a status
 * the machine does not allow, a missing reason) are shown as sentences.
 *
 * @example const { change } = useStatusChange(); await change(item, 'arrived');
 */
export function useStatusChange(): StatusChanges {
  const run = useCommand();
  const show = useNotices((state) => state.show);

  const undo = useCallback(
    async (item: DayItem) => {
      const result = await run('appointment/undo-status', { appointmentId: item.id });
      if (!result.ok) {
        show('field' in result.error ? problemSentence(result.error) : result.error.message, { tone: 'error' });
        return false;
      }
      show(text.status.undone(nameOf(item), text.statuses[result.value.status]));
      return true;
    },
    [run, show],
  );

  const change = useCallback(
    async (item: DayItem, to: AppointmentStatus, reason?: string) => {
      if (item.source !== 'appointment') {
        show(text.status.occurrenceFirst, { tone: 'error' });
        return false;
      }
      const result =
        to === 'cancelled'
          ? await run('appointment/cancel', { appointmentId: item.id, ...(reason === undefined ? {} : { reason }) })
          : await run('appointment/change-status', { appointmentId: item.id, to });
      if (!result.ok) {
        const error = result.error;
        const message =
          error.code === 'invalid-status-transition' ? text.status.notAllowed(text.statuses[item.status], text.statuses[to]) : 'field' in error ? problemSentence(error) : error.message;
        show(message, { tone: 'error' });
        return false;
      }
      show(text.status.changed(nameOf(item), text.statuses[result.value.status]), { undo: () => void undo(item) });
      return true;
    },
    [run, show, undo],
  );

  return { change, undo };
}
