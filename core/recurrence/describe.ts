import { parseEnd, parsePattern, parseRuleToPattern } from './builder';
import type { Nth, RecurrenceEndInput, RecurrencePatternInput, RuleContext, Weekday } from './builder';

/**
 * Every word the summary uses, in one table, so a translation is one more
 * object of this shape (plurals and word order are functions because
 * languages differ in both). Pass it as `labels`.
 */
export interface RecurrenceLabels {
  none: string;
  weekdayShort: Record<Weekday, string>;
  weekdayLong: Record<Weekday, string>;
  /** January first. */
  monthShort: readonly string[];
  monthLong: readonly string[];
  ordinal: Record<Nth, string>;
  /** Joins a list for reading: "Mon, Wed and Fri". */
  list: (items: string[]) => string;
  daily: (every: number) => string;
  weekly: (every: number, weekdays: string) => string;
  weekdays: string;
  monthlyByDate: (every: number, day: number) => string;
  monthlyByWeekday: (every: number, ordinal: string, weekday: string) => string;
  yearlyByDate: (every: number, day: number, month: string) => string;
  yearlyByWeekday: (every: number, ordinal: string, weekday: string, month: string) => string;
  /** Day 29–31 monthly: those months are skipped, never moved (see the builder). */
  skipsShortMonths: (day: number) => string;
  /** 29 February yearly. */
  leapYearsOnly: string;
  /** 5th weekday: months without one are skipped. */
  skipsMonthsWithoutFifth: string;
  count: (count: number) => string;
  until: (date: string) => string;
  date: (year: number, month: string, day: number) => string;
  /** A rule the builder cannot show in its terms. */
  custom: (rrule: string) => string;
}

const plural = (every: number, one: string, many: string) => (every === 1 ? one : `Every ${every} ${many}`);

/**
 * The English table, and the model for translations.
 *
 * @example englishRecurrenceLabels.weekly(2, 'Mon and Wed') // 'Every 2 weeks on Mon and Wed'
 */
export const englishRecurrenceLabels: RecurrenceLabels = {
  none: 'Does not repeat',
  weekdayShort: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  weekdayLong: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  monthShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  monthLong: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ordinal: { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last' },
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`),
  daily: (every) => plural(every, 'Every day', 'days'),
  weekly: (every, weekdays) => `${plural(every, 'Every week', 'weeks')} on ${weekdays}`,
  weekdays: 'Every weekday (Mon–Fri)',
  monthlyByDate: (every, day) => `${plural(every, 'Monthly', 'months')} on day ${day}`,
  monthlyByWeekday: (every, ordinal, weekday) => `${plural(every, 'Monthly', 'months')} on the ${ordinal} ${weekday}`,
  yearlyByDate: (every, day, month) => `${plural(every, 'Every year', 'years')} on ${day} ${month}`,
  yearlyByWeekday: (every, ordinal, weekday, month) => `${plural(every, 'Every year', 'years')} on the ${ordinal} ${weekday} of ${month}`,
  skipsShortMonths: (day) => ` (skipped in months without a day ${day})`,
  leapYearsOnly: ' (leap years only)',
  skipsMonthsWithoutFifth: ' (skipped in months without one)',
  count: (count) => (count === 1 ? ', once' : `, ${count} times`),
  until: (date) => ` until ${date}`,
  date: (year, month, day) => `${day} ${month} ${year}`,
  custom: (rrule) => `Custom repeat rule (${rrule})`,
};

function monthName(names: readonly string[], month: number): string {
  return names[month - 1] ?? String(month);
}

/**
 * A one-line summary of a pattern and its end for the series dialog and the
 * occurrence popover. Input is checked like {@link buildRule}'s (bad input
 * throws the same `ValidationError`).
 *
 * @example describeRecurrence({ kind: 'weekly', every: 2, weekdays: ['mon', 'wed'] }, { type: 'after', count: 10 })
 * // 'Every 2 weeks on Mon and Wed, 10 times'
 * @example describeRecurrence({ kind: 'weekdays' }, { type: 'on', date: '2026-06-30' }) // 'Every weekday (Mon–Fri) until 30 Jun 2026'
 * @example describeRecurrence({ kind: 'monthly-by-weekday', nth: -1, weekday: 'fri' }) // 'Monthly on the last Friday'
 */
export function describeRecurrence(
  patternInput: RecurrencePatternInput,
  endInput: RecurrenceEndInput = { type: 'never' },
  labels: RecurrenceLabels = englishRecurrenceLabels,
): string {
  const pattern = parsePattern(patternInput);
  const end = parseEnd(endInput);
  let text: string;
  switch (pattern.kind) {
    case 'none':
      return labels.none;
    case 'daily':
      text = labels.daily(pattern.every);
      break;
    case 'weekly':
      text = labels.weekly(pattern.every, labels.list(pattern.weekdays.map((day) => labels.weekdayShort[day])));
      break;
    case 'weekdays':
      text = labels.weekdays;
      break;
    case 'monthly-by-date':
      text = labels.monthlyByDate(pattern.every, pattern.day) + (pattern.day > 28 ? labels.skipsShortMonths(pattern.day) : '');
      break;
    case 'monthly-by-weekday':
      text =
        labels.monthlyByWeekday(pattern.every, labels.ordinal[pattern.nth], labels.weekdayLong[pattern.weekday]) +
        (pattern.nth === 5 ? labels.skipsMonthsWithoutFifth : '');
      break;
    case 'yearly-by-date':
      text =
        labels.yearlyByDate(pattern.every, pattern.day, monthName(labels.monthLong, pattern.month)) +
        (pattern.month === 2 && pattern.day === 29 ? labels.leapYearsOnly : '');
      break;
    case 'yearly-by-weekday':
      text =
        labels.yearlyByWeekday(pattern.every, labels.ordinal[pattern.nth], labels.weekdayLong[pattern.weekday], monthName(labels.monthLong, pattern.month)) +
        (pattern.nth === 5 ? labels.skipsMonthsWithoutFifth : '');
      break;
  }
  if (end.type === 'after') return text + labels.count(end.count);
  if (end.type === 'on') {
    const [year, month, day] = end.date.split('-').map(Number) as [number, number, number];
    return text + labels.until(labels.date(year, monthName(labels.monthShort, month), day));
  }
  return text;
}

/**
 * The summary for a stored rule: what {@link describeRecurrence} says for
 * it, or `labels.custom(rrule)` when the builder cannot show it. `context`
 * (the series' first start and zone) lets rules written by a split, or that
 * leave the weekday to DTSTART, read as plainly as built ones.
 *
 * @example describeRule('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3') // 'Every year on 3 March'
 * @example describeRule('FREQ=DAILY;BYHOUR=9,17') // 'Custom repeat rule (FREQ=DAILY;BYHOUR=9,17)'
 */
export function describeRule(rrule: string | null | undefined, context?: RuleContext, labels: RecurrenceLabels = englishRecurrenceLabels): string {
  const parsed = parseRuleToPattern(rrule, context);
  if (!parsed) return labels.custom(rrule ?? '');
  return describeRecurrence(parsed.pattern, parsed.end, labels);
}
