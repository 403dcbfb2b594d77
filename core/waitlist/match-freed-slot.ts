import { minutesOfDay } from '../model';
import type { WaitlistEntry, WaitlistPriority } from '../model';
import { clockWindows } from '../openings';
import { instantToWallTime } from '../time';

/** A freed stretch on a provider (and the room it had), `[start, end)` epoch ms, with the provider's zone. */
export interface FreedSlot {
  providerId: string;
  roomId?: string;
  timeZone: string;
  start: number;
  end: number;
}

/** A waiting patient who fits the freed slot, and the visit that would be booked. */
export interface WaitlistMatch {
  entry: WaitlistEntry;
  /** The visit: from the earliest start in the slot the patient's days and times allow, their length. */
  start: number;
  end: number;
  /** How long they have waited, ms (from `createdAt` to `now`). */
  waitedMs: number;
}

const priorityRank: Record<WaitlistPriority, number> = { urgent: 0, soon: 1, routine: 2 };
const dayMs = 86_400_000;

/**
 * Where in `slot` the entry's visit could go, or `undefined`: the provider
 * is one they want (or they take any), the visit's local date on the
 * provider's clock is within their earliest/latest dates, and the whole
 * visit fits inside the slot on a weekday and in a time of day they can
 * come — the earliest such start.
 *
 * @example placeInSlot(entry, { providerId: 'dr-lee', timeZone: 'America/New_York', start, end }) // { start, end } | undefined
 */
export function placeInSlot(entry: WaitlistEntry, slot: FreedSlot): { start: number; end: number } | undefined {
  if (Array.isArray(entry.providers) && !entry.providers.includes(slot.providerId)) return undefined;
  const durationMs = entry.durationMinutes * 60_000;
  const timeOfDay = entry.times?.map((window) => ({ start: minutesOfDay(window.start) as number, end: minutesOfDay(window.end, true) as number }));
  const windows = clockWindows(slot.start, slot.end, slot.timeZone, { ...(entry.weekdays ? { weekdays: entry.weekdays } : {}), ...(timeOfDay ? { timeOfDay } : {}) });
  for (const window of windows) {
    if (window.end - window.start < durationMs) continue;
    const date = instantToWallTime(window.start, slot.timeZone).slice(0, 10);
    if (entry.earliestDate !== undefined && date < entry.earliestDate) continue;
    if (entry.latestDate !== undefined && date > entry.latestDate) continue;
    return { start: window.start, end: window.start + durationMs };
  }
  return undefined;
}

/**
 * The waiting patients a freed slot can go to, best first: only entries
 * still `waiting` whose wants the slot meets ({@link placeInSlot}); ranked
 * by priority (urgent first), then who has waited longest, then id (so two
 * desks rank alike). `now` is an input: the engine never reads the clock.
 *
 * @example matchFreedSlot(entries, { providerId: 'dr-lee', timeZone: 'America/New_York', start, end }, now)
 * // [{ entry: { patientId: 'p7', priority: 'urgent', … }, start, end, waitedMs }, …]
 */
export function matchFreedSlot(entries: readonly WaitlistEntry[], slot: FreedSlot, now: number): WaitlistMatch[] {
  const matches: WaitlistMatch[] = [];
  for (const entry of entries) {
    if (entry.state.kind !== 'waiting') continue;
    const place = placeInSlot(entry, slot);
    if (place !== undefined) matches.push({ entry, ...place, waitedMs: Math.max(0, now - Date.parse(entry.createdAt)) });
  }
  return matches.sort(
    (left, right) =>
      priorityRank[left.entry.priority] - priorityRank[right.entry.priority] ||
      Date.parse(left.entry.createdAt) - Date.parse(right.entry.createdAt) ||
      (left.entry.id < right.entry.id ? -1 : left.entry.id > right.entry.id ? 1 : 0),
  );
}

/**
 * Whole days an entry has waited, for the waitlist view ("waiting 12 days").
 *
 * @example daysWaited(entry, Date.parse('2027-01-13T09:00:00Z')) // 12
 */
export function daysWaited(entry: Pick<WaitlistEntry, 'createdAt'>, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(entry.createdAt)) / dayMs));
}
