import type { TimedeskDb } from '../db';
import { coversSpan, mergeSpans, subtractSpans } from '../schedule';
import type { Span } from '../schedule';
import { instantToLocalMs, localMsToInstant, zoneFor } from '../time';
import { ValidationError } from '../validation';
import { clockWindows } from './clock-windows';
import { bookableByResource, openingContext } from './find-openings';
import { freeTime, intersectSpans } from './free-time';
import type { OpeningQuery } from './opening-query';
import { busyByResource, patientBusy } from './read-busy';
import { searchOpenings } from './search-openings';
import type { Opening, ResourceFreeTime } from './search-openings';

const dayMs = 86_400_000;

/** A weekly series to place: `visits` visits, `everyWeeks` apart (default 1), the first one searched like a single opening. */
export interface RepeatingOpeningQuery extends OpeningQuery {
  visits: number;
  everyWeeks?: number;
}

/**
 * The first weekly time at which all N visits of a series are free: the
 * earliest opening (same conditions as {@link findOpenings}) whose wall time
 * on the provider's clock is also free, with the same provider and room,
 * every `everyWeeks` weeks after it, `visits` times in all — across DST,
 * 09:00 stays 09:00. Returns the N visits, or `[]` when no start in
 * `[from, to)` works. `visits` is 2–104 (`invalid-count`), `everyWeeks` 1–12
 * (`invalid-interval`).
 *
 * @example await findRepeatingOpening(db, { durationMinutes: 45, providers: ['dr-lee'], from, visits: 6 })
 * // six openings a week apart, the first the earliest that works for all six
 */
export async function findRepeatingOpening(db: TimedeskDb, input: RepeatingOpeningQuery): Promise<Opening[]> {
  const { visits, everyWeeks = 1, ...single } = input;
  if (!Number.isInteger(visits) || visits < 2 || visits > 104) throw new ValidationError('invalid-count', 'visits', 'A series has 2 to 104 visits.');
  if (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > 12) throw new ValidationError('invalid-interval', 'everyWeeks', 'Visits repeat every 1 to 12 weeks.');
  const periodMs = everyWeeks * 7 * dayMs;
  // Up to the last visit of the latest first visit, plus a day for DST and zones.
  const context = await openingContext(db, single, (visits - 1) * periodMs + dayMs);
  const { query } = context;
  const readTo = query.to + (visits - 1) * periodMs + query.durationMs + dayMs;
  const resources = [...context.providers, ...(context.rooms ?? [])];
  const bookable = bookableByResource(context, query.from, readTo);
  const [busy, patient] = await Promise.all([
    busyByResource(
      db,
      resources.map((resource) => ({ resourceId: resource.id, from: query.from, to: readTo })),
    ),
    query.patientId === undefined ? [] : patientBusy(db, query.patientId, query.from, readTo),
  ]);
  const free = new Map<string, ResourceFreeTime>(
    resources.map((resource) => {
      const spans = (bookable.get(resource.id)?.bookable ?? []).map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) }));
      return [resource.id, { id: resource.id, timeZone: resource.timeZone, free: freeTime(spans, busy.get(resource.id) ?? [], resource.capacity), soft: bookable.get(resource.id)?.soft ?? [] }];
    }),
  );
  const firsts = searchOpenings({
    providers: context.providers.map((provider) => free.get(provider.id) as ResourceFreeTime),
    ...(context.rooms === undefined ? {} : { rooms: context.rooms.map((room) => free.get(room.id) as ResourceFreeTime) }),
    patientBusy: patient,
    from: query.from,
    to: query.to,
    query: { ...query, limit: 500 },
  });
  // Where each provider (with a given room) can take a visit: its free time on the wanted days and times, minus the patient's visits.
  const usable = new Map<string, Span[]>();
  const usableFor = (providerId: string, roomId: string | undefined): Span[] => {
    const key = `${providerId}|${roomId ?? ''}`;
    let spans = usable.get(key);
    if (spans === undefined) {
      const provider = free.get(providerId) as ResourceFreeTime;
      const own = subtractSpans(intersectSpans(provider.free, clockWindows(query.from, readTo, provider.timeZone, query)), mergeSpans(patient));
      spans = roomId === undefined ? own : intersectSpans(own, (free.get(roomId) as ResourceFreeTime).free);
      usable.set(key, spans);
    }
    return spans;
  };
  for (const first of firsts) {
    const provider = free.get(first.providerId) as ResourceFreeTime;
    const zone = zoneFor(provider.timeZone);
    const localStart = instantToLocalMs(Date.parse(first.start), zone);
    const series: Opening[] = [first];
    for (let visit = 1; visit < visits; visit++) {
      const start = localMsToInstant(localStart + visit * periodMs, zone);
      const end = start + query.durationMs;
      if (!coversSpan(usableFor(first.providerId, first.roomId), start, end)) break;
      const soft = [...new Set([...provider.soft, ...(first.roomId ? (free.get(first.roomId) as ResourceFreeTime).soft : [])].filter((span) => span.start < end && start < span.end).map((span) => span.label))];
      series.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString(), providerId: first.providerId, ...(first.roomId ? { roomId: first.roomId } : {}), ...(soft.length > 0 ? { soft } : {}) });
    }
    if (series.length === visits) return series;
  }
  return [];
}
