import type { CalendarDate } from '../../core/model';
import { buildRule, describeRecurrence, expandRule, weekdayNames } from '../../core/recurrence';
import type { RecurrenceEndInput, RecurrencePatternInput, Weekday } from '../../core/recurrence';
import { ValidationError } from '../../core/validation';
import type { ValidationProblem } from '../../core/validation';
import { daysInMonth } from '../../core/time';
import { isoWeekday } from '../dates/calendar-dates';
import { text } from '../i18n';

/** The repeat choices the dialog offers; each maps onto core/recurrence's builder. */
export const repeatKinds = ['none', 'daily', 'weekly', 'weekdays', 'monthly-by-date', 'monthly-by-weekday', 'yearly-by-date', 'yearly-by-weekday'] as const;

/** One of {@link repeatKinds}. */
export type RepeatKind = (typeof repeatKinds)[number];

/** What the repeat section of the dialog holds. */
export interface RepeatChoice {
  kind: RepeatKind;
  every: number;
  /** Weekly: the days; the start date's weekday when none are ticked yet. */
  weekdays: Weekday[];
  end: 'after' | 'on' | 'never';
  count: number;
  until: CalendarDate;
  /** By weekday (monthly or yearly) from a date in the last week of its month that is also its 4th such weekday: count it as the last one instead. */
  fromEnd?: boolean;
}

/** One occurrence in the preview. */
export interface PreviewOccurrence {
  /** Wall time `YYYY-MM-DDTHH:mm:ss` as it will happen. */
  local: string;
  utc: string;
  /** The chosen time did not exist that day (spring forward) and the visit moves later. */
  shifted: boolean;
  /** The clinic's UTC offset differs from the first visit's (the other side of a clock change). */
  otherOffset: boolean;
}

/** The rule, its summary and a preview, or the refusal naming the field. */
export type RepeatPlan = { ok: true; rrule: string | null; summary: string; preview: PreviewOccurrence[]; more: boolean } | { ok: false; problem: ValidationProblem };

/**
 * The weekday code of a date (`mon`…`sun`).
 *
 * @example weekdayOf('2026-11-25') // 'wed'
 */
export function weekdayOf(date: CalendarDate): Weekday {
  return weekdayNames[isoWeekday(date) - 1] as Weekday;
}

/**
 * Which of its weekday a date is in its month: `nth` 1–4 (a 5th is always
 * the last, so -1), and whether it is also the last one (day 22–28 of a
 * month with no such weekday after it), so the dialog can offer "last".
 *
 * @example weekdayPosition('2026-11-26') // { nth: 4, last: true } (the fourth and last Thursday)
 */
export function weekdayPosition(date: CalendarDate): { nth: 1 | 2 | 3 | 4 | -1; last: boolean } {
  const day = Number(date.slice(8, 10));
  const week = Math.ceil(day / 7);
  const last = day + 7 > daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  return { nth: week >= 5 ? -1 : (week as 1 | 2 | 3 | 4), last };
}

/** The `nth` a by-weekday repeat uses: the date's week, or -1 (last) when it asks to count from the end and the date allows it. */
function nthOf(date: CalendarDate, fromEnd: boolean | undefined): 1 | 2 | 3 | 4 | -1 {
  const position = weekdayPosition(date);
  return fromEnd && position.last ? -1 : position.nth;
}

/**
 * The builder's pattern and end for what the dialog shows, anchored on the
 * first visit's date (monthly by date uses its day; by weekday its week and
 * weekday; yearly also its month).
 *
 * @example patternFor({ kind: 'monthly-by-weekday', every: 1, … }, '2026-11-25') // { kind: 'monthly-by-weekday', every: 1, nth: 4, weekday: 'wed' }
 * @example patternFor({ kind: 'yearly-by-weekday', every: 2, fromEnd: true, … }, '2026-11-26') // { kind: 'yearly-by-weekday', every: 2, month: 11, nth: -1, weekday: 'thu' }
 */
export function patternFor(choice: RepeatChoice, firstDate: CalendarDate): { pattern: RecurrencePatternInput; end: RecurrenceEndInput } {
  const end: RecurrenceEndInput = choice.end === 'after' ? { type: 'after', count: choice.count } : choice.end === 'on' ? { type: 'on', date: choice.until } : { type: 'never' };
  switch (choice.kind) {
    case 'none':
      return { pattern: { kind: 'none' }, end };
    case 'daily':
      return { pattern: { kind: 'daily', every: choice.every }, end };
    case 'weekly':
      return { pattern: { kind: 'weekly', every: choice.every, weekdays: choice.weekdays.length > 0 ? choice.weekdays : [weekdayOf(firstDate)] }, end };
    case 'weekdays':
      return { pattern: { kind: 'weekdays' }, end };
    case 'monthly-by-date':
      return { pattern: { kind: 'monthly-by-date', every: choice.every, day: Number(firstDate.slice(8, 10)) }, end };
    case 'monthly-by-weekday':
      return { pattern: { kind: 'monthly-by-weekday', every: choice.every, nth: nthOf(firstDate, choice.fromEnd), weekday: weekdayOf(firstDate) }, end };
    case 'yearly-by-date':
      return { pattern: { kind: 'yearly-by-date', every: choice.every, month: Number(firstDate.slice(5, 7)), day: Number(firstDate.slice(8, 10)) }, end };
    case 'yearly-by-weekday':
      return { pattern: { kind: 'yearly-by-weekday', every: choice.every, month: Number(firstDate.slice(5, 7)), nth: nthOf(firstDate, choice.fromEnd), weekday: weekdayOf(firstDate) }, end };
  }
}

/**
 * How far a wall time runs ahead of UTC at that visit, in ms (its zone offset).
 *
 * @example utcOffsetMs('2026-11-03T09:00:00', '2026-11-03T14:00:00.000Z') // -18000000
 */
export function utcOffsetMs(local: string, utc: string): number {
  return Date.parse(`${local}Z`) - Date.parse(utc);
}

/**
 * How a clock change touches one visit: `shifted` when the chosen time
 * (`HH:mm`) does not exist that day and the visit moves, `otherOffset` when
 * it is on the other side of a change from the first visit (`firstOffset`,
 * from {@link utcOffsetMs}).
 *
 * @example clockChange('2026-11-03T09:00:00', '2026-11-03T14:00:00.000Z', '09:00', -14400000) // { shifted: false, otherOffset: true }
 */
export function clockChange(local: string, utc: string, time: string, firstOffset: number): { shifted: boolean; otherOffset: boolean } {
  return { shifted: local.slice(11, 16) !== time, otherOffset: utcOffsetMs(local, utc) !== firstOffset };
}

/**
 * Turns the dialog's repeat choice into an RRULE, a plain-language summary
 * (core/recurrence's `describeRecurrence`) and the first `shown` visits as
 * `expandRule` will place them in the clinic zone, each flagged when a clock
 * change moves it or puts it on the other side of one. Bad choices come back
 * as the engine's problem (`pattern.every`, `end.count`, …).
 *
 * @example planRepeat({ kind: 'weekly', every: 1, weekdays: [], end: 'after', count: 3, until: '' }, '2026-10-20T09:00', 'America/New_York')
 * // { ok: true, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3', summary: 'Every week on Tue, 3 times', preview: [… 3 visits, the third with otherOffset] }
 */
export function planRepeat(choice: RepeatChoice, wallStart: string, timeZone: string, shown = 8): RepeatPlan {
  try {
    const { pattern, end } = patternFor(choice, wallStart.slice(0, 10));
    const rrule = buildRule(pattern, end);
    const summary = describeRecurrence(pattern, end, text.recurrence);
    if (rrule === null) return { ok: true, rrule, summary, preview: [], more: false };
    const occurrences = expandRule({ dtstart: wallStart, tzid: timeZone, rrule }, { limit: shown + 1 });
    const time = wallStart.slice(11, 16);
    const first = occurrences[0];
    const firstOffset = first ? utcOffsetMs(first.local, first.utc) : 0;
    const preview = occurrences.slice(0, shown).map((occurrence) => ({
      local: occurrence.local,
      utc: occurrence.utc,
      ...clockChange(occurrence.local, occurrence.utc, time, firstOffset),
    }));
    return { ok: true, rrule, summary, preview, more: occurrences.length > shown };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, problem: error.toJSON() };
    throw error;
  }
}
