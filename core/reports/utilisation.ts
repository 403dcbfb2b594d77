import type { BookableSpan } from '../schedule';
import type { PeriodBucket, ReportPeriod, ReportRange } from './report-range';
import { periodBuckets } from './report-range';
import { holdsTime } from './report-visit';
import type { ReportVisit } from './report-visit';

/** Minutes of one resource in one bucket; `rate` is null when the bucket has no bookable time. */
export interface UtilisationFigure {
  availableMinutes: number;
  /** Booked time inside the bookable time (overlapping visits counted once). */
  bookedMinutes: number;
  /** booked ÷ available, 0–1; null when nothing was bookable (never 0 % or NaN). */
  rate: number | null;
}

/** One resource's utilisation per bucket and over the whole range. */
export interface UtilisationRow {
  resourceId: string;
  /** `no-hours`: the resource has no bookable time at all in the range (no schedule, all leave, closed). */
  state: 'measured' | 'no-hours';
  buckets: UtilisationFigure[];
  total: UtilisationFigure;
  /** Booked minutes outside the bookable time (a manager's override, hours changed after booking). */
  outsideHoursMinutes: number;
}

/** The utilisation report: the buckets and a row per resource asked for, in the order asked. */
export interface UtilisationReport {
  period: ReportPeriod;
  buckets: PeriodBucket[];
  rows: UtilisationRow[];
}

/** What {@link utilisation} reads. */
export interface UtilisationInput {
  range: ReportRange;
  period: ReportPeriod;
  /** ISO weekday the clinic's weeks start on (1 Monday … 7 Sunday). */
  weekStart?: number;
  /** The resources to report, in display order (a filter: others are ignored). */
  resourceIds: readonly string[];
  /** core/schedule's `availability()` over the range — the same time the desk books against. */
  bookable: readonly Pick<BookableSpan, 'resourceId' | 'start' | 'end'>[];
  visits: readonly ReportVisit[];
}

const minuteMs = 60_000;

/** Sorted, merged `[start, end)` pairs as a flat array: [s0, e0, s1, e1, …]. */
function mergedPairs(pairs: number[]): number[] {
  const count = pairs.length / 2;
  const order = Array.from({ length: count }, (_, index) => index);
  let sorted = true;
  for (let index = 1; index < count && sorted; index++) if ((pairs[index * 2] as number) < (pairs[index * 2 - 2] as number)) sorted = false;
  if (!sorted) order.sort((a, b) => (pairs[a * 2] as number) - (pairs[b * 2] as number));
  const merged: number[] = [];
  for (const index of order) {
    const start = pairs[index * 2] as number;
    const end = pairs[index * 2 + 1] as number;
    const last = merged.length - 1;
    if (last > 0 && start <= (merged[last] as number)) {
      if (end > (merged[last] as number)) merged[last] = end;
    } else {
      merged.push(start, end);
    }
  }
  return merged;
}

/** Intersection of two sorted, merged pair lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i] as number, b[j] as number);
    const end = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (start < end) out.push(start, end);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}

function total(pairs: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < pairs.length; index += 2) sum += (pairs[index + 1] as number) - (pairs[index] as number);
  return sum;
}

/** Milliseconds of sorted pairs per bucket (pairs crossing a boundary are split). */
function perBucket(pairs: readonly number[], buckets: readonly PeriodBucket[]): number[] {
  const sums = buckets.map(() => 0);
  let bucket = 0;
  for (let index = 0; index < pairs.length; index += 2) {
    let start = pairs[index] as number;
    const end = pairs[index + 1] as number;
    while (bucket < buckets.length && (buckets[bucket] as PeriodBucket).to <= start) bucket++;
    let at = bucket;
    while (at < buckets.length && start < end) {
      const edge = Math.min(end, (buckets[at] as PeriodBucket).to);
      if (edge > start) sums[at] = (sums[at] as number) + edge - Math.max(start, (buckets[at] as PeriodBucket).from);
      start = edge;
      if (start < end) at++;
    }
  }
  return sums;
}

function figure(available: number, booked: number): UtilisationFigure {
  return { availableMinutes: available / minuteMs, bookedMinutes: booked / minuteMs, rate: available > 0 ? booked / available : null };
}

/**
 * Utilisation = booked minutes ÷ available minutes, per resource and day,
 * week or month, from the same `availability()` the desk books against
 * (hours, overrides, breaks, blockouts, leave, closures).
 *
 * - **Available**: the resource's bookable spans (soft blockouts included:
 *   they can be booked), clipped to the range and cut at local midnights.
 * - **Booked**: the time its visits hold (every status but cancelled; a
 *   no-show held the slot), merged per resource so a double booking is not
 *   counted twice, and intersected with the bookable time — so the rate is
 *   never above 100 %. Booked time outside it is `outsideHoursMinutes`.
 * - A resource with no bookable time in the range is `no-hours` (rates null,
 *   never 0 % or NaN); a bucket without bookable time has a null rate.
 *
 * @example
 * utilisation({ range, period: 'week', resourceIds: ['dr-lee'], bookable: availability(blocks, closures, range), visits })
 * // { rows: [{ resourceId: 'dr-lee', state: 'measured', total: { availableMinutes: 2400, bookedMinutes: 1800, rate: 0.75 }, … }], … }
 */
export function utilisation(input: UtilisationInput): UtilisationReport {
  const { range } = input;
  const buckets = periodBuckets(range, input.period, input.weekStart ?? 1);
  const wanted = new Set(input.resourceIds);
  const open = new Map<string, number[]>(input.resourceIds.map((id) => [id, []]));
  for (const span of input.bookable) {
    if (!wanted.has(span.resourceId)) continue;
    const start = Math.max(Date.parse(span.start), range.from);
    const end = Math.min(Date.parse(span.end), range.to);
    if (start < end) open.get(span.resourceId)?.push(start, end);
  }
  const held = new Map<string, number[]>(input.resourceIds.map((id) => [id, []]));
  for (const visit of input.visits) {
    if (!holdsTime(visit) || visit.end <= range.from || visit.start >= range.to) continue;
    for (const resourceId of visit.resourceIds) held.get(resourceId)?.push(Math.max(visit.start, range.from), Math.min(visit.end, range.to));
  }
  const rows = input.resourceIds.map((resourceId): UtilisationRow => {
    const available = mergedPairs(open.get(resourceId) ?? []);
    const busy = mergedPairs(held.get(resourceId) ?? []);
    const booked = intersect(available, busy);
    const availableByBucket = perBucket(available, buckets);
    const bookedByBucket = perBucket(booked, buckets);
    const availableTotal = total(available);
    const bookedTotal = total(booked);
    return {
      resourceId,
      state: availableTotal > 0 ? 'measured' : 'no-hours',
      buckets: buckets.map((_, index) => figure(availableByBucket[index] as number, bookedByBucket[index] as number)),
      total: figure(availableTotal, bookedTotal),
      outsideHoursMinutes: (total(busy) - bookedTotal) / minuteMs,
    };
  });
  return { period: input.period, buckets, rows };
}
