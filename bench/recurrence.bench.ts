/**
 * `npm run bench -- recurrence`: occurrences per second of expandRule on ten
 * years of a daily and of a Mon/Wed/Fri series in America/New_York, next to
 * plain rrule.js measured in the same run, both with `DTSTART;TZID=…` (the way
 * rrule.js offers zones, the baseline to beat 20×) and without a zone (pure
 * calendar arithmetic, the floor expandRule builds on).
 */
import { rrulestr } from '../core/recurrence/rrule-library';
import { expandRule } from '../core/recurrence';

interface Case {
  name: string;
  rrule: string;
}

const dtstart = '2025-01-06T09:00';
const tzid = 'America/New_York';
const cases: Case[] = [
  { name: '10-year daily', rrule: 'FREQ=DAILY;UNTIL=20350105T235959Z' },
  { name: '10-year Mon/Wed/Fri', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20350105T235959Z' },
];

/** Runs `work` repeatedly for at least `ms` after a warm-up; returns occurrences per second. */
function rate(work: () => number, ms = 1500): { perSecond: number; occurrences: number } {
  let occurrences = work();
  for (let warm = performance.now(); performance.now() - warm < 300; ) work();
  let total = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    occurrences = work();
    total += occurrences;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { perSecond: (total / elapsed) * 1000, occurrences };
}

const format = (value: number) => Math.round(value).toLocaleString('en-US');

export async function run(): Promise<void> {
  for (const { name, rrule } of cases) {
    const compact = dtstart.replace(/[-:]/g, '') + '00';
    const zoned = rate(() => rrulestr(`DTSTART;TZID=${tzid}:${compact}\nRRULE:${rrule}`).all().length);
    const floating = rate(() => rrulestr(`DTSTART:${compact}\nRRULE:${rrule}`).all().length);
    const coldStart = performance.now();
    expandRule({ dtstart, tzid, rrule });
    const coldMs = performance.now() - coldStart;
    const ours = rate(() => expandRule({ dtstart, tzid, rrule }).length);
    console.log(`\n${name} in ${tzid} (${ours.occurrences} occurrences; rrule.js gave ${zoned.occurrences} zoned, ${floating.occurrences} floating)`);
    console.log(`  expandRule                      ${format(ours.perSecond).padStart(12)} occurrences/s  (first call, zone cache cold: ${coldMs.toFixed(1)} ms)`);
    console.log(`  rrule.js with DTSTART;TZID      ${format(zoned.perSecond).padStart(12)} occurrences/s  → expandRule is ${(ours.perSecond / zoned.perSecond).toFixed(1)}× (target ≥ 20×)`);
    console.log(`  rrule.js without a zone         ${format(floating.perSecond).padStart(12)} occurrences/s  → expandRule is ${(ours.perSecond / floating.perSecond).toFixed(2)}× (target ≥ 0.5×)`);
  }
}
