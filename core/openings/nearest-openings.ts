import { z } from 'zod';
import { readClinicSettings } from '../db';
import type { TimedeskDb } from '../db';
import { durationMinutesSchema, idSchema, instantSchema, instantToMs, msToInstant, parseWith, resourceIdsSchema } from '../model';
import type { Resource } from '../model';
import { dayRange, nextDate, readSchedule } from '../queries';
import { mergeSpans } from '../schedule';
import type { ScheduleClosure, Span } from '../schedule';
import type { ScheduleBlock } from '../model';
import { instantToWallTime } from '../time';
import { ValidationError } from '../validation';
import { bookableByResource } from './find-openings';
import { freeTime, intersectSpans } from './free-time';
import { defaultOpeningHorizonMs } from './opening-query';
import { busyByResource, patientBusy } from './read-busy';
import type { BusyExclusions } from './read-busy';
import { searchOpenings } from './search-openings';
import type { Opening, SoftSpan } from './search-openings';
import type { NoOpeningReason } from './why-no-openings';

/**
 * A booking the check refused, as the booking dialog holds it: every
 * resource it books (all of them must be free, as the check wants), the
 * patient if chosen, the length and the chosen start.
 */
export const nearestOpeningQuerySchema = z.object({
  resourceIds: resourceIdsSchema,
  patientId: idSchema.nullable().optional(),
  durationMinutes: durationMinutesSchema,
  /** The chosen (refused) start, an instant. */
  at: instantSchema,
  /** The booking being moved, not counted against itself (as `checkDraft`'s `excluding`). */
  excluding: z.object({ appointmentId: idSchema.optional(), seriesId: idSchema.optional() }).optional(),
  /** Starts on the grid clock at multiples of this many minutes since midnight (default 15), as the openings search. */
  stepMinutes: z.number().int().min(1).max(240).optional(),
});

/** The input of {@link nearestOpenings}; see {@link nearestOpeningQuerySchema}. */
export type NearestOpeningQuery = z.input<typeof nearestOpeningQuerySchema>;

/** A free time for the whole visit, canonical UTC instants, half-open `[start, end)`. */
export interface NearestOpening {
  start: string;
  end: string;
}

/** The answer: the nearest free time before and after the chosen start, and what was searched. */
export interface NearestOpenings {
  /** The latest start before the chosen one, never before now (absent when none). */
  before?: NearestOpening;
  /** The earliest start after the chosen one (absent when none). */
  after?: NearestOpening;
  /** How far back "before" looked: now, or the openings search's eight weeks when that is later. */
  searchedFrom: string;
  /** How far on "after" looked: eight weeks. */
  searchedTo: string;
  /** When neither side has one: why, per resource (the openings search's reasons: no hours, too short, fully booked). */
  reasons: NoOpeningReason[];
}

/**
 * The nearest of `openings` (earliest first) on each side of `at`: the last
 * that starts before it and the first that starts after it, both at or after
 * `earliest` (now). An opening at `at` itself is on neither side — it is the
 * time that was refused.
 *
 * @example nearestAround([{ start: '…09:00' }, { start: '…09:30' }, { start: '…11:00' }], Date.parse('…10:00'), now)
 * // { before: { start: '…09:30' }, after: { start: '…11:00' } }
 */
export function nearestAround<Found extends { start: string }>(openings: readonly Found[], at: number, earliest: number): { before?: Found; after?: Found } {
  let before: Found | undefined;
  let after: Found | undefined;
  for (const opening of openings) {
    const start = Date.parse(opening.start);
    if (start < earliest) continue;
    if (start < at) before = opening;
    else if (start > at) {
      after = opening;
      break;
    }
  }
  return { ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

/** What every window of one lookup shares. */
interface NearestContext {
  resources: Resource[];
  /** The clock the start grid is on: the first provider's, else the first resource's (the openings search's is the provider's). */
  grid: Resource;
  patientId: string | null;
  excluding: BusyExclusions;
  durationMs: number;
  stepMs: number;
  blocks: ScheduleBlock[];
  closures: ScheduleClosure[];
  clinicTimeZone: string;
}

const spansOf = (bookable: ReturnType<typeof bookableByResource>, id: string): Span[] =>
  mergeSpans((bookable.get(id)?.bookable ?? []).map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) })));

/**
 * Every start in `[from, to)` (earliest first) at which all
 * the resources are free for the whole visit and the patient is not booked
 * elsewhere — the openings search's starts (a free stretch's own start, then
 * the grid) over the time every resource holds at once. A start in a soft
 * blockout is left out: the check refuses it without a manager's override.
 * Availability first; bookings are read only where the hours of all overlap
 * long enough.
 */
async function startsBetween(db: TimedeskDb, context: NearestContext, from: number, to: number): Promise<Opening[]> {
  const { durationMs } = context;
  const bookable = bookableByResource(context, from, to + durationMs);
  let together: Span[] = [{ start: from, end: to + durationMs }];
  for (const resource of context.resources) together = intersectSpans(together, spansOf(bookable, resource.id));
  const fitting = together.filter((span) => span.end - span.start >= durationMs && span.start < to);
  if (fitting.length === 0) return [];
  const range = { from: (fitting[0] as Span).start, to: (fitting.at(-1) as Span).end };
  const [busy, patient] = await Promise.all([
    busyByResource(
      db,
      context.resources.map((resource) => ({ resourceId: resource.id, ...range })),
      context.excluding,
    ),
    context.patientId === null ? [] : patientBusy(db, context.patientId, range.from, range.to, context.excluding),
  ]);
  let free = fitting;
  for (const resource of context.resources) free = intersectSpans(free, freeTime(spansOf(bookable, resource.id), busy.get(resource.id) ?? [], resource.capacity));
  const soft: SoftSpan[] = context.resources.flatMap((resource) => bookable.get(resource.id)?.soft ?? []);
  const openings = searchOpenings({
    providers: [{ id: context.grid.id, timeZone: context.grid.timeZone, free, soft }],
    patientBusy: patient,
    from,
    to,
    query: { durationMs, stepMs: context.stepMs, limit: Number.MAX_SAFE_INTEGER },
  });
  return openings.filter((opening) => opening.soft === undefined);
}

/** Why nothing fits anywhere in `[from, to)`: a resource with no hours, or none long enough; else fully booked. */
function whyNone(context: NearestContext, from: number, to: number): NoOpeningReason[] {
  const bookable = bookableByResource(context, from, to + context.durationMs);
  const reasons: NoOpeningReason[] = [];
  for (const resource of context.resources) {
    const hours = spansOf(bookable, resource.id);
    const longest = hours.reduce((most, span) => Math.max(most, span.end - span.start), 0);
    if (hours.length === 0) reasons.push({ resourceId: resource.id, reason: 'no-hours' });
    else if (longest < context.durationMs) reasons.push({ resourceId: resource.id, reason: 'too-short', longestMinutes: Math.floor(longest / 60_000) });
  }
  return reasons.length > 0 ? reasons : [{ resourceId: context.grid.id, reason: 'fully-booked' }];
}

const longestWindowDays = 28;

/**
 * The nearest free times before and after a start the booking check
 * refused — for the booking dialog's "Nearest free times". Same length, the
 * same resources (every one free, as the booking books them all), the same
 * patient (never when they are booked elsewhere), the booking being moved
 * left out of its own way. On the chosen day (the clinic's clock) first;
 * when that day has none on a side, the days further out in growing
 * windows (a day, two, four … up to four weeks), as far as the openings
 * search looks: eight weeks on, and back to now or eight weeks back,
 * whichever is later. Nothing before `now` is offered. Each start is one
 * the booking check accepts with no conflict and no warning (inside the
 * hours of every resource, no break, blockout, leave or closure, under
 * capacity, the patient free); one in a soft blockout is not offered.
 *
 * When neither side has one, `reasons` says why (no hours, no stretch long
 * enough, fully booked). Bad input throws a `ValidationError` naming the
 * field; an unknown resource is `unknown-entity` at `resourceIds.N`.
 *
 * @example
 * await nearestOpenings(db, { resourceIds: ['dr-lee'], patientId: 'p1', durationMinutes: 30, at: '2026-01-05T15:00:00Z' }, { now })
 * // { before: { start: '2026-01-05T14:30:00.000Z', end: '2026-01-05T15:00:00.000Z' }, after: { start: '2026-01-05T15:30:00.000Z', … }, reasons: [], … }
 */
export async function nearestOpenings(db: TimedeskDb, input: NearestOpeningQuery, options: { now: number }): Promise<NearestOpenings> {
  const query = parseWith(nearestOpeningQuerySchema, input);
  const at = instantToMs(query.at) as number;
  const durationMs = query.durationMinutes * 60_000;
  const earliest = Math.max(options.now, at - defaultOpeningHorizonMs);
  const latest = at + defaultOpeningHorizonMs;
  const [rows, clinic] = await Promise.all([db.resources.bulkGet(query.resourceIds), readClinicSettings(db)]);
  const resources = rows.map((row, index) => {
    if (row === undefined) throw new ValidationError('unknown-entity', `resourceIds.${index}`, `There is no resource "${query.resourceIds[index] as string}".`);
    return row;
  });
  // Windows run midnight to midnight on the clinic's clock, so no window edge becomes a start; the
  // first is the day of now (or of the chosen time, if earlier), and starts before now are dropped.
  const dayOf = (instant: number) => instantToWallTime(instant, clinic.timeZone).slice(0, 10);
  const dayStart = (date: string) => dayRange(date, clinic.timeZone).from;
  const readFrom = dayStart(dayOf(Math.min(earliest, at)));
  const { blocks, closures } = await readSchedule(db, { resourceIds: query.resourceIds, from: readFrom, to: latest + durationMs });
  const context: NearestContext = {
    resources,
    grid: resources.find((resource) => resource.kind === 'provider') ?? (resources[0] as Resource),
    patientId: query.patientId ?? null,
    excluding: query.excluding ?? {},
    durationMs,
    stepMs: (query.stepMinutes ?? 15) * 60_000,
    blocks,
    closures,
    clinicTimeZone: clinic.timeZone,
  };
  const visit = (opening: Opening): NearestOpening => ({ start: opening.start, end: opening.end });

  // The chosen day: a free time on it is nearer than any on another day.
  const day = dayOf(at);
  const chosen = dayRange(day, clinic.timeZone);
  let { before, after } = nearestAround(await startsBetween(db, context, chosen.from, chosen.to), at, earliest);

  // Later days, nearest first: the first start (from now on) of the nearest window that has one.
  for (let offset = 1, days = 1; after === undefined; offset += days, days = Math.min(days * 2, longestWindowDays)) {
    const from = dayStart(nextDate(day, offset));
    if (from >= latest) break;
    after = nearestAround(await startsBetween(db, context, from, Math.min(dayStart(nextDate(day, offset + days)), latest)), at, earliest).after;
  }
  // Earlier days, nearest first: the last start (from now on) of the nearest window that has one.
  for (let offset = 0, days = 1; before === undefined; offset += days, days = Math.min(days * 2, longestWindowDays)) {
    const to = dayStart(nextDate(day, -offset));
    if (to <= earliest) break;
    before = nearestAround(await startsBetween(db, context, Math.max(dayStart(nextDate(day, -offset - days)), readFrom), to), at, earliest).before;
  }
  return {
    ...(before === undefined ? {} : { before: visit(before) }),
    ...(after === undefined ? {} : { after: visit(after) }),
    searchedFrom: msToInstant(earliest),
    searchedTo: msToInstant(latest),
    reasons: before === undefined && after === undefined ? whyNone(context, earliest, latest) : [],
  };
}
