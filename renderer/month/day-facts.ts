import type { CalendarDate } from '../../core/model';
import type { MonthDay } from '../../core/month';
import { text } from '../i18n';
import { plural } from '../i18n/plural';

/**
 * Hours in the locale's words, to a tenth: "7.5 hr" (en-US), "7,5 h" (fr).
 *
 * @example hoursFormat('en-GB').format(7.5) // '7.5 hr'
 */
export function hoursFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 });
}

/**
 * What a month day says, in order: visits booked, the free time (or, with
 * none bookable, why: closed, on leave, or no hours), the closure, the
 * leave, and today. The cell shows them; a screen reader hears them joined.
 *
 * @example dayFacts(day, '2026-11-25', 'en-US', hoursFormat('en-US')) // ['1 booked', '7.5 hr free', 'Today']
 */
export function dayFacts(day: MonthDay, today: CalendarDate, locale: string, hours: Intl.NumberFormat): string[] {
  const words = text.month;
  const facts = [plural(locale, day.booked, words.booked)];
  if (day.availableMinutes > 0) facts.push(words.free(hours.format(day.freeMinutes / 60)));
  else if (day.closed === undefined && day.leave.length === 0) facts.push(words.noHours);
  if (day.closed !== undefined) facts.push(words.closed(day.closed));
  if (day.leave.length > 0) facts.push(words.onLeave(day.leave.filter((reason) => reason !== '').join(', ')));
  if (day.date === today) facts.push(words.today);
  return facts;
}
