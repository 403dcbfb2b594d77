import type { IANAZone } from 'luxon';
import type { Appointment, Instant, Resource, ScheduleBlock } from '../model';
import { buildTimelines, closureInstants } from '../schedule';
import type { ClosureDays, ResourceTimeline } from '../schedule';
import { zoneFor } from '../time';
import { ValidationError } from '../validation';
import { overCapacityNeighbours } from './over-capacity';
import type { Neighbour } from './over-capacity';
import { scheduleConflicts } from './schedule-conflicts';
import { findOverlaps } from './sweep';
import type { OverlapItem } from './sweep';

/**
 * One interval to book or already booked: the fields of core/model's
 * `Appointment` (or `SeriesOccurrence`) the check reads. `start` is inclusive
 * and `end` exclusive; each is an ISO 8601 instant (with `Z` or an explicit
 * offset) or epoch ms. `patientId` may be left out for a block with no patient.
 */
export interface BookingInterval extends Pick<Appointment, 'id'> {
  start: Instant | number;
  end: Instant | number;
  resourceIds: readonly Appointment['resourceIds'][number][];
  patientId?: Appointment['patientId'] | null | undefined;
}

/** A stored appointment or occurrence; `cancelled` and `no_show` ones never block. */
export interface ExistingBooking extends BookingInterval, Pick<Appointment, 'status'> {}

/** The fields of core/model's `Resource` the check reads; `capacity` defaults to 1. */
export interface BookingResource extends Pick<Resource, 'id' | 'kind' | 'timeZone'> {
  capacity?: Resource['capacity'] | undefined;
}

/** Everything a booking is checked against. */
export interface BookingCheckInput {
  /** A single appointment, or every occurrence of a series within its horizon (the caller expands it). */
  candidates: readonly BookingInterval[];
  /** Stored appointments; any subset containing the relevant resources, patient and time span will do. */
  existing: readonly ExistingBooking[];
  /** At least every resource a candidate books. */
  resources: readonly BookingResource[];
  /** The resources' schedule blocks (core/model `ScheduleBlock`); only those of booked resources are read. */
  schedule: readonly ScheduleBlock[];
  /** Closures; per-resource ones read in the resource's zone, clinic-wide ones in `clinicTimeZone`. */
  closures: readonly ClosureDays[];
  /** IANA zone of the clinic, for clinic-wide closures. */
  clinicTimeZone: string;
  /** How a closure counts; `'hard'` unless the clinic allows booking on closed days with a warning. */
  closureSeverity?: Severity | undefined;
}

/** Hard conflicts refuse the booking; warnings ask the receptionist to confirm. */
export type Severity = 'hard' | 'warning';

/** Every kind of conflict, each with a fixed severity except `closed` (see {@link BookingCheckInput.closureSeverity}). */
export type ConflictKind =
  | 'resource-double-booked'
  | 'patient-double-booked'
  | 'closed'
  | 'outside-working-hours'
  | 'no-working-hours-defined'
  | 'schedule-blocked'
  | 'soft-blockout';

/**
 * Hard conflicts nobody may book over, not even a manager with a reason: a
 * hard blockout ("nobody books") or leave (the person is away). Change the
 * schedule instead.
 *
 * @example unoverridableKinds.includes('schedule-blocked') // true
 */
export const unoverridableKinds: readonly ConflictKind[] = ['schedule-blocked'];

/** The schedule block a conflict names, with the occurrence that was met. */
export interface ConflictBlock {
  blockId: string;
  blockKind: ScheduleBlock['kind'];
  /** What the clinic calls it: the label, else a blockout's type or a leave's reason (absent for an unnamed break). */
  name?: string;
  /** The occurrence met, canonical UTC instants. */
  start: string;
  end: string;
}

/** One problem with one candidate occurrence. */
export interface Conflict {
  kind: ConflictKind;
  severity: Severity;
  /** The candidate occurrence it concerns. */
  candidateId: string;
  /** That occurrence's start, as a canonical UTC instant (`2025-03-09T14:00:00.000Z`). */
  candidateStart: string;
  /** The resource concerned (absent for patient conflicts and clinic-wide closures). */
  resourceId?: string;
  resourceKind?: BookingResource['kind'];
  /** The patient concerned (patient conflicts only). */
  patientId?: string;
  /** Stored appointments involved, by start then id. */
  existingIds: string[];
  /** Other candidate occurrences involved (a series colliding with itself), by start then id. */
  candidateIds: string[];
  /** For `closed`: the closure's reason as the clinic wrote it. */
  closureReason?: string;
  /** For `outside-working-hours`: whether the booking leaves the hours or runs into a break. */
  hours?: 'not-covered' | 'overlaps-break';
  /** For `schedule-blocked`, `soft-blockout` and a break: the block met. */
  block?: ConflictBlock;
  /** For `not-covered`: that local day's bookable hours (its working time, or its override's), canonical UTC instants. */
  dayHours?: { start: string; end: string }[];
  /** For `not-covered` on a day with an override: the block that set the day's hours. */
  override?: { blockId: string; name?: string };
}

/** The check's answer: `ok` when nothing hard was found (warnings may remain). */
export interface BookingCheckResult {
  ok: boolean;
  hard: Conflict[];
  warnings: Conflict[];
}

/** Statuses that free their slot. */
const nonBlockingStatuses: ReadonlySet<Appointment['status']> = new Set(['cancelled', 'no_show']);
const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

interface Interval {
  id: string;
  start: number;
  end: number;
  resourceIds: readonly string[];
  patientId: string | null;
  candidate: boolean;
}

/**
 * Checks candidate bookings against stored appointments, each other, the
 * resources' capacity and schedules (core/schedule: the same resolved time
 * `availability` answers with), and closures.
 *
 * - `resource-double-booked` (hard): at some instant inside the candidate,
 *   the bookings on one resource, the candidate included, exceed its capacity.
 *   Names the bookings present at those instants.
 * - `patient-double-booked` (hard): the patient is booked elsewhere at the same time.
 * - `closed` (hard by default): the candidate touches a closed day of the
 *   clinic or of one of its resources.
 * - `schedule-blocked` (hard, never overridable — see {@link unoverridableKinds}):
 *   the candidate touches a hard blockout or leave of the resource; names the block.
 * - `soft-blockout` (hard, a manager may override with a reason): it touches
 *   a soft blockout ("Emergencies only"); names the block.
 * - `outside-working-hours` (warning): not wholly inside that day's working
 *   time (`not-covered`, with the day's hours and any override that set
 *   them), or running into a break (`overlaps-break`, naming it).
 * - `no-working-hours-defined` (warning): the resource has no working time at all.
 *
 * Intervals are half-open, so back-to-back bookings never collide. A stored
 * appointment with the same id as a candidate is the one being moved and is
 * ignored. Throws `ValidationError` for malformed input, naming the field:
 * `end-not-after-start`, `invalid-format`, `unknown-entity` (a candidate books
 * a resource not in `resources`), `duplicate-id` (two candidates),
 * `invalid-capacity`, `unknown-zone`, and the schedule (`schedule.N.*`) and closure fields.
 *
 * @example
 * checkBooking({
 *   candidates: [{ id: 'new', start: '2025-03-10T09:00:00Z', end: '2025-03-10T09:30:00Z', resourceIds: ['dr-a'], patientId: 'p1' }],
 *   existing: [{ id: 'old', start: '2025-03-10T09:15:00Z', end: '2025-03-10T09:45:00Z', resourceIds: ['dr-a'], patientId: 'p2', status: 'booked' }],
 *   resources: [{ id: 'dr-a', kind: 'provider', timeZone: 'UTC' }],
 *   schedule: [{ id: 'w', resourceId: 'dr-a', kind: 'working', timeZone: 'UTC', wallStart: '2025-03-10T08:00:00', wallEnd: '2025-03-10T17:00:00', exdates: [], … }],
 *   closures: [],
 *   clinicTimeZone: 'UTC',
 * });
 * // { ok: false, hard: [{ kind: 'resource-double-booked', severity: 'hard', candidateId: 'new', resourceId: 'dr-a', existingIds: ['old'], … }], warnings: [] }
 */
export function checkBooking(input: BookingCheckInput): BookingCheckResult {
  const resources = indexResources(input.resources);
  const candidates = readCandidates(input.candidates, resources);
  const intervals = [...candidates, ...relevantExisting(input.existing, candidates)];

  // One sweep over every relevant booking, keyed by resource and by patient.
  const items: OverlapItem[] = intervals.map((interval, index) => ({
    id: String(index),
    keys: interval.patientId === null ? interval.resourceIds.map(resourceKey) : [...interval.resourceIds.map(resourceKey), patientKey(interval.patientId)],
    start: interval.start,
    end: interval.end,
  }));
  const neighbours: Map<string, Neighbour[]>[] = candidates.map(() => new Map());
  const meet = (from: number, to: number, key: string) => {
    const byKey = neighbours[from];
    if (!byKey) return; // `from` is a stored appointment: only candidates are checked
    const other = intervals[to] as Interval;
    const list = byKey.get(key) ?? [];
    list.push({ index: to, start: other.start, end: other.end });
    byKey.set(key, list);
  };
  for (const pair of findOverlaps(items)) {
    const a = Number(pair.a);
    const b = Number(pair.b);
    for (const key of pair.keys) {
      meet(a, b, key);
      meet(b, a, key);
    }
  }

  const zones = new Map<string, IANAZone>();
  const timelines = scheduleTimelines(input, candidates);
  const closures = closureRanges(input, candidates, resources, zones);
  const closureSeverity = input.closureSeverity ?? 'hard';
  const hard: Conflict[] = [];
  const warnings: Conflict[] = [];
  const report = (conflict: Conflict) => (conflict.severity === 'hard' ? hard : warnings).push(conflict);

  candidates.forEach((candidate, index) => {
    const base = { candidateId: candidate.id, candidateStart: new Date(candidate.start).toISOString() };
    const byKey = neighbours[index] as Map<string, Neighbour[]>;
    for (const resourceId of candidate.resourceIds) {
      const resource = resources.get(resourceId)?.resource as BookingResource;
      const involved = overCapacityNeighbours(candidate.start, candidate.end, byKey.get(resourceKey(resourceId)) ?? [], resources.get(resourceId)?.capacity ?? 1);
      if (involved.length > 0) {
        report({ kind: 'resource-double-booked', severity: 'hard', ...base, resourceId, resourceKind: resource.kind, ...splitIds(involved, intervals) });
      }
    }
    if (candidate.patientId !== null) {
      const involved = overCapacityNeighbours(candidate.start, candidate.end, byKey.get(patientKey(candidate.patientId)) ?? [], 1);
      if (involved.length > 0) {
        report({ kind: 'patient-double-booked', severity: 'hard', ...base, patientId: candidate.patientId, ...splitIds(involved, intervals) });
      }
    }
    for (const closure of closures) {
      // Half-open on both sides: a closure starting at the candidate's end does not touch it.
      if (closure.start >= candidate.end || candidate.start >= closure.end) continue;
      if (closure.resourceId !== null && !candidate.resourceIds.includes(closure.resourceId)) continue;
      const scope = closure.resourceId === null ? {} : { resourceId: closure.resourceId, resourceKind: (resources.get(closure.resourceId)?.resource as BookingResource).kind };
      report({ kind: 'closed', severity: closureSeverity, ...base, ...scope, existingIds: [], candidateIds: [], closureReason: closure.reason });
    }
    for (const resourceId of candidate.resourceIds) {
      const resource = { resourceId, resourceKind: (resources.get(resourceId)?.resource as BookingResource).kind };
      for (const conflict of scheduleConflicts(timelines.get(resourceId), candidate.start, candidate.end)) report({ ...conflict, ...base, ...resource });
    }
  });
  return { ok: hard.length === 0, hard, warnings };
}

const resourceKey = (id: string) => `resource:${id}`;
const patientKey = (id: string) => `patient:${id}`;

interface IndexedResource {
  resource: BookingResource;
  capacity: number;
  field: string;
}

function indexResources(resources: readonly BookingResource[]): Map<string, IndexedResource> {
  const byId = new Map<string, IndexedResource>();
  resources.forEach((resource, index) => {
    const field = `resources.${index}`;
    const capacity = resource.capacity ?? 1;
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new ValidationError('invalid-capacity', `${field}.capacity`, 'Capacity must be a whole number of at least 1.');
    }
    if (byId.has(resource.id)) throw new ValidationError('duplicate-id', `${field}.id`, `Two resources have the id "${resource.id}".`);
    byId.set(resource.id, { resource, capacity, field });
  });
  return byId;
}

function readCandidates(candidates: readonly BookingInterval[], resources: ReadonlyMap<string, IndexedResource>): Interval[] {
  const seen = new Set<string>();
  return candidates.map((candidate, index) => {
    const field = `candidates.${index}`;
    if (seen.has(candidate.id)) throw new ValidationError('duplicate-id', `${field}.id`, `Two candidate bookings have the id "${candidate.id}".`);
    seen.add(candidate.id);
    const start = toEpochMs(candidate.start, `${field}.start`);
    const end = toEpochMs(candidate.end, `${field}.end`);
    if (end <= start) throw new ValidationError('end-not-after-start', `${field}.end`, 'The end must be after the start.');
    candidate.resourceIds.forEach((resourceId, position) => {
      if (!resources.has(resourceId)) {
        throw new ValidationError('unknown-entity', `${field}.resourceIds.${position}`, `There is no resource "${resourceId}".`);
      }
    });
    return { id: candidate.id, start, end, resourceIds: [...new Set(candidate.resourceIds)], patientId: candidate.patientId ?? null, candidate: true };
  });
}

/**
 * The stored bookings that could matter: still blocking, not being replaced
 * by a candidate, on one of the candidates' resources or patients, and within
 * their overall span. The most selective test (shares a key) comes first, so
 * 100,000 stored appointments cost one pass of set lookups; times are parsed
 * only for the few that survive it.
 */
function relevantExisting(existing: readonly ExistingBooking[], candidates: readonly Interval[]): Interval[] {
  if (candidates.length === 0) return [];
  const candidateIds = new Set<string>();
  const resourceIds = new Set<string>();
  const patientIds = new Set<string>();
  let spanStart = Infinity;
  let spanEnd = -Infinity;
  for (const candidate of candidates) {
    candidateIds.add(candidate.id);
    for (const id of candidate.resourceIds) resourceIds.add(id);
    if (candidate.patientId !== null) patientIds.add(candidate.patientId);
    spanStart = Math.min(spanStart, candidate.start);
    spanEnd = Math.max(spanEnd, candidate.end);
  }
  const relevant: Interval[] = [];
  for (let index = 0; index < existing.length; index++) {
    const booking = existing[index] as ExistingBooking;
    // Only the keys a candidate holds can collide with one; dropping the rest keeps the sweep small.
    let sharedResources: string[] | undefined;
    for (const id of booking.resourceIds) if (resourceIds.has(id)) (sharedResources ??= []).push(id);
    const patientId = booking.patientId != null && patientIds.has(booking.patientId) ? booking.patientId : null;
    if (patientId === null && sharedResources === undefined) continue;
    if (nonBlockingStatuses.has(booking.status) || candidateIds.has(booking.id)) continue;
    const start = toEpochMs(booking.start, `existing.${index}.start`);
    const end = toEpochMs(booking.end, `existing.${index}.end`);
    // Half-open: a booking ending when the span starts (or starting when it ends) is clear of it.
    if (end <= spanStart || start >= spanEnd || end <= start) continue;
    relevant.push({ id: booking.id, start, end, resourceIds: sharedResources ?? [], patientId, candidate: false });
  }
  return relevant;
}

function toEpochMs(value: number | string, field: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string' && isoInstantPattern.test(value)) {
    // The pattern demands Z or an offset, so Date.parse never falls back to the host zone.
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new ValidationError('invalid-format', field, `"${String(value)}" is not a time like 2025-03-09T14:00:00Z.`);
}

function zoneOf(id: string, resources: ReadonlyMap<string, IndexedResource>, zones: Map<string, IANAZone>): IANAZone {
  const cached = zones.get(id);
  if (cached) return cached;
  const indexed = resources.get(id) as IndexedResource;
  const zone = zoneFor(indexed.resource.timeZone, `${indexed.field}.timeZone`);
  zones.set(id, zone);
  return zone;
}

/**
 * The schedule of every resource a candidate books (and only those: others
 * are never read), resolved once over the candidates' whole span, so a
 * year of a series costs one expansion per block, not one per visit.
 * Closures are left out here: the check reports them as `closed`.
 */
function scheduleTimelines(input: BookingCheckInput, candidates: readonly Interval[]): Map<string, ResourceTimeline> {
  if (candidates.length === 0) return new Map();
  const booked = new Set(candidates.flatMap((candidate) => candidate.resourceIds));
  const blocks = input.schedule.filter((block) => booked.has(block.resourceId));
  let from = Infinity;
  let to = -Infinity;
  for (const candidate of candidates) {
    from = Math.min(from, candidate.start);
    to = Math.max(to, candidate.end);
  }
  try {
    return buildTimelines(blocks, [], { from, to, clinicTimeZone: input.clinicTimeZone });
  } catch (error) {
    // buildTimelines names the position in the filtered list; say which block it was.
    if (error instanceof ValidationError && error.field.startsWith('blocks.')) {
      const [, position, ...rest] = error.field.split('.');
      const block = blocks[Number(position)];
      const index = block === undefined ? -1 : input.schedule.indexOf(block);
      throw new ValidationError(error.code, ['schedule', String(index), ...rest].join('.'), error.message);
    }
    throw error;
  }
}

interface ClosureRange {
  resourceId: string | null;
  reason: string;
  start: number;
  end: number;
}

/** Closures that could touch a candidate, as instants: clinic-wide ones and those of booked resources. */
function closureRanges(
  input: BookingCheckInput,
  candidates: readonly Interval[],
  resources: ReadonlyMap<string, IndexedResource>,
  zones: Map<string, IANAZone>,
): ClosureRange[] {
  const booked = new Set(candidates.flatMap((candidate) => candidate.resourceIds));
  const ranges: ClosureRange[] = [];
  input.closures.forEach((closure, index) => {
    if (closure.resourceId !== null && !booked.has(closure.resourceId)) return;
    const zone = closure.resourceId === null ? zoneFor(input.clinicTimeZone, 'clinicTimeZone') : zoneOf(closure.resourceId, resources, zones);
    const [start, end] = closureInstants(closure, zone, `closures.${index}`);
    ranges.push({ resourceId: closure.resourceId, reason: closure.reason, start, end });
  });
  return ranges;
}

/** Involved interval indices as stored ids and candidate ids, each by start then id. */
function splitIds(involved: readonly number[], intervals: readonly Interval[]): { existingIds: string[]; candidateIds: string[] } {
  const sorted = involved
    .map((index) => intervals[index] as Interval)
    .sort((left, right) => left.start - right.start || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  return {
    existingIds: sorted.filter((interval) => !interval.candidate).map((interval) => interval.id),
    candidateIds: sorted.filter((interval) => interval.candidate).map((interval) => interval.id),
  };
}
