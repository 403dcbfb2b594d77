/**
 * `npm run bench -- overlap`: findOverlaps against a naive pairwise scan, and
 * the booking check of a weekly series against a full year of appointments.
 * All data is generated from a fixed seed so runs are comparable.
 */
import { checkBooking, findOverlaps } from '../core/overlap';
import type { ScheduleBlock } from '../core/model';
import type { BookingCheckInput, BookingInterval, ExistingBooking, OverlapItem } from '../core/overlap';

const minuteMs = 60_000;
const dayMs = 86_400_000;
const yearStart = Date.UTC(2025, 0, 1);

/** mulberry32: a tiny seeded generator, so every run measures the same data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The working days (Mon–Fri) of 2025 as UTC midnights. */
function workingDays(): number[] {
  const days: number[] = [];
  for (let day = yearStart; day < Date.UTC(2026, 0, 1); day += dayMs) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/**
 * Clinic-like appointments: 10–60 min in 5-minute steps, starting 08:00–17:55
 * on a working day of 2025, each with one of `providers` providers and, half
 * the time, one of `rooms` rooms.
 */
function clinicItems(count: number, providers: number, rooms: number, seed: number): OverlapItem[] {
  const random = seeded(seed);
  const days = workingDays();
  const items: OverlapItem[] = [];
  for (let index = 0; index < count; index++) {
    const day = days[Math.floor(random() * days.length)] as number;
    const start = day + 8 * 60 * minuteMs + Math.floor(random() * 120) * 5 * minuteMs;
    const end = start + (2 + Math.floor(random() * 11)) * 5 * minuteMs;
    const keys = [`provider-${Math.floor(random() * providers)}`];
    if (random() < 0.5) keys.push(`room-${Math.floor(random() * rooms)}`);
    items.push({ id: `apt-${index}`, keys, start, end });
  }
  return items;
}

/** The O(n²) baseline: every pair, shared keys by set lookup. */
function pairwise(items: readonly OverlapItem[]): number {
  let found = 0;
  for (let i = 0; i < items.length; i++) {
    const x = items[i] as OverlapItem;
    for (let j = i + 1; j < items.length; j++) {
      const y = items[j] as OverlapItem;
      if (x.start < y.end && y.start < x.end && x.keys.some((key) => y.keys.includes(key))) found++;
    }
  }
  return found;
}

function timeRuns<T>(runs: number, work: () => T, warmUps = 1): { times: number[]; result: T } {
  let result = work(); // warm-up runs let the JIT settle; they are not timed
  for (let warm = 1; warm < warmUps; warm++) result = work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  return { times: times.sort((a, b) => a - b), result };
}

const median = (sorted: readonly number[]) => sorted[Math.floor(sorted.length / 2)] as number;
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function benchFindOverlaps(): void {
  const big = clinicItems(100_000, 140, 60, 1);
  const sweep = timeRuns(5, () => findOverlaps(big));
  console.log(`findOverlaps, 100,000 items over 200 keys: median ${ms(median(sweep.times))} of 5 (target < 500 ms), ${sweep.result.length} pairs`);

  const small = big.slice(0, 10_000);
  const sweepSmall = timeRuns(5, () => findOverlaps(small));
  const naive = timeRuns(1, () => pairwise(small));
  if (naive.result !== sweepSmall.result.length) throw new Error(`pairwise found ${naive.result} pairs, sweep ${sweepSmall.result.length}`);
  console.log(`10,000 items: findOverlaps median ${ms(median(sweepSmall.times))}, naive pairwise ${ms(median(naive.times))} ` +
    `(${sweepSmall.result.length} pairs both) → ${(median(naive.times) / median(sweepSmall.times)).toFixed(0)}× faster`);
}

/**
 * A year of a busy clinic as stored: 100,000 appointments (ISO instants, as
 * the store keeps them) over 140 providers, 60 rooms and 20,000 patients, 3%
 * cancelled; every resource works Mon–Fri 08:00–18:00 in London with a lunch
 * break; two clinic-wide closures. The candidate is a weekly 10:00 series of
 * 52 occurrences for one provider, room and patient.
 */
function bookingInput(): BookingCheckInput {
  const random = seeded(2);
  const existing: ExistingBooking[] = clinicItems(100_000, 140, 60, 3).map((item) => ({
    id: item.id,
    start: new Date(item.start).toISOString(),
    end: new Date(item.end).toISOString(),
    resourceIds: item.keys,
    patientId: `patient-${Math.floor(random() * 20_000)}`,
    status: random() < 0.03 ? 'cancelled' : 'booked',
  }));
  const resourceIds = [...Array.from({ length: 140 }, (_, index) => `provider-${index}`), ...Array.from({ length: 60 }, (_, index) => `room-${index}`)];
  const firstMonday = Date.UTC(2025, 0, 6, 10);
  const candidates: BookingInterval[] = Array.from({ length: 52 }, (_, week) => ({
    id: `series-1:${week}`,
    start: firstMonday + week * 7 * dayMs,
    end: firstMonday + week * 7 * dayMs + 30 * minuteMs,
    resourceIds: ['provider-3', 'room-5'],
    patientId: 'patient-42',
  }));
  return {
    candidates,
    existing,
    resources: resourceIds.map((id) => ({ id, kind: id.startsWith('room') ? 'room' : 'provider', timeZone: 'Europe/London' })),
    schedule: resourceIds.flatMap((resourceId): ScheduleBlock[] =>
      (['working', 'break'] as const).map((kind) => ({
        id: `${resourceId}-${kind}`,
        resourceId,
        kind,
        timeZone: 'Europe/London',
        wallStart: kind === 'working' ? '2025-01-06T08:00:00' : '2025-01-06T12:30:00',
        wallEnd: kind === 'working' ? '2025-01-06T18:00:00' : '2025-01-06T13:00:00',
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        exdates: [],
        version: 0,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      })),
    ),
    closures: [
      { resourceId: null, startDate: '2025-05-05', endDate: '2025-05-05', reason: 'Bank holiday' },
      { resourceId: null, startDate: '2025-12-25', endDate: '2025-12-26', reason: 'Christmas' },
    ],
    clinicTimeZone: 'Europe/London',
  };
}

/**
 * The baseline: what the check does without a sweep or prefilter — every
 * occurrence against every stored appointment, parsing as it goes. It counts
 * plain overlaps on a shared resource or the patient (capacity 1), nothing more.
 */
function naiveCollisions(input: BookingCheckInput): number {
  let found = 0;
  for (const candidate of input.candidates) {
    const start = Number(candidate.start);
    const end = Number(candidate.end);
    for (const booking of input.existing) {
      if (booking.status === 'cancelled' || booking.status === 'no_show') continue;
      if (Date.parse(String(booking.start)) >= end || start >= Date.parse(String(booking.end))) continue;
      if (booking.patientId === candidate.patientId || booking.resourceIds.some((id) => candidate.resourceIds.includes(id))) found++;
    }
  }
  return found;
}

function benchBookingCheck(): void {
  const input = bookingInput();
  const checked = timeRuns(30, () => checkBooking(input), 5);
  const naive = timeRuns(3, () => naiveCollisions(input));
  const result = checked.result;
  const median_ = median(checked.times);
  console.log(`checkBooking, 52 weekly occurrences against 100,000 stored: median ${ms(median_)}, p95 ${ms(percentile(checked.times, 95))} of 30 ` +
    `(${result.hard.length} hard, ${result.warnings.length} warnings)`);
  console.log(`naive scan of every occurrence × every stored appointment: median ${ms(median(naive.times))} of 3 ` +
    `(${naive.result} raw collisions) → ${(median(naive.times) / median_).toFixed(0)}× slower than checkBooking`);
}

export async function run(): Promise<void> {
  benchFindOverlaps();
  benchBookingCheck();
}
