import type { CalendarDate } from '../../core/model';
import { readDaySheet } from './day-sheet';
import type { DaySheet } from './day-sheet';
import { useAppData } from './useAppData';
import type { LiveResult } from './useLiveQuery';
import { useSharedLiveQuery } from './useSharedLiveQuery';

/**
 * One clinic day, live: re-read whenever a booking, status, patient,
 * resource, hour or closure changes, here or from another tab or sync.
 * Shared: the day view and the print sheet show the same day, and reading
 * 480 bookings twice per change doubled a day switch's database work.
 *
 * @example const day = useDaySheet('2026-11-25', clinic.timeZone);
 */
export function useDaySheet(date: CalendarDate, timeZone: string): LiveResult<DaySheet> {
  const { db } = useAppData();
  return useSharedLiveQuery(db, `day:${date}:${timeZone}`, () => readDaySheet(db, date, timeZone));
}
