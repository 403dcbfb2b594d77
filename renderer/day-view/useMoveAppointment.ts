import { useCallback } from 'react';
import type { CalendarDate } from '../../core/model';
import { freedTime } from '../../core/waitlist';
import { needsScope } from '../appointment-dialog/edit-scope';
import type { DayItem } from '../data/day-sheet';
import { useCommand } from '../data/useCommand';
import { wallTimeAt } from '../dates/calendar-dates';
import type { ClinicFormat } from '../i18n';
import { conflictSentence, problemSentence, text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { useWaitlistDesk } from '../waitlist/waitlist-store';
import { useOccurrenceMove } from './occurrence-move-store';

/** Moves or resizes a booking on the sheet; answers whether the engine accepted it. */
export type MoveAppointment = (item: DayItem, date: CalendarDate, startMinute: number, durationMinutes: number) => Promise<boolean>;

/**
 * Saves a drag through `appointment/move` (the engine re-runs the booking
 * check without counting the booking against itself). Accepted: a notice
 * with Undo, which moves it back; the time a move or undo left goes to the
 * waitlist's freed-slot notice. Refused: the notice says why (what it
 * would collide with) and the block stays where it was, because the sheet
 * only ever shows what is stored. A series visit is not moved yet: the
 * scope question opens first (OccurrenceMoveDialog saves it).
 *
 * @example const move = useMoveAppointment(format, clinic.timeZone, names); await move(item, '2026-11-25', 630, 30);
 */
export function useMoveAppointment(format: ClinicFormat, timeZone: string, resourceNames: ReadonlyMap<string, string>): MoveAppointment {
  const run = useCommand();
  const show = useNotices((state) => state.show);
  return useCallback(
    async (item, date, startMinute, durationMinutes) => {
      if (needsScope(item)) {
        useOccurrenceMove.getState().ask({ item, edit: { wallStart: wallTimeAt(date, startMinute), timeZone, durationMinutes, resourceIds: item.resourceIds } });
        return false;
      }
      const name = item.patient ? text.patientName(item.patient) : text.dayView.unknownPatient;
      const result = await run('appointment/move', { appointmentId: item.id, wallStart: wallTimeAt(date, startMinute), timeZone, durationMinutes });
      if (!result.ok) {
        const error = result.error;
        let reason: string;
        if (error.code === 'booking-conflict') {
          const first = error.hard[0];
          reason = first ? conflictSentence(first, (id) => resourceNames.get(id) ?? id) : error.message;
        } else {
          reason = problemSentence(error);
        }
        show(text.dayView.notMoved(name, reason), { tone: 'error' });
        return false;
      }
      const moved = result.value.appointment;
      const there = { start: Date.parse(moved.start), end: Date.parse(moved.end), resourceIds: moved.resourceIds };
      // The time the move left (the old slot, or a shortened visit's tail) is matched against the waitlist at once; so is an undo's.
      useWaitlistDesk.getState().report(freedTime(item, there));
      const back = { wallStart: item.wallStart, timeZone: item.timeZone, durationMinutes: item.durationMinutes };
      show(text.dayView.moved(name, format.time(Date.parse(moved.start)), moved.durationMinutes), {
        undo: () =>
          void run('appointment/move', { appointmentId: item.id, ...back }).then((undone) => {
            if (undone.ok) useWaitlistDesk.getState().report(freedTime(there, item));
            else show(text.dayView.moveUndoFailed, { tone: 'error' });
          }),
      });
      return true;
    },
    [run, show, format, timeZone, resourceNames],
  );
}
