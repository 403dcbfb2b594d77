import type { TimedeskDb } from '../db';
import { mergeSpans } from '../schedule';
import type { Span } from '../schedule';
import { clockWindows } from './clock-windows';
import { bookableByResource, openingContext } from './find-openings';
import { intersectSpans } from './free-time';
import type { OpeningQuery } from './opening-query';

/**
 * Why a resource offered nothing, most basic first, so the desk can say
 * "Dr Chen has no hours on Fridays" rather than "nothing found":
 *
 * - `no-hours`: no bookable time at all in the range (no rota, leave, closures);
 * - `no-hours-on-days`: hours, but none on the wanted weekdays;
 * - `no-hours-at-times`: hours on those days, but none in the wanted times of day;
 * - `too-short`: no stretch of bookable time as long as the visit (`longestMinutes` is the longest);
 * - `fully-booked`: time enough, all taken — by bookings, the rooms, or the patient's other visits.
 */
export type NoOpeningReason =
  | { resourceId: string; reason: 'no-hours' }
  | { resourceId: string; reason: 'no-hours-on-days'; weekdays: number[] }
  | { resourceId: string; reason: 'no-hours-at-times' }
  | { resourceId: string; reason: 'too-short'; longestMinutes: number }
  | { resourceId: string; reason: 'fully-booked' };

const longest = (spans: readonly Span[]) => spans.reduce((most, span) => Math.max(most, span.end - span.start), 0);

/**
 * For a search that found nothing: per provider (and per room when rooms
 * were asked for and none has hours), the first reason that explains it.
 * Reads availability only (no bookings): anything it cannot blame on hours,
 * days, times or length is `fully-booked`.
 *
 * @example await whyNoOpenings(db, { durationMinutes: 40, providers: ['dr-chen'], weekdays: [5], from })
 * // [{ resourceId: 'dr-chen', reason: 'no-hours-on-days', weekdays: [5] }]
 */
export async function whyNoOpenings(db: TimedeskDb, input: OpeningQuery): Promise<NoOpeningReason[]> {
  const context = await openingContext(db, input);
  const { query } = context;
  const to = query.to + query.durationMs;
  const bookable = bookableByResource(context, query.from, to);
  const spansOf = (id: string) => mergeSpans((bookable.get(id)?.bookable ?? []).map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) })));
  const reasons: NoOpeningReason[] = [];
  for (const provider of context.providers) {
    const hours = spansOf(provider.id);
    const onDays = query.weekdays === undefined ? hours : intersectSpans(hours, clockWindows(query.from, to, provider.timeZone, { weekdays: query.weekdays }));
    const atTimes = query.timeOfDay === undefined ? onDays : intersectSpans(onDays, clockWindows(query.from, to, provider.timeZone, query));
    if (hours.length === 0) reasons.push({ resourceId: provider.id, reason: 'no-hours' });
    else if (onDays.length === 0) reasons.push({ resourceId: provider.id, reason: 'no-hours-on-days', weekdays: query.weekdays ?? [] });
    else if (atTimes.length === 0) reasons.push({ resourceId: provider.id, reason: 'no-hours-at-times' });
    else if (longest(atTimes) < query.durationMs) reasons.push({ resourceId: provider.id, reason: 'too-short', longestMinutes: Math.floor(longest(atTimes) / 60_000) });
    else reasons.push({ resourceId: provider.id, reason: 'fully-booked' });
  }
  if (context.rooms !== undefined && context.rooms.every((room) => spansOf(room.id).length === 0)) for (const room of context.rooms) reasons.push({ resourceId: room.id, reason: 'no-hours' });
  return reasons;
}
