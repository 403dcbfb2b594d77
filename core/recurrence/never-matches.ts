import { RRule, Weekday } from './rrule-library';
import type { WallTimeParts } from '../time';
import type { ParsedRule } from './rrule-text';

const longestMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

function allOr(values: number[] | undefined, count: number): number[] {
  return values ?? Array.from({ length: count }, (_, index) => index);
}

/**
 * Whether an HOURLY/MINUTELY/SECONDLY rule can ever land on its BYHOUR /
 * BYMINUTE / BYSECOND values. Stepping `interval` units from DTSTART only
 * reaches times of day congruent to DTSTART modulo gcd(interval, units per
 * day); rrule.js does not check this and loops forever inside
 * `DateTime.addHours/addMinutes/addSeconds` (e.g. `FREQ=HOURLY;INTERVAL=24;BYHOUR=5`
 * from 09:00), so expandRule asks first.
 */
function timeOfDayReachable(rule: ParsedRule, start: WallTimeParts): boolean {
  const unitSeconds = rule.freq === 'HOURLY' ? 3600 : rule.freq === 'MINUTELY' ? 60 : rule.freq === 'SECONDLY' ? 1 : 0;
  if (unitSeconds === 0) return true;
  const unitsPerDay = 86_400 / unitSeconds;
  const step = greatestCommonDivisor(rule.interval, unitsPerDay) * unitSeconds;
  const startSecond = start.hour * 3600 + start.minute * 60 + start.second;
  // rrule.js's stepping loop only checks the filters at or above the frequency's own unit.
  const hours = allOr(rule.byHour, 24);
  const minutes = rule.freq === 'HOURLY' ? [start.minute] : allOr(rule.byMinute, 60);
  const seconds = rule.freq === 'SECONDLY' ? allOr(rule.bySecond, 60) : [start.second];
  for (const hour of hours) {
    for (const minute of minutes) {
      for (const second of seconds) {
        const offset = hour * 3600 + minute * 60 + second - startSecond;
        if (((offset % step) + step) % step === 0) return true;
      }
    }
  }
  return false;
}

/** Whether some month allowed by BYMONTH has a day named by BYMONTHDAY (there is no 30 February). */
function monthDayPossible(rule: ParsedRule): boolean {
  if (!rule.byMonthDay) return true;
  const months = rule.byMonth ?? allOr(undefined, 12).map((index) => index + 1);
  return months.some((month) => (rule.byMonthDay as number[]).some((day) => Math.abs(day) <= (longestMonth[month - 1] as number)));
}

/** Whether a BYDAY ordinal can exist: within a month (MONTHLY, or YEARLY with BYMONTH) there is no 6th Monday. */
function nthWeekdayPossible(rule: ParsedRule): boolean {
  const withinMonth = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && rule.byMonth !== undefined);
  if (!withinMonth || !rule.byDay) return true;
  return rule.byDay.some((day) => day.nth === undefined || Math.abs(day.nth) <= 5);
}

/**
 * Whether any calendar day passes a DAILY-or-finer rule's day filters. rrule.js
 * steps day by day to the year 9999 looking for one (seconds for DAILY, many
 * seconds for MINUTELY), so ask a YEARLY rule with the same filters instead:
 * it steps a year at a time, and YEARLY with BYMONTH/BYYEARDAY/BYMONTHDAY/BYDAY
 * yields exactly the days that pass all of them.
 */
function someDayPasses(rule: ParsedRule, start: WallTimeParts): boolean {
  const finerThanMonth = rule.freq !== 'YEARLY' && rule.freq !== 'MONTHLY' && rule.freq !== 'WEEKLY';
  // Without a day-level part (BYMONTH alone) every allowed month has days; and the probe would need one.
  if (!finerThanMonth || !(rule.byYearDay || rule.byMonthDay || rule.byDay)) return true;
  const probe = new RRule(
    {
      freq: RRule.YEARLY,
      dtstart: new Date(Date.UTC(start.year, start.month - 1, start.day)),
      count: 1,
      bymonth: rule.byMonth ?? null,
      byyearday: rule.byYearDay ?? null,
      bymonthday: rule.byMonthDay ?? null,
      byweekday: rule.byDay?.map((day) => new Weekday(day.weekday)) ?? null,
      tzid: null,
    },
    true,
  );
  return probe.all().length > 0;
}

/**
 * True when the rule provably never produces an instance after DTSTART, so
 * rrule.js must not be run: it would loop forever (unreachable time of day)
 * or step to the year 9999 before giving up (a month day no allowed month has,
 * a 6th weekday of a month, day filters no day passes).
 *
 * @example ruleNeverMatches(parseRrule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'), parseWallTime('2025-01-01T09:00', 'dtstart')) // true
 */
export function ruleNeverMatches(rule: ParsedRule, start: WallTimeParts): boolean {
  return !timeOfDayReachable(rule, start) || !monthDayPossible(rule) || !nthWeekdayPossible(rule) || !someDayPasses(rule, start);
}
