import type { ScheduleBlockDraft } from '../../core/schedule';
import { addDays, isoWeekday, todayIn } from '../dates/calendar-dates';

/**
 * The weekday hours a new provider or room starts with, as one schedule
 * block repeating Monday to Friday from this week's Monday (the clinic's
 * calendar), so the day view shows bookable time at once and the rota can be
 * changed later in Administration → Schedules.
 *
 * @example weekdayHours('dr-lee', 'America/New_York', Date.now(), '09:00', '17:00')
 * // { resourceId: 'dr-lee', kind: 'working', wallStart: '2026-11-23T09:00', wallEnd: '2026-11-23T17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' }
 */
export function weekdayHours(resourceId: string, timeZone: string, now: number, start: string, end: string, kind: 'working' | 'break' = 'working'): ScheduleBlockDraft {
  const today = todayIn(timeZone, now);
  const monday = addDays(today, 1 - isoWeekday(today));
  return { resourceId, kind, wallStart: `${monday}T${start}`, wallEnd: `${monday}T${end}`, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' };
}
