import type { TimedeskDb } from '../db';
import { readClinicSettings } from '../db';
import type { Resource } from '../model';
import { readSchedule } from '../queries';
import { availability, mergeSpans } from '../schedule';
import type { BookableSpan, ScheduleClosure, Span } from '../schedule';
import { clockWindows } from './clock-windows';
import type { ScheduleBlock } from '../model';
import { freeTime, intersectSpans } from './free-time';
import { parseOpeningQuery } from './opening-query';
import type { OpeningQuery, ParsedOpeningQuery } from './opening-query';
import { busyByResource, patientBusy } from './read-busy';
import type { ResourceRange } from './read-busy';
import { resolveResources } from './resolve-resources';
import { searchOpenings } from './search-openings';
import type { Opening, ResourceFreeTime, SoftSpan } from './search-openings';

const dayMs = 86_400_000;
/** The first window is a day, each next one twice as long up to four weeks: near openings cost a day's reads, far ones few round trips. */
const firstWindowMs = dayMs;
const longestWindowMs = 28 * dayMs;

/** The resources and schedule a search reads once, whatever its windows. */
export interface OpeningContext {
  query: ParsedOpeningQuery;
  providers: Resource[];
  rooms?: Resource[];
  blocks: ScheduleBlock[];
  closures: ScheduleClosure[];
  clinicTimeZone: string;
}

/**
 * Checks the query and reads what every window shares: the resources
 * (named, or every active provider / room) and their schedule blocks and
 * closures over the whole range (and `beyondMs` past it, for a series' later visits).
 *
 * @example const context = await openingContext(db, { durationMinutes: 40, providers: ['dr-chen'], from })
 */
export async function openingContext(db: TimedeskDb, input: OpeningQuery, beyondMs = 0): Promise<OpeningContext> {
  const query = parseOpeningQuery(input);
  const [providers, rooms, clinic] = await Promise.all([
    resolveResources(db, query.providers, 'provider', 'providers'),
    query.rooms === undefined ? undefined : resolveResources(db, query.rooms, 'room', 'rooms'),
    readClinicSettings(db),
  ]);
  const resourceIds = [...providers, ...(rooms ?? [])].map((resource) => resource.id);
  const { blocks, closures } = await readSchedule(db, { resourceIds, from: query.from, to: query.to + query.durationMs + beyondMs });
  return { query, providers, ...(rooms === undefined ? {} : { rooms }), blocks, closures, clinicTimeZone: clinic.timeZone };
}

/** Each resource's bookable spans and soft blockouts over `[from, to)`, from core/schedule's `availability`. */
export function bookableByResource(context: Pick<OpeningContext, 'blocks' | 'closures' | 'clinicTimeZone'>, from: number, to: number): Map<string, { bookable: BookableSpan[]; soft: SoftSpan[] }> {
  const byResource = new Map<string, { bookable: BookableSpan[]; soft: SoftSpan[] }>();
  for (const span of availability(context.blocks, context.closures, { from, to, clinicTimeZone: context.clinicTimeZone })) {
    let entry = byResource.get(span.resourceId);
    if (entry === undefined) byResource.set(span.resourceId, (entry = { bookable: [], soft: [] }));
    entry.bookable.push(span);
    for (const soft of span.soft ?? []) entry.soft.push({ start: Date.parse(span.start), end: Date.parse(span.end), label: soft.label });
  }
  return byResource;
}

/**
 * The openings whose starts fall in `[from, to)`. Availability first (no
 * store read): each provider's bookable time on the wanted days and times,
 * kept where a visit fits; only those stretches' bookings are read (and
 * `duration` past the window, so a late start is judged whole), the rooms'
 * and the patient's over the stretches of all providers. A window where
 * nobody has such time reads nothing.
 */
async function openingsInWindow(db: TimedeskDb, context: OpeningContext, from: number, to: number, limit: number): Promise<Opening[]> {
  const { query } = context;
  const readTo = to + query.durationMs;
  const bookable = bookableByResource(context, from, readTo);
  const spansOf = (resource: Resource): Span[] => (bookable.get(resource.id)?.bookable ?? []).map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) }));
  const ranges: ResourceRange[] = [];
  for (const provider of context.providers) {
    const fitting = intersectSpans(mergeSpans(spansOf(provider)), clockWindows(from, readTo, provider.timeZone, query)).filter((span) => span.end - span.start >= query.durationMs && span.start < to);
    if (fitting.length > 0) ranges.push({ resourceId: provider.id, from: (fitting[0] as Span).start, to: (fitting.at(-1) as Span).end });
  }
  if (ranges.length === 0) return [];
  const span = { from: Math.min(...ranges.map((range) => range.from)), to: Math.max(...ranges.map((range) => range.to)) };
  for (const room of context.rooms ?? []) ranges.push({ resourceId: room.id, ...span });
  const [busy, patient] = await Promise.all([busyByResource(db, ranges), query.patientId === undefined ? [] : patientBusy(db, query.patientId, span.from, span.to)]);
  const read = new Set(ranges.map((range) => range.resourceId));
  const freeOf = (resource: Resource): ResourceFreeTime => ({
    id: resource.id,
    timeZone: resource.timeZone,
    free: read.has(resource.id) ? freeTime(spansOf(resource), busy.get(resource.id) ?? [], resource.capacity) : [],
    soft: bookable.get(resource.id)?.soft ?? [],
  });
  return searchOpenings({
    providers: context.providers.map(freeOf),
    ...(context.rooms === undefined ? {} : { rooms: context.rooms.map(freeOf) }),
    patientBusy: patient,
    from,
    to,
    query: { ...query, limit },
  });
}

/**
 * The next openings for a visit: over every named (or any) provider's
 * effective availability (core/schedule: working hours, overrides, breaks,
 * blockouts, leave, closures) minus its bookings — with a room free for the
 * whole visit when one is needed, never when the patient is booked
 * elsewhere, on the wanted weekdays and times of day of the provider's
 * clock. Earliest first; each one is what the booking check accepts (an
 * opening in a soft blockout says so in `soft`: a manager books it with a
 * reason). Reads the range in growing windows and stops once `limit`
 * openings are found, so the cost follows how far the first ones are.
 *
 * Bad input throws a `ValidationError` naming the field (see `parseOpeningQuery`;
 * unknown / inactive resources: `providers.N`, `rooms.N`).
 *
 * @example
 * await findOpenings(db, { durationMinutes: 40, providers: ['dr-chen'], rooms: ['room-2'], from: '2027-01-11T08:00:00Z', weekdays: [1, 2, 3, 4], timeOfDay: [{ start: '08:00', end: '12:00' }] })
 * // [{ start: '2027-01-11T09:20:00.000Z', end: '2027-01-11T10:00:00.000Z', providerId: 'dr-chen', roomId: 'room-2' }, …]
 */
export async function findOpenings(db: TimedeskDb, input: OpeningQuery): Promise<Opening[]> {
  const context = await openingContext(db, input);
  const { query } = context;
  const found: Opening[] = [];
  let windowMs = firstWindowMs;
  for (let from = query.from; from < query.to && found.length < query.limit; from += windowMs, windowMs = Math.min(windowMs * 2, longestWindowMs)) {
    const to = Math.min(from + windowMs, query.to);
    found.push(...(await openingsInWindow(db, context, from, to, query.limit - found.length)));
  }
  return found;
}
