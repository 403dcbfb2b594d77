import type { Series } from '../model';
import { instantToLocalMs, localMsToInstant, parseWallTime, wallPartsToLocalMs, zoneFor } from '../time';
import type { WallTime } from '../time';
import { parseRrule, weekdayCodes } from './rrule-text';
import type { ParsedRule, Until } from './rrule-text';
import type { SeriesChanges } from './series-edit';

/**
 * Why a rule's days cannot follow its start to another date, for the words
 * the desk shows: `month-or-year-dates` (MONTHLY or YEARLY: it repeats on
 * dates or on the nth weekday of a month, which a shift of days does not
 * keep), `rule-parts` (anything else but a plain weekly rule: DAILY, a
 * finer frequency, or WEEKLY with BYMONTH, BYSETPOS, BYWEEKNO or times of day).
 */
export type WeekdayMoveBlocker = 'month-or-year-dates' | 'rule-parts';

const dayMs = 86_400_000;
const wallMs = (wall: WallTime, field: string) => wallPartsToLocalMs(parseWallTime(wall, field));
/** The wall time's date at midnight, as local ms: calendar days between two of them are whole. */
const dateMs = (wall: WallTime, field: string) => wallMs(`${wall.slice(0, 10)}T00:00`, field);
const positiveModulo = (value: number, by: number) => ((value % by) + by) % by;

/**
 * Whether a weekly rule can move to other weekdays (null), or why not. Only
 * the parts the repeat dialog writes (FREQ=WEEKLY, INTERVAL, BYDAY, COUNT,
 * UNTIL, WKST) move by a plain shift of days; the rest keep today's rule:
 * the visit moves alone.
 *
 * @example weekdayMoveBlocker('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10') // null
 * @example weekdayMoveBlocker('FREQ=MONTHLY;BYDAY=2TU') // 'month-or-year-dates'
 */
export function weekdayMoveBlocker(rrule: string): WeekdayMoveBlocker | null {
  return blockerOf(parseRrule(rrule));
}

function blockerOf(rule: ParsedRule): WeekdayMoveBlocker | null {
  if (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') return 'month-or-year-dates';
  if (rule.freq !== 'WEEKLY') return 'rule-parts';
  const fixedParts = [rule.byMonth, rule.bySetPos, rule.byWeekNo, rule.byHour, rule.byMinute, rule.bySecond];
  return fixedParts.some((part) => part !== undefined) ? 'rule-parts' : null;
}

const two = (value: number) => String(value).padStart(2, '0');

/** Local ms as an RRULE date-time (`20260630T085959`), the UTC form when `utc`. */
function ruleDateTime(ms: number, utc: boolean): string {
  const date = new Date(ms);
  const day = `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`;
  return `${day}T${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}${utc ? 'Z' : ''}`;
}

/**
 * UNTIL moved with the visits, so it still ends the rule after the same
 * last visit: a date by the same number of days, a local date-time by the
 * same wall-clock amount, a UTC one by that amount on the series' clock
 * (the instant it names moves with the clock changes, like the visits).
 */
function movedUntil(until: Until, days: number, shiftMs: number, tzid: string): string {
  switch (until.kind) {
    case 'date':
      return ruleDateTime(until.localMs + days * dayMs, false).slice(0, 8);
    case 'floating':
      return ruleDateTime(until.localMs + shiftMs, false);
    case 'utc': {
      const zone = zoneFor(tzid);
      return ruleDateTime(localMsToInstant(instantToLocalMs(until.instant, zone) + shiftMs, zone), true);
    }
  }
}

/**
 * The week start that keeps an every-N-weeks rule's visits together: a
 * shift that carries some of a week's days over its end (Mon and Fri + 3
 * days is Thu and Mon *of the next week*) would otherwise regroup the weeks
 * INTERVAL skips. Moving WKST by the same days moves every week with them.
 * Undefined when the current week start still works (one day a week, every
 * week, or no day crossing the week's end).
 */
function movedWeekStart(rule: ParsedRule, days: number): number | undefined {
  if (rule.interval === 1 || !rule.byDay || rule.byDay.length < 2) return undefined;
  const weeks = new Set(rule.byDay.map((day) => Math.floor((positiveModulo(day.weekday - rule.wkst, 7) + days) / 7)));
  return weeks.size === 1 ? undefined : positiveModulo(rule.wkst + days, 7);
}

/**
 * A weekly rule moved with its start from `from` to `to` (wall times in
 * `tzid`, e.g. the series' old and new DTSTART): the BYDAY weekdays move by
 * the same number of days (MO,TH two days later is WE,SA; FR one day later
 * is SA), UNTIL moves so the same last visit ends it, COUNT stays (the same
 * number of visits), WKST moves only where an every-N-weeks rule needs it
 * (see movedWeekStart). Other parts and their order are kept; the rule comes
 * back upper-case without an `RRULE:` prefix. Expanding the moved rule from
 * `to` gives the original rule's wall times moved by the same amount, in any
 * zone and across clock changes (the rule is wall-clock arithmetic, see
 * README "Time policy"). Throws `invalid-rrule` for a bad rule and a plain
 * Error for a rule {@link weekdayMoveBlocker} refuses (a bug in the caller).
 *
 * @example moveWeeklyRule('FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260630', { from: '2026-03-02T09:00', to: '2026-03-04T09:00', tzid: 'America/New_York' })
 * // 'FREQ=WEEKLY;BYDAY=WE,SA;UNTIL=20260702'
 */
export function moveWeeklyRule(rrule: string, move: { from: WallTime; to: WallTime; tzid: string }): string {
  const rule = parseRrule(rrule);
  const blocker = blockerOf(rule);
  if (blocker) throw new Error(`This rule cannot move to other weekdays (${blocker}): ${rrule}`);
  const shiftMs = wallMs(move.to, 'dtstart') - wallMs(move.from, 'dtstart');
  const days = Math.round((dateMs(move.to, 'dtstart') - dateMs(move.from, 'dtstart')) / dayMs);
  const weekStart = movedWeekStart(rule, days);
  const body = rrule.trim().toUpperCase().replace(/^RRULE:/, '').replace(/;$/, '');
  const parts = body.split(';').map((part) => {
    const [name] = part.split('=');
    if (name === 'BYDAY' && rule.byDay) {
      const moved = [...new Set(rule.byDay.map((day) => positiveModulo(day.weekday + days, 7)))].sort((left, right) => left - right);
      return `BYDAY=${moved.map((weekday) => weekdayCodes[weekday]).join(',')}`;
    }
    if (name === 'UNTIL' && rule.until) return `UNTIL=${movedUntil(rule.until, days, shiftMs, move.tzid)}`;
    if (name === 'WKST' && weekStart !== undefined) return `WKST=${weekdayCodes[weekStart]}`;
    return part;
  });
  if (weekStart !== undefined && !parts.some((part) => part.startsWith('WKST='))) parts.push(`WKST=${weekdayCodes[weekStart]}`);
  return parts.join(';');
}

/**
 * A series change whose new start lands on another date, with the weekly
 * rule moved along (see {@link moveWeeklyRule}), so "all visits" or "this
 * and following" moved from Monday to Wednesday repeat on Wednesdays rather
 * than start on a Wednesday and go on on Mondays. Unchanged when the change
 * gives its own rule, keeps the date, or the rule cannot move
 * ({@link weekdayMoveBlocker}: a monthly rule keeps its dates).
 *
 * @example weekdaysFollowTheStart({ dtstart: '2026-03-02T09:00:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=8' }, { dtstart: '2026-03-04T09:00' })
 * // { dtstart: '2026-03-04T09:00', rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=8' }
 */
export function weekdaysFollowTheStart<Changes extends SeriesChanges>(series: Pick<Series, 'dtstart' | 'timeZone' | 'rrule'>, changes: Changes): Changes & Pick<SeriesChanges, 'rrule'> {
  const to = changes.dtstart;
  if (to === undefined || changes.rrule !== undefined) return changes;
  if (dateMs(to, 'dtstart') === dateMs(series.dtstart, 'dtstart')) return changes;
  if (weekdayMoveBlocker(series.rrule) !== null) return changes;
  return { ...changes, rrule: moveWeeklyRule(series.rrule, { from: series.dtstart, to, tzid: series.timeZone }) };
}
