import type { WaitlistEntry, WaitlistPriority } from '../../core/model';
import type { FreedSlot, FreedSpan, WaitlistMatch } from '../../core/waitlist';
import type { CommandArgs } from '../../core/commands';
import { instantToWallTime } from '../../core/time';

/** The view's filter: a provider (entries that want them, or any) and the states shown. */
export interface WaitlistFilter {
  providerId: string | null;
  state: 'open' | 'waiting' | 'offered' | 'booked' | 'removed';
}

// Every zone's offset is a whole number of 5 minutes (Kolkata +5:30, Kathmandu +5:45), so epoch marks are wall marks.
const stepMs = 5 * 60_000;
const priorityRank: Record<WaitlistPriority, number> = { urgent: 0, soon: 1, routine: 2 };

/**
 * The entries the view lists: those the filter keeps (`open` is waiting
 * and offered), by priority (urgent first), then who has waited longest,
 * then id — the order the freed-slot matches use, so the list and the
 * notice agree.
 *
 * @example visibleEntries(entries, { providerId: 'dr-lee', state: 'open' })
 */
export function visibleEntries(entries: readonly WaitlistEntry[], filter: WaitlistFilter): WaitlistEntry[] {
  return entries
    .filter((entry) => (filter.state === 'open' ? entry.state.kind === 'waiting' || entry.state.kind === 'offered' : entry.state.kind === filter.state))
    .filter((entry) => filter.providerId === null || !Array.isArray(entry.providers) || entry.providers.includes(filter.providerId))
    .sort(
      (left, right) =>
        priorityRank[left.priority] - priorityRank[right.priority] ||
        Date.parse(left.createdAt) - Date.parse(right.createdAt) ||
        (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
    );
}

/**
 * The toolbar's count: entries still waiting.
 *
 * @example waitingCount(entries) // 3
 */
export function waitingCount(entries: readonly WaitlistEntry[]): number {
  return entries.filter((entry) => entry.state.kind === 'waiting').length;
}

/**
 * The slots a change freed (core/waitlist `freedTime` of a visit,
 * `freedBySchedule` of hours), one per provider span, earliest first, each
 * with a room freed over the same time (a visit's room), if any, and the
 * provider's zone. Resources not given (equipment, unknown) and rooms on
 * their own are skipped: the waitlist wants providers. Only what is still
 * ahead is offered: a no-show is marked after the visit began, so a slot
 * starts at the next 5-minute mark after `now` (the booking's step), and a
 * slot already over is dropped.
 *
 * @example freedSlotsOf(freedTime(visit, null), new Map([['dr-lee', { kind: 'provider', timeZone: 'America/New_York' }]]), Date.now())
 */
export function freedSlotsOf(freed: readonly FreedSpan[], resources: ReadonlyMap<string, { kind: string; timeZone: string }>, now: number): FreedSlot[] {
  const ahead = Math.ceil(now / stepMs) * stepMs;
  const spans = freed.map((span) => ({ ...span, start: Math.max(span.start, ahead) })).filter((span) => span.end > span.start);
  const rooms = spans.filter((span) => resources.get(span.resourceId)?.kind === 'room');
  const slots: FreedSlot[] = [];
  for (const span of spans) {
    const resource = resources.get(span.resourceId);
    if (resource?.kind !== 'provider') continue;
    const roomId = rooms.find((room) => room.start <= span.start && room.end >= span.end)?.resourceId;
    slots.push({ providerId: span.resourceId, timeZone: resource.timeZone, start: span.start, end: span.end, ...(roomId ? { roomId } : {}) });
  }
  return slots.sort((left, right) => left.start - right.start);
}

/**
 * The `waitlist/book` arguments for a match in a freed slot: the slot's
 * provider (and room), at the match's start on the provider's clock
 * (core/waitlist `placeInSlot`), the entry's length.
 *
 * @example bookMatchArgs(match, slot) // { id: 'w1', booking: { resourceIds: ['dr-lee'], wallStart: '2027-01-12T10:30:00', timeZone: 'America/New_York', durationMinutes: 30 } }
 */
export function bookMatchArgs(match: WaitlistMatch, slot: FreedSlot): CommandArgs<'waitlist/book'> {
  return {
    id: match.entry.id,
    booking: {
      resourceIds: slot.roomId ? [slot.providerId, slot.roomId] : [slot.providerId],
      wallStart: instantToWallTime(match.start, slot.timeZone),
      timeZone: slot.timeZone,
      durationMinutes: match.entry.durationMinutes,
    },
  };
}

/**
 * The `waitlist/offer` arguments for a match: the time in the slot it
 * would be booked at (`placeInSlot`), on the slot's provider and room.
 *
 * @example offerMatchArgs(match, slot) // { id: 'w1', slot: { start: '2027-01-12T15:30:00.000Z', end: '2027-01-12T16:00:00.000Z', providerId: 'dr-lee', roomId: 'room-2' } }
 */
export function offerMatchArgs(match: WaitlistMatch, slot: FreedSlot): CommandArgs<'waitlist/offer'> {
  return {
    id: match.entry.id,
    slot: { start: new Date(match.start).toISOString(), end: new Date(match.end).toISOString(), providerId: slot.providerId, ...(slot.roomId ? { roomId: slot.roomId } : {}) },
  };
}
