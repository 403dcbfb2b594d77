import { z } from 'zod';
import { daysInMonth, localMsToInstant, localMsToWallTime, parseWallTime, zoneFor } from '../time';
import { ValidationError } from '../validation';
import { addCodedIssue, calendarDateSchema, parseWith } from '../model';
import { parseRrule } from './rrule-text';
import type { ParsedRule } from './rrule-text';

/**
 * The repeat dialog's vocabulary ("every 2 weeks on Mon and Wed, 10 times")
 * turned into an RFC 5545 RRULE value and back. Everything the old
 * `timeblocks` package offered (daily, weekly, Mon–Fri, nth/last weekday of a
 * month, nth/last weekday of a month each year) plus what it lacked: monthly and
 * yearly on a calendar date, a 5th weekday, intervals on every pattern, any-case
 * weekday names, and a never-ending end that is expanded only inside a window.
 */

/** Weekdays as the builder stores them (Monday first, lower case). */
export const weekdayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdayNames)[number];

const rruleDayCodes: Record<Weekday, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };
const fullWeekdayNames: Record<Weekday, string> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

/**
 * Reads a weekday in any case and length the desk might type or an import
 * might carry: `mon`, `MON`, `Mon`, `monday`, `MO`. `undefined` when it is none.
 *
 * @example normalizeWeekday('Monday') // 'mon'
 * @example normalizeWeekday('WE') // 'wed'
 */
export function normalizeWeekday(text: string): Weekday | undefined {
  const lower = text.trim().toLowerCase();
  return weekdayNames.find(
    (day) => day === lower || fullWeekdayNames[day] === lower || rruleDayCodes[day].toLowerCase() === lower,
  );
}

const weekdaySchema = z.string().transform((text, context) => {
  const day = normalizeWeekday(text);
  if (day === undefined) {
    addCodedIssue(context, 'invalid-weekday', `"${text}" is not a weekday (use Mon, Tue, … or Monday, Tuesday, …).`);
    return z.NEVER;
  }
  return day;
});

const everySchema = z
  .number()
  .optional()
  .transform((every, context) => {
    const value = every ?? 1;
    if (!Number.isInteger(value) || value < 1) {
      addCodedIssue(context, 'invalid-interval', 'Repeat every must be a whole number, at least 1.');
      return z.NEVER;
    }
    return value;
  });

/** Which weekday of the month: 1st–5th, or -1 for the last one. */
export type Nth = 1 | 2 | 3 | 4 | 5 | -1;

const nthSchema = z.number().transform((nth, context) => {
  if (!(Number.isInteger(nth) && ((nth >= 1 && nth <= 5) || nth === -1))) {
    addCodedIssue(context, 'invalid-nth', 'Which week must be 1st to 5th, or last (-1).');
    return z.NEVER;
  }
  return nth as Nth;
});

const monthSchema = z.number().superRefine((month, context) => {
  if (!Number.isInteger(month) || month < 1 || month > 12) addCodedIssue(context, 'invalid-month', 'Month must be 1 (January) to 12 (December).');
});

const monthDaySchema = z.number().superRefine((day, context) => {
  if (!Number.isInteger(day) || day < 1 || day > 31) addCodedIssue(context, 'invalid-month-day', 'Day of the month must be 1 to 31.');
});

/** The weekday of a calendar date. */
function weekdayOfDate(year: number, month: number, day: number): Weekday {
  return weekdayNames[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7] as Weekday;
}

/** Longest each month ever gets: February counts 29 so "every year on 29 Feb" stays possible. */
function longestMonth(month: number): number {
  return daysInMonth(2024, month);
}

const patternSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('daily'), every: everySchema }),
  z.object({
    kind: z.literal('weekly'),
    every: everySchema,
    weekdays: z
      .array(weekdaySchema)
      .optional()
      .transform((days, context) => {
        if (!days || days.length === 0) {
          // evenWhenMissing: an absent list is this problem, not a generic "required".
          context.addIssue({ code: 'custom', message: 'Pick at least one weekday.', params: { code: 'weekday-required', evenWhenMissing: true } });
          return z.NEVER;
        }
        return weekdayNames.filter((day) => days.includes(day));
      }),
  }),
  z.object({ kind: z.literal('weekdays') }),
  z.object({ kind: z.literal('monthly-by-date'), every: everySchema, day: monthDaySchema }),
  z.object({ kind: z.literal('monthly-by-weekday'), every: everySchema, nth: nthSchema, weekday: weekdaySchema }),
  z
    .object({ kind: z.literal('yearly-by-date'), every: everySchema, month: monthSchema, day: monthDaySchema })
    .superRefine((pattern, context) => {
      if (pattern.day > longestMonth(pattern.month)) {
        addCodedIssue(context, 'invalid-month-day', `Month ${pattern.month} never has a day ${pattern.day}.`, ['day']);
      }
    }),
  z.object({ kind: z.literal('yearly-by-weekday'), every: everySchema, month: monthSchema, nth: nthSchema, weekday: weekdaySchema }),
]);

const endSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('never') }),
  z.object({
    type: z.literal('after'),
    count: z.number().superRefine((count, context) => {
      if (!Number.isInteger(count) || count < 1) addCodedIssue(context, 'invalid-count', 'Number of times must be a whole number, at least 1.');
    }),
  }),
  z.object({ type: z.literal('on'), date: calendarDateSchema }),
]);

/**
 * A repeat pattern as the dialog shows it. Weekday names are normalised to
 * `mon`…`sun`; `every` defaults to 1. Monthly on day 29–31 and yearly on
 * 29 Feb SKIP the months (years) that lack the day, they are never moved to
 * the last day (RFC 5545 and `expandRule` behave the same). `nth: 5` skips
 * months without a 5th such weekday; `-1` is the last one.
 */
export type RecurrencePattern = z.output<typeof patternSchema>;
/** What {@link buildRule} accepts: weekday names in any case, `every` optional. */
export type RecurrencePatternInput = z.input<typeof patternSchema>;
/** A pattern that repeats (every kind but `none`). */
export type RepeatingPattern = Exclude<RecurrencePattern, { kind: 'none' }>;
/** How a series ends; `on` is inclusive, in the series' local time. */
export type RecurrenceEnd = z.output<typeof endSchema>;
export type RecurrenceEndInput = z.input<typeof endSchema>;

const never: RecurrenceEnd = { type: 'never' };

/**
 * Checks a pattern and normalises it, or throws {@link ValidationError} with
 * the field under `pattern.` (e.g. `pattern.every`, `pattern.weekdays.1`).
 *
 * @example parsePattern({ kind: 'weekly', weekdays: ['WED', 'monday'] }) // { kind: 'weekly', every: 1, weekdays: ['mon', 'wed'] }
 */
export function parsePattern(input: unknown): RecurrencePattern {
  return parseWith(patternSchema, input, 'pattern');
}

/**
 * Checks an end, or throws {@link ValidationError} with the field under `end.`.
 *
 * @example parseEnd({ type: 'after', count: 0 }) // throws invalid-count at end.count
 */
export function parseEnd(input: unknown): RecurrenceEnd {
  return parseWith(endSchema, input, 'end');
}

function nthDay(nth: Nth, weekday: Weekday): string {
  return `${nth}${rruleDayCodes[weekday]}`;
}

function frequencyParts(pattern: RepeatingPattern): string[] {
  const interval = (every: number) => (every > 1 ? [`INTERVAL=${every}`] : []);
  switch (pattern.kind) {
    case 'daily':
      return ['FREQ=DAILY', ...interval(pattern.every)];
    case 'weekly':
      return ['FREQ=WEEKLY', ...interval(pattern.every), `BYDAY=${pattern.weekdays.map((day) => rruleDayCodes[day]).join(',')}`];
    case 'weekdays':
      return ['FREQ=WEEKLY', 'BYDAY=MO,TU,WE,TH,FR'];
    case 'monthly-by-date':
      return ['FREQ=MONTHLY', ...interval(pattern.every), `BYMONTHDAY=${pattern.day}`];
    case 'monthly-by-weekday':
      return ['FREQ=MONTHLY', ...interval(pattern.every), `BYDAY=${nthDay(pattern.nth, pattern.weekday)}`];
    case 'yearly-by-date':
      return ['FREQ=YEARLY', ...interval(pattern.every), `BYMONTH=${pattern.month}`, `BYMONTHDAY=${pattern.day}`];
    case 'yearly-by-weekday':
      return ['FREQ=YEARLY', ...interval(pattern.every), `BYMONTH=${pattern.month}`, `BYDAY=${nthDay(pattern.nth, pattern.weekday)}`];
  }
}

function endParts(end: RecurrenceEnd): string[] {
  if (end.type === 'after') return [`COUNT=${end.count}`];
  if (end.type === 'on') return [`UNTIL=${end.date.replaceAll('-', '')}`];
  return [];
}

/**
 * The RRULE value for a pattern and an end, or `null` for `none` (a single
 * appointment has no rule). `on` becomes a date-only `UNTIL=YYYYMMDD`, which
 * `expandRule` reads as "through that day, in the series' zone".
 *
 * @example buildRule({ kind: 'weekly', every: 2, weekdays: ['mon', 'WED'] }, { type: 'after', count: 10 })
 * // 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10'
 * @example buildRule({ kind: 'weekdays' }, { type: 'on', date: '2026-06-30' }) // 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260630'
 */
export function buildRule(pattern: RecurrencePatternInput & { kind: 'none' }, end?: RecurrenceEndInput): null;
export function buildRule(pattern: Exclude<RecurrencePatternInput, { kind: 'none' }>, end?: RecurrenceEndInput): string;
export function buildRule(pattern: RecurrencePatternInput, end?: RecurrenceEndInput): string | null;
export function buildRule(pattern: RecurrencePatternInput, end: RecurrenceEndInput = never): string | null {
  const parsed = parsePattern(pattern);
  const parsedEnd = parseEnd(end);
  if (parsed.kind === 'none') return null;
  return [...frequencyParts(parsed), ...endParts(parsedEnd)].join(';');
}

/** What the dialog holds for a series: its first start, zone, pattern and end. */
export interface RecurrenceInput {
  /** First start as wall time, `YYYY-MM-DDTHH:mm[:ss]`. */
  dtstart: string;
  tzid: string;
  pattern: RecurrencePatternInput;
  end?: RecurrenceEndInput;
}

/**
 * True when a wall date is a day the pattern repeats on. The first start's
 * week, month or year anchors every N, so only the day itself matters.
 */
function isPatternDay(pattern: RecurrencePattern, year: number, month: number, day: number): boolean {
  const weekday = weekdayOfDate(year, month, day);
  const isNth = (nth: Nth, wanted: Weekday) =>
    weekday === wanted && (nth === -1 ? day + 7 > daysInMonth(year, month) : Math.ceil(day / 7) === nth);
  switch (pattern.kind) {
    case 'none':
    case 'daily':
      return true;
    case 'weekly':
      return pattern.weekdays.includes(weekday);
    case 'weekdays':
      return weekday !== 'sat' && weekday !== 'sun';
    case 'monthly-by-date':
      return day === pattern.day;
    case 'monthly-by-weekday':
      return isNth(pattern.nth, pattern.weekday);
    case 'yearly-by-date':
      return month === pattern.month && day === pattern.day;
    case 'yearly-by-weekday':
      return month === pattern.month && isNth(pattern.nth, pattern.weekday);
  }
}

/**
 * Checks everything the dialog entered, including what needs the first
 * start (an end date before it is `until-before-start` at `end.date`), and
 * returns the normalised pattern, end and RRULE (`null` for `none`).
 * `startOffPattern` is true when the first start is not a day the pattern
 * repeats on (weekly on Mon/Wed starting on a Tuesday): RFC 5545 and
 * `expandRule` still make it the first occurrence, so the dialog should say
 * so or move the start.
 *
 * @example validateRecurrence({ dtstart: '2026-01-05T09:00', tzid: 'Europe/London', pattern: { kind: 'daily' }, end: { type: 'on', date: '2026-01-04' } })
 * // throws until-before-start at end.date
 * @example validateRecurrence({ dtstart: '2026-01-06T09:00', tzid: 'Europe/London', pattern: { kind: 'weekly', weekdays: ['mon'] } }).startOffPattern // true
 */
export function validateRecurrence(input: RecurrenceInput): {
  pattern: RecurrencePattern;
  end: RecurrenceEnd;
  rrule: string | null;
  startOffPattern: boolean;
} {
  const start = parseWallTime(input.dtstart, 'dtstart');
  zoneFor(input.tzid, 'tzid');
  const pattern = parsePattern(input.pattern);
  const end = parseEnd(input.end ?? never);
  if (end.type === 'on' && end.date < input.dtstart.slice(0, 10)) {
    throw new ValidationError('until-before-start', 'end.date', `The series cannot end on ${end.date}, before its first day ${input.dtstart.slice(0, 10)}.`);
  }
  return { pattern, end, rrule: buildRule(pattern, end), startOffPattern: !isPatternDay(pattern, start.year, start.month, start.day) };
}

/** The series a rule belongs to; needed to show a UTC `UNTIL` as a local end date. */
export interface RuleContext {
  dtstart: string;
  tzid: string;
}

const dayMs = 86_400_000;

function isoDate(localMs: number): string {
  return localMsToWallTime(localMs).slice(0, 10);
}

/**
 * The last local day an `UNTIL` still lets an occurrence happen on: its own
 * day when the series' time of day is not after it, else the day before.
 */
function lastDayBefore(untilLocalMs: number, untilInstant: number | undefined, context: RuleContext): string {
  const day = isoDate(untilLocalMs);
  const timeOfDay = parseWallTime(context.dtstart, 'dtstart');
  const sameDayLocal = Date.parse(`${day}T00:00:00Z`) + ((timeOfDay.hour * 60 + timeOfDay.minute) * 60 + timeOfDay.second) * 1000;
  const fits = untilInstant === undefined ? sameDayLocal <= untilLocalMs : localMsToInstant(sameDayLocal, zoneFor(context.tzid)) <= untilInstant;
  return fits ? day : isoDate(Date.parse(`${day}T00:00:00Z`) - dayMs);
}

function endOf(rule: ParsedRule, context: RuleContext | undefined): RecurrenceEnd | null {
  if (rule.count !== undefined) return { type: 'after', count: rule.count };
  const until = rule.until;
  if (until === undefined) return never;
  if (until.kind === 'date') return { type: 'on', date: isoDate(until.localMs) };
  // A UTC or floating UNTIL (splitSeries writes UTC) reads as the last local day
  // that can still hold an occurrence, which needs the series' zone and time.
  if (!context) return null;
  if (until.kind === 'floating') return { type: 'on', date: lastDayBefore(until.localMs, undefined, context) };
  const zone = zoneFor(context.tzid, 'tzid');
  return { type: 'on', date: lastDayBefore(until.instant + zone.offset(until.instant) * 60_000, until.instant, context) };
}

function weekdayOf(index: number): Weekday | undefined {
  return weekdayNames[index];
}

/** `BYDAY=-1FR` or `BYDAY=FR;BYSETPOS=-1` as one nth weekday; null for anything else. */
function singleNthWeekday(rule: ParsedRule): { nth: Nth; weekday: Weekday } | null {
  const [byDay, ...moreDays] = rule.byDay ?? [];
  const [setPos, ...moreSetPos] = rule.bySetPos ?? [];
  if (!byDay || moreDays.length > 0 || moreSetPos.length > 0 || rule.byMonthDay) return null;
  if (byDay.nth !== undefined && setPos !== undefined) return null;
  const nth = byDay.nth ?? setPos;
  const weekday = weekdayOf(byDay.weekday);
  if (nth === undefined || weekday === undefined || !((nth >= 1 && nth <= 5) || nth === -1)) return null;
  return { nth: nth as Nth, weekday };
}

function singleMonthDay(rule: ParsedRule, longest: number): number | null {
  const [day, ...more] = rule.byMonthDay ?? [];
  if (day === undefined || more.length > 0 || day < 1 || day > longest || rule.byDay || rule.bySetPos) return null;
  return day;
}

/**
 * RFC 5545 fills a missing BYDAY / BYMONTHDAY / BYMONTH from DTSTART
 * (`FREQ=WEEKLY` alone repeats on DTSTART's weekday); with the series at
 * hand, spell that out so the dialog can show it.
 */
function withImpliedParts(rule: ParsedRule, context: RuleContext | undefined): ParsedRule {
  if (!context || rule.byDay || rule.byMonthDay || rule.bySetPos) return rule;
  const start = parseWallTime(context.dtstart, 'dtstart');
  const weekday = weekdayNames.indexOf(weekdayOfDate(start.year, start.month, start.day));
  if (rule.freq === 'WEEKLY' && !rule.byMonth) return { ...rule, byDay: [{ weekday }] };
  if (rule.freq === 'MONTHLY' && !rule.byMonth) return { ...rule, byMonthDay: [start.day] };
  if (rule.freq === 'YEARLY') return { ...rule, byMonth: rule.byMonth ?? [start.month], byMonthDay: [start.day] };
  return rule;
}

function patternOf(rule: ParsedRule): RecurrencePattern | null {
  // Parts the dialog has no control for make the rule custom.
  if (rule.bySecond || rule.byMinute || rule.byHour || rule.byYearDay || rule.byWeekNo) return null;
  const every = rule.interval;
  switch (rule.freq) {
    case 'DAILY':
      return rule.byDay || rule.byMonthDay || rule.byMonth || rule.bySetPos ? null : { kind: 'daily', every };
    case 'WEEKLY': {
      // WKST only changes which weeks an every-N-weeks rule skips; the builder always means Monday.
      if (!rule.byDay || rule.byMonth || rule.bySetPos || (rule.wkst !== 0 && every > 1)) return null;
      if (rule.byDay.some((day) => day.nth !== undefined)) return null;
      const weekdays = weekdayNames.filter((_, index) => rule.byDay?.some((day) => day.weekday === index));
      if (every === 1 && weekdays.join() === 'mon,tue,wed,thu,fri') return { kind: 'weekdays' };
      return { kind: 'weekly', every, weekdays };
    }
    case 'MONTHLY': {
      if (rule.byMonth) return null;
      const day = singleMonthDay(rule, 31);
      if (day !== null) return { kind: 'monthly-by-date', every, day };
      const nth = singleNthWeekday(rule);
      return nth ? { kind: 'monthly-by-weekday', every, ...nth } : null;
    }
    case 'YEARLY': {
      const [month, ...moreMonths] = rule.byMonth ?? [];
      if (month === undefined || moreMonths.length > 0) return null;
      const day = singleMonthDay(rule, longestMonth(month));
      if (day !== null) return { kind: 'yearly-by-date', every, month, day };
      const nth = singleNthWeekday(rule);
      return nth ? { kind: 'yearly-by-weekday', every, month, ...nth } : null;
    }
    default:
      return null;
  }
}

/**
 * Reads an RRULE back into the dialog's terms so an existing series can be
 * edited; `null` when the rule is valid but not something the dialog can
 * show (the UI then shows the raw rule and offers to replace it). `null` or
 * `''` is "does not repeat". Weekly Mon–Fri every week comes back as
 * `weekdays`. With `context`, parts RFC 5545 takes from DTSTART are filled
 * in (`FREQ=WEEKLY` from a Tuesday start is weekly on Tuesday). A UTC `UNTIL` (what `splitSeries` writes) needs `context` to
 * become a local end date; without it the rule counts as custom. A rule that
 * is not valid at all throws `parseRrule`'s {@link ValidationError}.
 *
 * @example parseRuleToPattern('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231')
 * // { pattern: { kind: 'monthly-by-weekday', every: 1, nth: -1, weekday: 'fri' }, end: { type: 'on', date: '2026-12-31' } }
 * @example parseRuleToPattern('FREQ=HOURLY') // null
 */
export function parseRuleToPattern(
  rrule: string | null | undefined,
  context?: RuleContext,
): { pattern: RecurrencePattern; end: RecurrenceEnd } | null {
  if (rrule === null || rrule === undefined || rrule.trim() === '') return { pattern: { kind: 'none' }, end: never };
  const rule = parseRrule(rrule);
  const pattern = patternOf(withImpliedParts(rule, context));
  const end = pattern && endOf(rule, context);
  return pattern && end ? { pattern, end } : null;
}
