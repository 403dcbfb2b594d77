import type { CalendarDate } from '../../core/model';
import { readDaySheet } from './day-sheet';
import type { DaySheet } from './day-sheet';
import { useAppData } from './useAppData';
import { useLiveQuery } from './useLiveQuery';
import type { LiveResult } from './useLiveQuery';

/**
 * One clinic day, live: re-read whenever a booking, status, patient,
 * resource, hour or closure changes, here or from another tab or sync.
 *
 * @example const day = useDaySheet('2026-11-25', clinic.timeZone);
 */
export function useDaySheet(date: CalendarDate, timeZone: string): LiveResult<DaySheet> {
  const { db } = useAppData();
  return useLiveQuery(`day:${date}:${timeZone}`, () => readDaySheet(db, date, timeZone));
}
