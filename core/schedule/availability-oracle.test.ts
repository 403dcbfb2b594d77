import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Closure, ScheduleBlock } from '../model';
import { expandRuleWall } from '../recurrence';
import { localMsToInstant, parseWallTime, wallPartsToLocalMs, zoneFor } from '../time';
import { availability } from './availability';
import { block } from './schedule.fixture';

/**
 * The oracle: minute by minute, straight from the rules as the issue states
 * them — a minute is bookable when a working block of its day covers it (or,
 * on a day with an override, an override with hours does), and no break,
 * hard blockout, leave or closure covers it; its soft blockouts are those
 * covering it. Occurrences come from core/recurrence (tested on its own);
 * what is under test is everything availability does with them.
 */
const minuteMs = 60_000;
const dayMs = 86_400_000;

interface Occurrence {
  block: ScheduleBlock;
  start: number;
  end: number;
  day: string;
}

function occurrencesOf(item: ScheduleBlock, until: number): Occurrence[] {
  const zone = zoneFor(item.timeZone);
  const startLocal = wallPartsToLocalMs(parseWallTime(item.wallStart, 'wallStart'));
  const length = item.wallEnd === null ? 0 : wallPartsToLocalMs(parseWallTime(item.wallEnd, 'wallEnd')) - startLocal;
  const starts =
    item.rrule === undefined
      ? [{ instant: localMsToInstant(startLocal, zone), nominalLocalMs: startLocal }]
      : expandRuleWall({ dtstart: item.wallStart, tzid: item.timeZone, rrule: item.rrule, exdates: item.exdates }, { to: new Date(until).toISOString() });
  return starts.map(({ instant, nominalLocalMs }) => ({
    block: item,
    start: instant,
    end: item.wallEnd === null ? instant : localMsToInstant(nominalLocalMs + length, zone),
    day: new Date(nominalLocalMs).toISOString().slice(0, 10),
  }));
}

function closureCovers(closure: Closure, minute: number, zone: string): boolean {
  const first = localMsToInstant(wallPartsToLocalMs(parseWallTime(`${closure.startDate}T00:00`, 'startDate')), zoneFor(zone));
  const last = localMsToInstant(wallPartsToLocalMs(parseWallTime(`${closure.endDate}T00:00`, 'endDate')) + dayMs, zoneFor(zone));
  return first <= minute && minute < last;
}

/** Per resource and minute: `null` (not bookable) or the sorted soft blockout ids. */
function oracle(blocks: ScheduleBlock[], closures: Closure[], from: number, to: number, clinicZone: string): Map<string, (string | null)[]> {
  const result = new Map<string, (string | null)[]>();
  for (const resourceId of [...new Set(blocks.map((item) => item.resourceId))].sort()) {
    const own = blocks.filter((item) => item.resourceId === resourceId);
    const zone = (own[0] as ScheduleBlock).timeZone;
    // Every occurrence of the days the range touches, even those starting after `to`: an override
    // decides its whole day's hours (the rule), including the part of that day inside the range.
    const all = own.flatMap((item) => occurrencesOf(item, to + 2 * dayMs));
    const overrideDays = new Set(all.filter((occurrence) => occurrence.block.kind === 'override').map((occurrence) => occurrence.day));
    const minutes: (string | null)[] = [];
    for (let minute = from; minute < to; minute += minuteMs) {
      const covering = all.filter((occurrence) => occurrence.start <= minute && minute < occurrence.end);
      const working = covering.some((occurrence) => (occurrence.block.kind === 'working' && !overrideDays.has(occurrence.day)) || occurrence.block.kind === 'override');
      const cut = covering.some(({ block: item }) => item.kind === 'break' || item.kind === 'leave' || (item.kind === 'blockout' && item.enforcement === 'hard'));
      const closed = closures.some((closure) => (closure.resourceId === null ? closureCovers(closure, minute, clinicZone) : closure.resourceId === resourceId && closureCovers(closure, minute, zone)));
      const soft = [...new Set(covering.filter(({ block: item }) => item.kind === 'blockout' && item.enforcement === 'soft').map((occurrence) => occurrence.block.id))].sort();
      minutes.push(working && !cut && !closed ? soft.join(',') : null);
    }
    result.set(resourceId, minutes);
  }
  return result;
}

/** The query's answer laid out the same way. */
function perMinute(blocks: ScheduleBlock[], closures: Closure[], from: number, to: number, clinicZone: string): Map<string, (string | null)[]> {
  const result = new Map<string, (string | null)[]>();
  for (const resourceId of [...new Set(blocks.map((item) => item.resourceId))].sort()) result.set(resourceId, Array.from({ length: (to - from) / minuteMs }, () => null));
  for (const span of availability(blocks, closures, { from, to, clinicTimeZone: clinicZone })) {
    const minutes = result.get(span.resourceId) as (string | null)[];
    const soft = (span.soft ?? []).map((entry) => entry.blockId).join(',');
    for (let minute = Date.parse(span.start); minute < Date.parse(span.end); minute += minuteMs) {
      const index = (minute - from) / minuteMs;
      expect(minutes[index], `minute ${new Date(minute).toISOString()} of ${span.resourceId} listed twice`).toBeNull();
      minutes[index] = soft;
    }
  }
  return result;
}

// Each zone with a week around one of its clock changes, so most schedules cross one.
const zones = [
  { zone: 'America/New_York', base: '2026-03-06' },
  { zone: 'America/New_York', base: '2026-10-30' },
  { zone: 'Europe/London', base: '2026-03-27' },
  { zone: 'Australia/Sydney', base: '2026-04-02' },
  { zone: 'Asia/Kolkata', base: '2026-01-05' },
];
const pad = (value: number) => String(value).padStart(2, '0');
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const wallAt = (date: string, minutes: number) => `${addDays(date, Math.floor(minutes / 1440))}T${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}`;

const blockArbitrary = (resourceId: string, zone: string, base: string, index: number) =>
  fc
    .record({
      kind: fc.constantFrom('working', 'working', 'working', 'override', 'break', 'blockout', 'leave'),
      dayOffset: fc.integer({ min: -3, max: 4 }),
      startQuarter: fc.integer({ min: 0, max: 95 }),
      lengthQuarters: fc.integer({ min: 1, max: 48 }),
      rrule: fc.constantFrom(undefined, undefined, 'FREQ=DAILY', 'FREQ=DAILY;INTERVAL=2', 'FREQ=WEEKLY;BYDAY=MO,WE,FR,SU', 'FREQ=DAILY;COUNT=3'),
      dayOff: fc.boolean(),
      soft: fc.boolean(),
    })
    .map(({ kind, dayOffset, startQuarter, lengthQuarters, rrule, dayOff, soft }): ScheduleBlock => {
      const date = addDays(base, dayOffset);
      const id = `${resourceId}-${index}`;
      const repeat = rrule === undefined ? {} : { rrule: kind === 'leave' && !rrule.includes('COUNT') ? `${rrule};COUNT=4` : rrule };
      if (kind === 'override' && dayOff) return block({ id, resourceId, kind: 'override', timeZone: zone, wallStart: `${date}T00:00`, wallEnd: null, ...repeat });
      const wallStart = wallAt(date, startQuarter * 15);
      const wallEnd = wallAt(date, startQuarter * 15 + lengthQuarters * 15 * (kind === 'leave' ? 3 : 1));
      const extra = kind === 'blockout' ? { blockoutType: 'Meeting', enforcement: soft ? ('soft' as const) : ('hard' as const) } : kind === 'leave' ? { reason: 'Away' } : {};
      return block({ id, resourceId, kind, timeZone: zone, wallStart, wallEnd, ...repeat, ...extra } as Partial<ScheduleBlock> & Pick<ScheduleBlock, 'id' | 'kind' | 'wallStart'>);
    });

const blocksOf = (resourceId: string, zone: string, base: string, min: number, max: number): fc.Arbitrary<ScheduleBlock[]> =>
  fc.integer({ min, max }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => blockArbitrary(resourceId, zone, base, index))) as fc.Arbitrary<ScheduleBlock[]>);

const scenario = fc.constantFrom(...zones).chain(({ zone, base }) =>
  fc.record({
    zone: fc.constant(zone),
    base: fc.constant(base),
    lee: blocksOf('dr-lee', zone, base, 1, 7),
    patel: blocksOf('dr-patel', zone, base, 0, 4),
    closure: fc.option(fc.record({ resourceId: fc.constantFrom(null, 'dr-lee'), offset: fc.integer({ min: -1, max: 3 }) }), { nil: undefined }),
    startHour: fc.integer({ min: 0, max: 23 }),
  }),
);

describe('availability against a minute-by-minute oracle', () => {
  it('agrees on random schedules across DST changes: bookable minutes and the soft blockouts over them', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(scenario, ({ zone, base, lee, patel, closure, startHour }) => {
        const blocks = [...lee, ...patel];
        const closures: Closure[] = closure === undefined ? [] : [{ id: 'c', resourceId: closure.resourceId, startDate: addDays(base, closure.offset), endDate: addDays(base, closure.offset), reason: 'Closed' }];
        // Four days from a whole hour a day before `base` (UTC), so blocks that started earlier reach in.
        const from = Date.parse(`${addDays(base, -1)}T${pad(startHour)}:00:00Z`);
        const to = from + 4 * dayMs;
        expect(perMinute(blocks, closures, from, to, zone)).toEqual(oracle(blocks, closures, from, to, zone));
      }),
      { numRuns: 120 },
    );
  });
});
