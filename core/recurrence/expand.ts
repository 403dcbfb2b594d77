import { RRule, Weekday, type Options } from './rrule-library';
import type { IANAZone } from 'luxon';
import { ValidationError } from '../validation';
import { instantToLocalMs, localMsToInstant, localMsToWallTime, parseWallTime, wallPartsToLocalMs, zoneFor, type WallTime } from '../time';
import { checkWindow, type ExpandWindow } from './expand-window';
import { ruleNeverMatches } from './never-matches';
import { parseRrule, type Frequency, type ParsedRule } from './rrule-text';
import { plainWeekly } from './plain-weekly';
import { skipAhead, type SkipAhead } from './skip-ahead';

/** What to expand: a rule anchored at a wall time in an IANA zone. */
export interface RuleSpec {
  /** First occurrence as a wall time, `YYYY-MM-DDTHH:mm[:ss]`. Always an occurrence (RFC 5545 §3.8.5.3). */
  dtstart: WallTime;
  /** IANA zone the wall times are read in, e.g. `America/New_York`. */
  tzid: string;
  /** RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO,WE` (an `RRULE:` prefix is accepted). */
  rrule: string;
  /** Wall times whose occurrence is removed (after COUNT is applied). */
  exdates?: WallTime[];
  /** Extra wall times added as occurrences (not counted by COUNT). */
  rdates?: WallTime[];
}

/** One occurrence: the wall time a clock in the zone shows, and the same moment in UTC. */
export interface Occurrence {
  /** Real wall time, `YYYY-MM-DDTHH:mm:ss` (a 02:30 that falls in a spring-forward gap reads 03:30:00). */
  local: WallTime;
  /** UTC instant with milliseconds, `YYYY-MM-DDTHH:mm:ss.sssZ` (`Date#toISOString`). */
  utc: string;
}

/**
 * The most occurrences one expansion may return. A rule or window that would
 * produce more throws `too-many-occurrences` instead of being cut silently;
 * `window.limit` is the way to ask for fewer.
 */
export const MAX_OCCURRENCES = 10_000;

/**
 * The most rule instances one expansion may step through (including those
 * before `window.from`), so a per-second rule started years ago cannot hang
 * the desk. Exceeding it throws `too-many-occurrences`.
 */
export const MAX_SCANNED_OCCURRENCES = 500_000;

/**
 * No zone offset exceeds 16 h (the largest ever, local mean time in Manila,
 * was under 16 h), so a wall time more than this after an instant bound is
 * past it, whatever the offset. Used to stop generating in wall-time order.
 */
const offsetSlackMs = 16 * 3_600_000;

const rruleFrequency: Record<Frequency, number> = {
  SECONDLY: RRule.SECONDLY,
  MINUTELY: RRule.MINUTELY,
  HOURLY: RRule.HOURLY,
  DAILY: RRule.DAILY,
  WEEKLY: RRule.WEEKLY,
  MONTHLY: RRule.MONTHLY,
  YEARLY: RRule.YEARLY,
};

/**
 * rrule.js options for generating in "floating" time: dtstart is the wall time
 * read as UTC and no tzid is set, so rrule.js does pure calendar arithmetic and
 * never consults a zone (neither the host's nor the series'). UNTIL and COUNT
 * are left out: expandRule applies them itself (see README).
 */
function floatingOptions(rule: ParsedRule, dtstartLocalMs: number, skip: SkipAhead | null): Partial<Options> {
  return {
    freq: rruleFrequency[rule.freq],
    dtstart: new Date(skip?.startLocalMs ?? dtstartLocalMs),
    interval: rule.interval,
    wkst: rule.wkst,
    bysecond: rule.bySecond ?? null,
    byminute: rule.byMinute ?? null,
    byhour: rule.byHour ?? null,
    byweekday: rule.byDay?.map((day) => new Weekday(day.weekday, day.nth)) ?? skip?.byWeekday ?? null,
    bymonthday: rule.byMonthDay ?? skip?.byMonthDay ?? null,
    byyearday: rule.byYearDay ?? null,
    byweekno: rule.byWeekNo ?? null,
    bymonth: skip?.byMonth ?? rule.byMonth ?? null,
    bysetpos: rule.bySetPos ?? null,
    tzid: null,
  };
}

function wallTimes(values: unknown, field: 'exdates' | 'rdates'): number[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new ValidationError('invalid-format', field, `${field} must be a list of wall times like 2025-03-09T09:30.`);
  return values.map((value, index) => wallPartsToLocalMs(parseWallTime(value as string, `${field}.${index}`)));
}

function tooMany(message: string): never {
  throw new ValidationError('too-many-occurrences', 'rrule', message);
}

function format(instant: number, zone: IANAZone): Occurrence {
  return { local: localMsToWallTime(instantToLocalMs(instant, zone)), utc: new Date(instant).toISOString() };
}

/**
 * Expands a recurrence rule into occurrences inside a window, sorted by
 * instant, with the product's time policy (see core/recurrence/README.md):
 * rule semantics in wall time, a gap time moves forward by the gap, a repeated
 * time takes its first pass, invalid dates (Feb 30) are skipped.
 *
 * @example
 * expandRule(
 *   { dtstart: '2025-03-07T02:30', tzid: 'America/New_York', rrule: 'FREQ=DAILY;COUNT=3' },
 * );
 * // [{ local: '2025-03-07T02:30:00', utc: '2025-03-07T07:30:00.000Z' },
 * //  { local: '2025-03-08T02:30:00', utc: '2025-03-08T07:30:00.000Z' },
 * //  { local: '2025-03-09T03:30:00', utc: '2025-03-09T07:30:00.000Z' }]  // 02:30 does not exist that day
 */
export function expandRule(spec: RuleSpec, window?: ExpandWindow): Occurrence[] {
  const instants = expandRuleMs(spec, window);
  const zone = zoneFor(spec.tzid, 'tzid');
  return instants.map((instant) => format(instant, zone));
}

/**
 * {@link expandRule} with each occurrence as its instant in epoch ms, for
 * callers that do arithmetic on many rules at once (core/schedule's
 * availability) and would only parse the strings back.
 *
 * @example expandRuleMs({ dtstart: '2025-03-07T02:30', tzid: 'America/New_York', rrule: 'FREQ=DAILY;COUNT=1' }) // [Date.parse('2025-03-07T07:30:00Z')]
 */
export function expandRuleMs(spec: RuleSpec, window?: ExpandWindow): number[] {
  return expandRuleWall(spec, window).map((occurrence) => occurrence.instant);
}

/** One occurrence as numbers: its instant and the wall time the rule named, before the gap policy moved it. */
export interface WallOccurrence {
  /** Epoch ms. */
  instant: number;
  /**
   * The rule's own wall time as "local ms" (wall time read as UTC): 02:30 on a
   * spring-forward day stays 02:30 here although the instant reads 03:30, so
   * a caller can add wall-clock lengths to what the rule meant.
   */
  nominalLocalMs: number;
}

/**
 * {@link expandRule} as numbers: each occurrence's instant and the nominal
 * wall time the rule generated (see {@link WallOccurrence}). Two wall times
 * that resolve to one instant (a gap time and the real time after it) are
 * one occurrence, the earlier wall time kept.
 *
 * @example expandRuleWall({ dtstart: '2025-03-09T02:30', tzid: 'America/New_York', rrule: 'FREQ=DAILY;COUNT=1' })
 * // [{ instant: Date.parse('2025-03-09T07:30:00Z'), nominalLocalMs: Date.UTC(2025, 2, 9, 2, 30) }]
 */
export function expandRuleWall(spec: RuleSpec, window?: ExpandWindow): WallOccurrence[] {
  return expandRuleWallBy(spec, window, 'fastest');
}

/**
 * {@link expandRuleWall} with its generator named: `'fastest'` walks plain
 * weekly rules by arithmetic (plain-weekly.ts) and everything else with
 * rrule.js; `'rrule'` gives every rule to rrule.js, the reference the
 * arithmetic is tested against (plain-weekly.test.ts).
 *
 * @example expandRuleWallBy({ dtstart: '2000-01-03T08:00', tzid: 'Europe/London', rrule: 'FREQ=WEEKLY;BYDAY=MO' }, { limit: 1 }, 'rrule') // [{ instant: Date.parse('2000-01-03T08:00:00Z'), … }]
 */
export function expandRuleWallBy(spec: RuleSpec, window: ExpandWindow | undefined, generator: 'fastest' | 'rrule'): WallOccurrence[] {
  if (typeof spec !== 'object' || spec === null) throw new ValidationError('required', 'spec', 'A rule needs dtstart, tzid and rrule.');
  const zone = zoneFor(spec.tzid, 'tzid');
  const dtstartParts = parseWallTime(spec.dtstart, 'dtstart');
  const dtstartLocal = wallPartsToLocalMs(dtstartParts);
  const rule = parseRrule(spec.rrule);
  const exdateInstants = new Set(wallTimes(spec.exdates, 'exdates').map((local) => localMsToInstant(local, zone)));
  const rdateLocals = wallTimes(spec.rdates, 'rdates');
  const { from, to, limit, hasEnd } = checkWindow(window);

  const dtstartInstant = localMsToInstant(dtstartLocal, zone);
  const until = rule.until;
  // Bounds in both spaces: UTC UNTIL compares instants, local forms compare nominal wall times.
  const untilInstant = until?.kind === 'utc' ? until.instant : Infinity;
  const untilLocal = until && until.kind !== 'utc' ? until.localMs : Infinity;
  if (until && (until.kind === 'utc' ? untilInstant < dtstartInstant : untilLocal < dtstartLocal)) {
    throw new ValidationError('until-before-start', 'rrule', `UNTIL is before DTSTART (${localMsToWallTime(dtstartLocal)}), so the series would be empty.`);
  }
  if (rule.count === undefined && until === undefined && !hasEnd) {
    throw new ValidationError('window-required', 'window.to', 'This rule never ends: give window.to or window.limit to say how much of it you want.');
  }
  if (limit === 0) return [];
  const count = rule.count ?? Infinity;
  const capLimit = limit <= MAX_OCCURRENCES;

  // Generation runs in wall-time order; these bounds (in wall time) are safely past every instant bound.
  const skipBeforeLocal = from - offsetSlackMs;
  const stopLocal = Math.min(untilLocal, untilInstant + offsetSlackMs, to + offsetSlackMs);
  const instants: number[] = [];
  const nominal = new Map<number, number>();
  // Once `limit` distinct instants are kept, nothing generated a safe distance past the latest of them can be earlier.
  let limitReachedAt = Infinity;
  let nextCapCheck = MAX_OCCURRENCES;
  let generated = 0;

  const consider = (instant: number, local: number) => {
    if (instant > untilInstant || instant < from || instant >= to || exdateInstants.has(instant)) return;
    instants.push(instant);
    const known = nominal.get(instant);
    if (known === undefined || local < known) nominal.set(instant, local);
    if (limitReachedAt === Infinity && instants.length >= limit && new Set(instants).size >= limit) {
      limitReachedAt = instants.reduce((latest, value) => Math.max(latest, value), -Infinity);
    }
    if (!capLimit && instants.length > nextCapCheck) {
      // Gap instants and RDATEs can repeat an instant; only distinct ones count against the cap.
      const distinct = new Set(instants).size;
      if (distinct > MAX_OCCURRENCES) tooMany(`This expansion has more than ${MAX_OCCURRENCES} occurrences; narrow the window or set window.limit.`);
      nextCapCheck = instants.length + (MAX_OCCURRENCES - distinct) + 1;
    }
  };

  // RFC 5545 §3.8.5.3: DTSTART is always the first instance and counts towards COUNT, matching the rule or not.
  consider(dtstartInstant, dtstartLocal);
  generated = 1;
  // One rule instance after DTSTART, in wall-time order, from either generator; false stops the walk.
  let previousLocal = dtstartLocal;
  const step = (local: number): boolean => {
    // DTSTART is already counted above. rrule.js's BYSETPOS can pick one instance twice (it
    // de-duplicates Date objects by reference), e.g. BYSETPOS=1,-1 in a one-instance month:
    // one instance, counted once. rrule.js emits in order, so repeats are adjacent.
    if (local === previousLocal) return true;
    previousLocal = local;
    if (local > stopLocal) return false;
    if (local > limitReachedAt + offsetSlackMs) return false;
    generated++;
    if (generated > MAX_SCANNED_OCCURRENCES) {
      tooMany(`Reaching this window means stepping through more than ${MAX_SCANNED_OCCURRENCES} occurrences; start the series closer to the window.`);
    }
    // Well before the window it still counts towards COUNT, but needs no zone lookup.
    if (local >= skipBeforeLocal) consider(localMsToInstant(local, zone), local);
    return generated < count;
  };
  // A plain weekly rule is walked by arithmetic (plain-weekly.ts); COUNT beyond the scan cap stays
  // with rrule.js so the cap is met exactly as before.
  const plain = generator === 'fastest' && (rule.count ?? 0) <= MAX_SCANNED_OCCURRENCES ? plainWeekly(rule, dtstartLocal, skipBeforeLocal) : null;
  if (plain !== null) {
    // Without COUNT the skipped instances count for nothing (as with skip-ahead); with it they use up COUNT.
    if (rule.count !== undefined) generated += plain.skipped;
    if (generated < count) plain.walk(step);
  } else if (generated < count && !ruleNeverMatches(rule, dtstartParts)) {
    // Far from DTSTART, start rrule.js at a later period of the same phase (skip-ahead.ts).
    const rrule = new RRule(floatingOptions(rule, dtstartLocal, skipAhead(rule, dtstartLocal, skipBeforeLocal)), true);
    rrule.all((date) => step(date.getTime()));
  }
  for (const local of rdateLocals) consider(localMsToInstant(local, zone), local);

  instants.sort((a, b) => a - b);
  const result: WallOccurrence[] = [];
  let previous = Number.NaN;
  for (const instant of instants) {
    if (instant === previous) continue;
    previous = instant;
    if (result.length >= limit) break;
    if (result.length >= MAX_OCCURRENCES) tooMany(`This expansion has more than ${MAX_OCCURRENCES} occurrences; narrow the window or set window.limit.`);
    result.push({ instant, nominalLocalMs: nominal.get(instant) as number });
  }
  return result;
}
