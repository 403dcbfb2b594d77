import type { CalendarDate } from '../../core/model';
import { addDays } from '../dates/calendar-dates';
import { readDaySheet } from './day-sheet';
import type { DaySheet } from './day-sheet';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';
import type { LiveResult } from './useLiveQuery';

/**
 * Seven consecutive clinic days from `firstDate`, live (for the week view);
 * `null` asks for nothing, so the hook can stay mounted while the day
 * sheet is shown.
 *
 * @example const week = useWeekSheets(view.layout === 'week' ? '2026-11-23' : null, clinic.timeZone);
 */
export function useWeekSheets(firstDate: CalendarDate | null, timeZone: string): LiveResult<DaySheet[]> {
  const { db } = useAppData();
  return useLiveQuery(`week:${firstDate ?? 'none'}:${timeZone}`, async () =>
    firstDate === null ? [] : Promise.all(Array.from({ length: 7 }, (_, index) => readDaySheet(db, addDays(firstDate, index), timeZone))),
  );
}
