import type { IANAZone } from 'luxon';
import { minutesOfDay } from '../model';
import type { AvailabilityRule } from '../model';
import { instantToLocalMs, localMsToInstant } from '../time';
import { ValidationError } from '../validation';

/**
 * The fields of core/model's `AvailabilityRule` the check reads: ISO
 * `weekday` (Monday = 1 … Sunday = 7), wall times `HH:mm` in the resource's
 * zone, `end` may be `24:00`.
 */
export type WeeklyHoursRule = Pick<AvailabilityRule, 'resourceId' | 'weekday' | 'start' | 'end' | 'kind'>;

/** How a booking sits against a resource's weekly hours. */
export type HoursVerdict = 'inside' | 'not-covered' | 'overlaps-break' | 'no-hours-defined';

const dayMs = 86_400_000;
const minuteMs = 60_000;

/** A weekday's blocks as minutes since local midnight, half-open `[start, end)`. */
type MinuteRange = readonly [start: number, end: number];

/** Working blocks and breaks of one local day, as instants. */
interface DayInstants {
  working: MinuteRange[];
  breaks: MinuteRange[];
}

/**
 * One resource's weekly hours in its zone, ready to answer
 * {@link WeeklyHours.check} for many bookings. Each local day's blocks are
 * turned into instants once, through core/time's DST policy, so "09:00–17:00"
 * stays 09:00–17:00 on the clock on a change day (a block that spans the
 * change itself, say 00:00–24:00, is 23 or 25 real hours long).
 *
 * @example
 * const hours = new WeeklyHours([{ resourceId: 'dr-a', weekday: 1, start: '09:00', end: '17:00', kind: 'working' }], zoneFor('Europe/London'), 'availability');
 * hours.check(Date.parse('2025-03-31T08:00:00Z'), Date.parse('2025-03-31T08:30:00Z')) // 'inside' (09:00 BST)
 */
export class WeeklyHours {
  /** Index 1–7 by ISO weekday. */
  private readonly working: MinuteRange[][] = [[], [], [], [], [], [], [], []];
  private readonly breaks: MinuteRange[][] = [[], [], [], [], [], [], [], []];
  private readonly hasWorking: boolean;
  private readonly days = new Map<number, DayInstants>();

  /**
   * @param rules this resource's rules only (the caller groups them).
   * @param fields dotted path of each rule, for errors (`availability.3`).
   */
  constructor(rules: readonly WeeklyHoursRule[], private readonly zone: IANAZone, fields: readonly string[]) {
    rules.forEach((rule, index) => {
      const field = fields[index] ?? 'availability';
      if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) {
        throw new ValidationError('invalid-weekday', `${field}.weekday`, 'Weekday must be 1 (Monday) to 7 (Sunday).');
      }
      const start = parseMinutes(rule.start, false, `${field}.start`);
      const end = parseMinutes(rule.end, true, `${field}.end`);
      if (end <= start) throw new ValidationError('end-not-after-start', `${field}.end`, `The end (${rule.end}) must be after the start (${rule.start}).`);
      const list = rule.kind === 'break' ? this.breaks : this.working;
      (list[rule.weekday] as MinuteRange[]).push([start, end]);
    });
    this.hasWorking = this.working.some((blocks) => blocks.length > 0);
  }

  /**
   * Whether `[start, end)` (epoch ms) lies wholly inside the union of the
   * working blocks of the local days it touches (blocks that meet at
   * midnight join up, so an overnight booking across two "until 24:00" and
   * "from 00:00" blocks is inside) and clear of every break.
   */
  check(start: number, end: number): HoursVerdict {
    if (!this.hasWorking) return 'no-hours-defined';
    const firstDay = Math.floor(this.toLocalMs(start) / dayMs);
    const lastDay = Math.floor(this.toLocalMs(end - 1) / dayMs);
    const working: MinuteRange[] = [];
    let overlapsBreak = false;
    for (let day = firstDay; day <= lastDay; day++) {
      const instants = this.instantsOf(day);
      working.push(...instants.working);
      // Half-open on both sides: a break that ends as the booking starts does not touch it.
      if (instants.breaks.some(([breakStart, breakEnd]) => breakStart < end && start < breakEnd)) overlapsBreak = true;
    }
    working.sort((left, right) => left[0] - right[0]);
    let coveredUntil = start;
    for (const [blockStart, blockEnd] of working) {
      if (blockStart > coveredUntil) break; // a hole before the booking is over
      if (blockEnd > coveredUntil) coveredUntil = blockEnd;
      if (coveredUntil >= end) break;
    }
    if (coveredUntil < end) return 'not-covered';
    return overlapsBreak ? 'overlaps-break' : 'inside';
  }

  private toLocalMs(instant: number): number {
    return instantToLocalMs(instant, this.zone);
  }

  /** The day's blocks as instants; `day` counts local days since 1970-01-01 (a Thursday). */
  private instantsOf(day: number): DayInstants {
    const cached = this.days.get(day);
    if (cached) return cached;
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
    const midnight = day * dayMs;
    const toInstants = ([start, end]: MinuteRange): MinuteRange => [
      localMsToInstant(midnight + start * minuteMs, this.zone),
      localMsToInstant(midnight + end * minuteMs, this.zone),
    ];
    const instants = {
      working: (this.working[weekday] as MinuteRange[]).map(toInstants),
      breaks: (this.breaks[weekday] as MinuteRange[]).map(toInstants),
    };
    this.days.set(day, instants);
    return instants;
  }
}

function parseMinutes(text: string, allowEndOfDay: boolean, field: string): number {
  const minutes = typeof text === 'string' ? minutesOfDay(text, allowEndOfDay) : undefined;
  if (minutes !== undefined) return minutes;
  if (typeof text === 'string' && /^\d{2}:\d{2}$/.test(text)) throw new ValidationError('invalid-time', field, `${text} is not a time of day.`);
  throw new ValidationError('invalid-format', field, `"${String(text)}" is not a time like 09:30.`);
}
