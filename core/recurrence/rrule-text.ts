import { ValidationError } from '../validation';
import { daysInMonth } from '../time';

/** RFC 5545 FREQ values, from the finest to the coarsest. */
export const frequencies = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof frequencies)[number];

/** Two-letter weekday codes in rrule.js order (MO = 0 … SU = 6). */
export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** One BYDAY entry: a weekday (MO = 0 … SU = 6), optionally the nth of the month/year (negative counts from the end). */
export interface ByDay {
  weekday: number;
  nth?: number;
}

/**
 * The three forms UNTIL can take. `utc` (…Z) is compared with real instants;
 * `date` (YYYYMMDD) covers that whole local day; `floating` is a wall time in
 * the series' zone. Both local forms are held as "local ms" (wall time read as UTC).
 */
export type Until = { kind: 'utc'; instant: number } | { kind: 'date'; localMs: number } | { kind: 'floating'; localMs: number };

/** A checked RRULE. Absent BYxxx parts are `undefined`, never empty arrays. */
export interface ParsedRule {
  freq: Frequency;
  interval: number;
  count?: number;
  until?: Until;
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: ByDay[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** Week start, MO = 0 … SU = 6 (RFC default MO). */
  wkst: number;
}

const field = 'rrule';
const integerPattern = /^[+-]?\d{1,9}$/;
const byDayPattern = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const untilPattern = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

function invalid(message: string): never {
  throw new ValidationError('invalid-rrule', field, message);
}

function integer(part: string, text: string): number {
  if (!integerPattern.test(text)) invalid(`${part} needs a whole number, not "${text}".`);
  return Number(text);
}

/** A comma list of integers in [min, max], optionally also their negatives; 0 is never allowed. */
function integerList(part: string, text: string, min: number, max: number, allowNegative: boolean): number[] {
  return text.split(',').map((item) => {
    const value = integer(part, item);
    const magnitude = Math.abs(value);
    const inRange = value < 0 ? allowNegative && magnitude >= Math.max(min, 1) && magnitude <= max : value >= min && value <= max;
    if (!inRange || (allowNegative && value === 0)) {
      const range = allowNegative ? `${min} to ${max} or -${max} to -1` : `${min} to ${max}`;
      invalid(`${part} value ${item} is out of range (${range}).`);
    }
    return value;
  });
}

function weekdayIndex(part: string, text: string): number {
  const index = (weekdayCodes as readonly string[]).indexOf(text);
  if (index < 0) invalid(`${part} needs a weekday code (MO, TU, WE, TH, FR, SA, SU), not "${text}".`);
  return index;
}

function parseByDay(text: string): ByDay[] {
  return text.split(',').map((item) => {
    const match = byDayPattern.exec(item);
    if (!match) invalid(`BYDAY value "${item}" is not a weekday like MO, 1MO or -1FR.`);
    const weekday = weekdayIndex('BYDAY', match[2] as string);
    if (match[1] === undefined) return { weekday };
    const nth = Number(match[1]);
    if (nth === 0 || Math.abs(nth) > 53) invalid(`BYDAY value "${item}": the ordinal must be 1 to 53 or -53 to -1.`);
    return { weekday, nth };
  });
}

function parseUntil(text: string): Until {
  const match = untilPattern.exec(text);
  if (!match) invalid(`UNTIL "${text}" is not a date (20250630), a local date-time (20250630T170000) or a UTC one (20250630T170000Z).`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    invalid(`UNTIL "${text}" is not a real date and time.`);
  }
  if (match[4] === undefined) {
    // A date-only UNTIL includes the whole local day.
    return { kind: 'date', localMs: Date.UTC(year, month - 1, day, 23, 59, 59, 999) };
  }
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second);
  return match[7] ? { kind: 'utc', instant: localMs } : { kind: 'floating', localMs };
}

/**
 * Parses and checks an RFC 5545 RRULE value (optionally prefixed `RRULE:`),
 * refusing unknown parts, repeated parts, out-of-range values and the
 * combinations RFC 5545 §3.3.10 forbids, each with a `ValidationError` on
 * field `rrule` (or `invalid-interval` / `invalid-count` / `conflicting-end`).
 *
 * @example parseRrule('FREQ=WEEKLY;BYDAY=MO,WE').byDay // [{ weekday: 0 }, { weekday: 2 }]
 */
export function parseRrule(text: string): ParsedRule {
  if (typeof text !== 'string' || text.trim() === '') invalid('The recurrence rule is empty; it needs at least FREQ, e.g. FREQ=WEEKLY;BYDAY=MO.');
  const body = text.trim().toUpperCase().replace(/^RRULE:/, '').replace(/;$/, '');
  const seen = new Map<string, string>();
  for (const part of body.split(';')) {
    const equals = part.indexOf('=');
    if (equals <= 0 || equals === part.length - 1) invalid(`"${part}" is not a NAME=VALUE rule part.`);
    const name = part.slice(0, equals);
    if (seen.has(name)) invalid(`${name} appears more than once.`);
    seen.set(name, part.slice(equals + 1));
  }
  const known = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST']);
  for (const name of seen.keys()) {
    if (!known.has(name)) invalid(`${name} is not an RFC 5545 rule part.`);
  }

  const freqText = seen.get('FREQ');
  if (freqText === undefined) invalid('FREQ is required (SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY).');
  if (!(frequencies as readonly string[]).includes(freqText)) invalid(`FREQ=${freqText} is not a frequency (SECONDLY … YEARLY).`);
  const freq = freqText as Frequency;

  const rule: ParsedRule = { freq, interval: 1, wkst: 0 };
  const value = (name: string) => seen.get(name);

  const interval = value('INTERVAL');
  if (interval !== undefined) {
    if (!integerPattern.test(interval)) invalid(`INTERVAL needs a whole number, not "${interval}".`);
    rule.interval = Number(interval);
    if (rule.interval < 1) throw new ValidationError('invalid-interval', field, `INTERVAL must be at least 1, not ${interval}.`);
  }
  const count = value('COUNT');
  if (count !== undefined) {
    if (!integerPattern.test(count)) invalid(`COUNT needs a whole number, not "${count}".`);
    rule.count = Number(count);
    if (rule.count < 1) throw new ValidationError('invalid-count', field, `COUNT must be at least 1, not ${count}.`);
  }
  const until = value('UNTIL');
  if (until !== undefined) {
    if (count !== undefined) throw new ValidationError('conflicting-end', field, 'A rule may end by COUNT or by UNTIL, not both.');
    rule.until = parseUntil(until);
  }

  const list = (name: string, min: number, max: number, allowNegative: boolean) => {
    const text = value(name);
    return text === undefined ? undefined : integerList(name, text, min, max, allowNegative);
  };
  rule.bySecond = list('BYSECOND', 0, 60, false);
  if (rule.bySecond?.includes(60)) invalid('BYSECOND=60 (a leap second) cannot be scheduled: clocks in the app never show :60.');
  rule.byMinute = list('BYMINUTE', 0, 59, false);
  rule.byHour = list('BYHOUR', 0, 23, false);
  rule.byMonthDay = list('BYMONTHDAY', 1, 31, true);
  rule.byYearDay = list('BYYEARDAY', 1, 366, true);
  rule.byWeekNo = list('BYWEEKNO', 1, 53, true);
  rule.byMonth = list('BYMONTH', 1, 12, false);
  rule.bySetPos = list('BYSETPOS', 1, 366, true);
  const byDay = value('BYDAY');
  if (byDay !== undefined) rule.byDay = parseByDay(byDay);
  const wkst = value('WKST');
  if (wkst !== undefined) rule.wkst = weekdayIndex('WKST', wkst);

  // Combinations RFC 5545 §3.3.10 rules out; rrule.js would silently reinterpret them.
  if (rule.byWeekNo && freq !== 'YEARLY') invalid('BYWEEKNO is only allowed with FREQ=YEARLY.');
  if (rule.byYearDay && (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY')) invalid(`BYYEARDAY is not allowed with FREQ=${freq}.`);
  if (rule.byMonthDay && freq === 'WEEKLY') invalid('BYMONTHDAY is not allowed with FREQ=WEEKLY.');
  if (rule.byDay?.some((day) => day.nth !== undefined)) {
    if (freq !== 'MONTHLY' && freq !== 'YEARLY') invalid(`BYDAY with an ordinal (like 1MO) needs FREQ=MONTHLY or YEARLY, not ${freq}.`);
    if (freq === 'YEARLY' && rule.byWeekNo) invalid('BYDAY with an ordinal cannot be combined with BYWEEKNO.');
  }
  if (rule.bySetPos) {
    const other = rule.bySecond ?? rule.byMinute ?? rule.byHour ?? rule.byDay ?? rule.byMonthDay ?? rule.byYearDay ?? rule.byWeekNo ?? rule.byMonth;
    if (!other) invalid('BYSETPOS needs another BYxxx part to pick from.');
  }
  return rule;
}
