/**
 * `npm run bench -- availability`: core/schedule's `availability()` for 40
 * providers over 90 days of realistic schedules (issue 12's target: < 20 ms),
 * beside a naive minute-by-minute scan of the same blocks in the same run.
 *
 * Each provider keeps the clock of one of four zones (New York, London,
 * Sydney, Kolkata; the 90 days cross the autumn clock changes) and has: Mon–Fri
 * 08:00–16:00 hours upgraded from a weekday rule (so they start in 2000),
 * every other Saturday morning, a daily lunch break, a weekly hard staff
 * meeting, a soft "emergencies only" Friday morning, a week of leave and a
 * one-day change of hours; the clinic closes on two holidays.
 */
import { loadavg } from 'node:os';
import type { Closure, ScheduleBlock } from '../core/model';
import { availability, blockOccurrences, closureInstants } from '../core/schedule';
import { zoneFor } from '../core/time';
import type { BlockOccurrence } from '../core/schedule';
import { weeklyRuleEpoch } from '../core/schedule';
import { timedRuns } from './timed-runs';

const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'];
const providers = 40;
const from = '2026-10-01T00:00:00.000Z';
const to = '2026-12-30T00:00:00.000Z';
const minuteMs = 60_000;
const stamp = { exdates: [], version: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

function blocksOf(index: number): ScheduleBlock[] {
  const resourceId = `provider-${index}`;
  const timeZone = zones[index % zones.length] as string;
  const at = (id: string, fields: Partial<ScheduleBlock> & Pick<ScheduleBlock, 'kind' | 'wallStart'>): ScheduleBlock =>
    ({ id: `${resourceId}-${id}`, resourceId, timeZone, wallEnd: null, ...stamp, ...fields }) as ScheduleBlock;
  const leaveDay = 10 + (index % 60);
  const leaveStart = new Date(Date.UTC(2026, 9, 1 + leaveDay)).toISOString().slice(0, 10);
  const leaveEnd = new Date(Date.UTC(2026, 9, 8 + leaveDay)).toISOString().slice(0, 10);
  const changedDay = new Date(Date.UTC(2026, 9, 20 + (index % 50))).toISOString().slice(0, 10);
  return [
    at('hours', { kind: 'working', wallStart: `${weeklyRuleEpoch}T08:00`, wallEnd: `${weeklyRuleEpoch}T16:00`, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' }),
    at('saturday', { kind: 'working', wallStart: '2026-01-03T09:00', wallEnd: '2026-01-03T13:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA' }),
    at('lunch', { kind: 'break', wallStart: '2026-01-05T12:00', wallEnd: '2026-01-05T13:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', label: 'Lunch' }),
    at('meeting', { kind: 'blockout', wallStart: '2026-01-06T14:00', wallEnd: '2026-01-06T15:00', rrule: 'FREQ=WEEKLY;BYDAY=TU', blockoutType: 'Staff meeting', enforcement: 'hard' }),
    at('emergencies', { kind: 'blockout', wallStart: '2026-01-09T08:00', wallEnd: '2026-01-09T10:00', rrule: 'FREQ=WEEKLY;BYDAY=FR', blockoutType: 'Emergencies only', enforcement: 'soft' }),
    at('leave', { kind: 'leave', wallStart: `${leaveStart}T00:00`, wallEnd: `${leaveEnd}T00:00`, reason: 'Annual leave' }),
    at('changed', { kind: 'override', wallStart: `${changedDay}T09:00`, wallEnd: `${changedDay}T12:00`, label: 'Leaves at noon' }),
  ];
}

const blocks = Array.from({ length: providers }, (_, index) => blocksOf(index)).flat();
const closures: Closure[] = [
  { id: 'thanksgiving', resourceId: null, startDate: '2026-11-26', endDate: '2026-11-26', reason: 'Thanksgiving' },
  { id: 'christmas', resourceId: null, startDate: '2026-12-25', endDate: '2026-12-26', reason: 'Christmas' },
];
const range = { from, to, clinicTimeZone: 'America/New_York' };

/**
 * The baseline: every minute of the range, per provider, asked straight of
 * the expanded blocks (working or that day's override, minus breaks, hard
 * blockouts and leave; clinic closures by the clinic's days). Counts the
 * bookable minutes, so both sides can be compared.
 */
function minuteScan(): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const closed = closures.map((closure) => closureInstants(closure, zoneFor(range.clinicTimeZone), 'closure')).map(([start, end]) => ({ start, end }));
  let bookable = 0;
  for (let index = 0; index < providers; index++) {
    const own = blocks.filter((block) => block.resourceId === `provider-${index}`);
    const occurrences: BlockOccurrence[] = own.flatMap((block) => blockOccurrences(block, start - 2 * 86_400_000, end + 2 * 86_400_000, 'block'));
    const overrideDays = new Set(occurrences.filter((o) => o.block.kind === 'override').map((o) => o.day));
    for (let minute = start; minute < end; minute += minuteMs) {
      const covering = occurrences.filter((o) => o.start <= minute && minute < o.end);
      const working = covering.some((o) => (o.block.kind === 'working' && !overrideDays.has(o.day)) || o.block.kind === 'override');
      const cut = covering.some((o) => o.block.kind === 'break' || o.block.kind === 'leave' || (o.block.kind === 'blockout' && o.block.enforcement === 'hard'));
      const shut = closed.some((closure) => closure.start <= minute && minute < closure.end);
      if (working && !cut && !shut) bookable += 1;
    }
  }
  return bookable;
}

function bookableMinutes(): number {
  return availability(blocks, closures, range).reduce((sum, span) => sum + (Date.parse(span.end) - Date.parse(span.start)) / minuteMs, 0);
}

export async function run(): Promise<void> {
  console.log(`availability: ${providers} providers × 90 days, ${blocks.length} blocks in four zones, 2 closures; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (machine shared)`);
  let fastMinutes = 0;
  let naiveMinutes = 0;
  const fast = await timedRuns(30, () => (fastMinutes = bookableMinutes()));
  const naive = await timedRuns(2, () => (naiveMinutes = minuteScan()));
  const verdict = fast.median < 20 ? 'PASS' : 'MISS';
  console.log(`  availability(): median ${fast.median.toFixed(1)} ms, p95 ${fast.p95.toFixed(1)} ms (${fastMinutes.toLocaleString('en')} bookable minutes)  [target < 20 ms: ${verdict}]`);
  console.log(`  baseline minute scan: median ${naive.median.toFixed(0)} ms (${naiveMinutes.toLocaleString('en')} bookable minutes); ${(naive.median / fast.median).toFixed(0)}× slower`);
  // Same blocks, same answer: a figure for a wrong answer would mean nothing.
  if (naiveMinutes !== fastMinutes) throw new Error(`availability() and the minute scan disagree: ${fastMinutes} vs ${naiveMinutes} bookable minutes`);
}
