import type { ParsedRule } from './rrule-text';

/**
 * Plain weekly rules (`FREQ=WEEKLY` with at most BYDAY, INTERVAL, WKST and
 * UNTIL or COUNT: every working-hours block, break and meeting of a schedule)
 * walked by arithmetic instead of rrule.js. rrule.js builds a year mask and
 * a week's day set for every period it steps through, which is most of
 * `availability()`'s time; here an instance is one addition.
 *
 * The instances are exactly rrule.js's (RFC 5545 §3.3.10), in wall time
 * ("local ms", wall time read as UTC):
 * - Weeks start on WKST; the week holding DTSTART is period 0 and every
 *   INTERVAL-th week after it is selected.
 * - In a selected week, the BYDAY weekdays (DTSTART's weekday when there is
 *   no BYDAY) at DTSTART's time of day, in order, none before DTSTART.
 * - Nothing after 31 December 9999 (rrule.js's last year).
 * UNTIL, the window, EXDATEs and the zone are left to `expandRuleWall`, which
 * applies them to these wall times as it does to rrule.js's.
 *
 * Because every selected week holds the same number of instances, the
 * instances before any week are counted without visiting them, so a rule
 * started in 2000 (`weeklyRuleEpoch`) costs the same as one started last week,
 * COUNT included.
 */

/** Where to begin walking a plain weekly rule, and how many instances after DTSTART lie before that. */
export interface PlainWeekly {
  /** Rule instances after DTSTART in the weeks not walked (all before the `notBeforeLocal` asked for). */
  skipped: number;
  /**
   * Calls `visit` with each instance after DTSTART from the first week walked,
   * in order, until it returns false or the calendar ends.
   */
  walk(visit: (localMs: number) => boolean): void;
}

const dayMs = 86_400_000;
const weekDays = 7;
/** The first local ms rrule.js no longer generates (it stops after the year 9999). */
const endOfCalendarLocal = Date.UTC(10_000, 0, 1);

/**
 * Whether `rule` is a plain weekly rule this file walks; anything else
 * (BYMONTH, BYSETPOS, BYHOUR, … or another frequency) stays with rrule.js.
 *
 * @example isPlainWeekly(parseRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;WKST=SU')) // true
 */
export function isPlainWeekly(rule: ParsedRule): boolean {
  return (
    rule.freq === 'WEEKLY' &&
    rule.bySecond === undefined &&
    rule.byMinute === undefined &&
    rule.byHour === undefined &&
    rule.byMonthDay === undefined &&
    rule.byYearDay === undefined &&
    rule.byWeekNo === undefined &&
    rule.byMonth === undefined &&
    rule.bySetPos === undefined &&
    (rule.byDay ?? []).every((day) => day.nth === undefined)
  );
}

/** Monday = 0 … Sunday = 6 of a day number (days since 1970-01-01, a Thursday). */
const weekdayOf = (dayNumber: number) => (((dayNumber + 3) % weekDays) + weekDays) % weekDays;

/**
 * The walk of a plain weekly rule from DTSTART (`dtstartLocalMs`), starting
 * at the latest selected week that still ends on or after `notBeforeLocal`'s
 * previous week, so nothing at or after `notBeforeLocal` is skipped. Null
 * when the rule is not plain ({@link isPlainWeekly}).
 *
 * @example
 * // Mon–Fri at 08:00 since Monday 3 January 2000, wanted from October 2026
 * plainWeekly(parseRrule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'), Date.UTC(2000, 0, 3, 8), Date.UTC(2026, 9, 1))?.skipped // 6,969 weekdays before late September 2026
 */
export function plainWeekly(rule: ParsedRule, dtstartLocalMs: number, notBeforeLocal: number): PlainWeekly | null {
  if (!isPlainWeekly(rule) || rule.byDay?.length === 0) return null;
  const startDay = Math.floor(dtstartLocalMs / dayMs);
  const timeOfDay = dtstartLocalMs - startDay * dayMs;
  const weekStart = startDay - ((weekdayOf(startDay) - rule.wkst + weekDays) % weekDays);
  const weekdays = rule.byDay?.map((day) => day.weekday) ?? [weekdayOf(startDay)];
  // Days into a week that starts on WKST, ascending and once each (BYDAY=MO,MO is one Monday).
  const offsets = [...new Set(weekdays.map((weekday) => (weekday - rule.wkst + weekDays) % weekDays))].sort((left, right) => left - right);
  const periodDays = weekDays * rule.interval;
  // The first week's instances after DTSTART (DTSTART itself is counted by the caller, on the rule or not).
  const firstWeek = offsets.filter((offset) => weekStart + offset > startDay).length;

  // Periods wholly before notBeforeLocal: the one holding it and the one before are always walked.
  const periodHolding = Number.isFinite(notBeforeLocal) ? Math.floor((notBeforeLocal - weekStart * dayMs) / (periodDays * dayMs)) : 0;
  const firstPeriod = Math.max(0, periodHolding - 1);
  const skipped = firstPeriod === 0 ? 0 : firstWeek + (firstPeriod - 1) * offsets.length;

  return {
    skipped,
    walk(visit) {
      for (let period = firstPeriod; ; period++) {
        const periodStart = weekStart + period * periodDays;
        for (const offset of offsets) {
          const day = periodStart + offset;
          if (day <= startDay) continue;
          const local = day * dayMs + timeOfDay;
          if (local >= endOfCalendarLocal || !visit(local)) return;
        }
      }
    },
  };
}
