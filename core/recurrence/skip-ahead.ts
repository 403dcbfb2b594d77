import type { ParsedRule } from './rrule-text';

/**
 * rrule.js always steps from DTSTART, one period at a time, even when the
 * caller only wants a window years later: a weekly rota block whose start is
 * in 2000 costs ~1,400 periods before its first visible week, and the desk
 * asks for many such blocks at once (core/schedule). For a rule without COUNT
 * (COUNT must count every instance from DTSTART) at DAILY, WEEKLY, MONTHLY or
 * YEARLY, the instances on or after a period boundary only depend on which
 * periods the INTERVAL selects, so generation may start at a later period of
 * the same phase: DTSTART moved forward by a whole number of INTERVALs.
 *
 * What the move must keep:
 * - The parts rrule.js would otherwise take from DTSTART (RFC 5545 §3.3.10:
 *   WEEKLY's weekday, MONTHLY's day of the month, YEARLY's month and day) are
 *   passed explicitly, because the moved start may fall on another day.
 * - The time of day is unchanged, so BYHOUR/BYMINUTE/BYSECOND defaults are too.
 * - rrule.js drops instances before its DTSTART, including the early part of
 *   the moved start's own period: the move stops at least one whole period
 *   before `notBeforeLocal`, so anything dropped is earlier than the window.
 *
 * HOURLY and finer rules, and rules with COUNT, are left alone (null).
 */

/** Where rrule.js may start generating, and the parts it must be told because that start no longer implies them. */
export interface SkipAhead {
  /** The moved DTSTART, "local ms" (wall time read as UTC). */
  startLocalMs: number;
  byWeekday?: number[];
  byMonthDay?: number[];
  byMonth?: number[];
}

const dayMs = 86_400_000;

/**
 * A later start for rrule.js when generating from `dtstartLocalMs` would walk
 * whole periods that all lie before `notBeforeLocal`; null when there is
 * nothing worth skipping (or the rule cannot be moved).
 *
 * @example
 * // every Monday since 3 Jan 2000, wanted from 2026: start in late 2025 instead, still on a Monday
 * skipAhead(parseRrule('FREQ=WEEKLY'), Date.UTC(2000, 0, 3, 9), Date.UTC(2026, 0, 5))?.startLocalMs // a Monday 09:00 in December 2025
 */
export function skipAhead(rule: ParsedRule, dtstartLocalMs: number, notBeforeLocal: number): SkipAhead | null {
  if (rule.count !== undefined || !Number.isFinite(notBeforeLocal) || notBeforeLocal <= dtstartLocalMs) return null;
  const start = new Date(dtstartLocalMs);
  const implicit = implicitParts(rule, start);
  const timeOfDay = dtstartLocalMs - Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  switch (rule.freq) {
    case 'DAILY':
    case 'WEEKLY': {
      const periodDays = rule.freq === 'DAILY' ? 1 : 7;
      const periods = Math.floor((notBeforeLocal - dtstartLocalMs) / (periodDays * dayMs));
      // Two periods of margin: the moved start's own (partly dropped) period and one whole one.
      const steps = Math.floor((periods - 2) / rule.interval) * rule.interval;
      if (steps <= 0) return null;
      return { startLocalMs: dtstartLocalMs + steps * periodDays * dayMs, ...implicit };
    }
    case 'MONTHLY':
    case 'YEARLY': {
      const target = new Date(notBeforeLocal);
      const monthsApart = (target.getUTCFullYear() - start.getUTCFullYear()) * 12 + (target.getUTCMonth() - start.getUTCMonth());
      const unitMonths = rule.freq === 'MONTHLY' ? 1 : 12;
      const periods = Math.floor(monthsApart / unitMonths);
      const steps = Math.floor((periods - 2) / rule.interval) * rule.interval;
      if (steps <= 0) return null;
      const month = start.getUTCMonth() + steps * unitMonths;
      // The first of the period's first month (any day exists there), at DTSTART's time of day.
      const first = rule.freq === 'MONTHLY' ? Date.UTC(start.getUTCFullYear(), month, 1) : Date.UTC(start.getUTCFullYear() + steps, 0, 1);
      return { startLocalMs: first + timeOfDay, ...implicit };
    }
    default:
      return null;
  }
}

/** The parts rrule.js derives from DTSTART when the rule names no day filter (its `parseOptions`). */
function implicitParts(rule: ParsedRule, start: Date): Omit<SkipAhead, 'startLocalMs'> {
  const namesADay = rule.byWeekNo !== undefined || rule.byYearDay !== undefined || rule.byMonthDay !== undefined || rule.byDay !== undefined;
  if (namesADay) return {};
  switch (rule.freq) {
    case 'WEEKLY':
      // rrule.js weekdays: MO = 0 … SU = 6.
      return { byWeekday: [(start.getUTCDay() + 6) % 7] };
    case 'MONTHLY':
      return { byMonthDay: [start.getUTCDate()] };
    case 'YEARLY':
      return { byMonth: rule.byMonth ?? [start.getUTCMonth() + 1], byMonthDay: [start.getUTCDate()] };
    default:
      return {};
  }
}
