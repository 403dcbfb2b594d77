import type { WaitlistEntry, WaitlistState } from '../model';
import { freedTime } from '../waitlist';
import type { ReportRange } from './report-range';
import type { ReportVisit } from './report-visit';

/** A visit that was cancelled or marked no-show, and when (epoch ms): time it gave back. */
export interface FreedVisit {
  id: string;
  resourceIds: readonly string[];
  start: number;
  end: number;
  /** When its status became cancelled or no-show (the status change's time; a series exception's `updatedAt`). */
  freedAt: number;
}

/** The waitlist figures of one group of entries (a wanted provider, any provider, or all). */
export interface WaitlistFigure {
  /** Entries added (`createdAt`) in the range. */
  added: number;
  /** …by the state they are in now. */
  state: Record<WaitlistState['kind'], number>;
  /** Entries booked (the booked step's `at`) in the range, whenever they were added. */
  booked: number;
  /** The median of added → booked over those, ms; null when none was booked. */
  medianWaitMs: number | null;
  /** …of which the visit took time a cancellation or no-show had freed before the booking. */
  fromFreedSlot: number;
  /** fromFreedSlot ÷ booked; null when none was booked. */
  fromFreedSlotRate: number | null;
}

/** The waitlist report: all entries of the providers reported, then by wanted provider and "any provider". */
export interface WaitlistReport {
  all: WaitlistFigure;
  byProvider: { providerId: string; figure: WaitlistFigure }[];
  /** Entries that take any provider. */
  anyProvider: WaitlistFigure;
}

/** What {@link waitlistReport} reads. */
export interface WaitlistInput {
  range: ReportRange;
  /** The providers reported on, in display order. An entry counts when it names one of them or takes any provider; none: no entries. */
  providerIds: readonly string[];
  entries: readonly WaitlistEntry[];
  /** The visits the booked entries were booked into, by appointment id (the booked state's `appointmentId`). */
  bookedVisits: ReadonlyMap<string, Pick<ReportVisit, 'id' | 'resourceIds' | 'start' | 'end'>>;
  /** Cancelled and no-show visits that overlap a booked visit on one of its resources. */
  freedVisits: readonly FreedVisit[];
}

interface Counter {
  added: number;
  state: Record<WaitlistState['kind'], number>;
  waits: number[];
  fromFreedSlot: number;
}

const emptyCounter = (): Counter => ({ added: 0, state: { waiting: 0, offered: 0, booked: 0, removed: 0 }, waits: [], fromFreedSlot: 0 });

/**
 * The middle value of some numbers (the mean of the two middle ones for an even count); null for none.
 *
 * @example median([3, 1, 2, 10]) // 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function settle(counter: Counter): WaitlistFigure {
  const booked = counter.waits.length;
  return {
    added: counter.added,
    state: { ...counter.state },
    booked,
    medianWaitMs: median(counter.waits),
    fromFreedSlot: counter.fromFreedSlot,
    fromFreedSlotRate: booked > 0 ? counter.fromFreedSlot / booked : null,
  };
}

/** The freed visits by resource, so each booked visit looks only at its own resources' (a year's list is long). */
function freedByResource(freed: readonly FreedVisit[]): Map<string, FreedVisit[]> {
  const byResource = new Map<string, FreedVisit[]>();
  for (const visit of freed) {
    for (const span of freedTime(visit, null)) {
      let list = byResource.get(span.resourceId);
      if (list === undefined) byResource.set(span.resourceId, (list = []));
      list.push(visit);
    }
  }
  return byResource;
}

/** Whether the booked visit overlaps, on one of its resources, a visit freed (core/waitlist `freedTime`: all of it) at or before `bookedAt`. */
function tookFreedTime(visit: Pick<ReportVisit, 'id' | 'resourceIds' | 'start' | 'end'>, bookedAt: number, freed: ReadonlyMap<string, readonly FreedVisit[]>): boolean {
  return visit.resourceIds.some((resourceId) => (freed.get(resourceId) ?? []).some((other) => other.id !== visit.id && other.freedAt <= bookedAt && other.start < visit.end && visit.start < other.end));
}

/**
 * The waitlist (ASAP list) of a range, overall and by wanted provider:
 *
 * - **added**: entries whose `createdAt` is in the range, counted by the
 *   state they are in now (waiting, offered, booked, removed);
 * - **booked**: entries whose booked step (`state.at`) is in the range,
 *   whenever they were added; their **median wait** is added → booked;
 * - **from a freed slot**: of those, the ones whose visit overlaps, on one of
 *   its resources, a visit that was cancelled or marked no-show at or before
 *   the booking — the slot the desk offered when the visit was freed.
 *   `waitlist/book` records only the visit's id, so this is read from the
 *   visits themselves; time freed by moving or shortening a visit is not counted.
 *
 * An entry naming two providers counts once in `all` and once under each.
 * Empty groups have null rates and waits (the screen says so in words).
 *
 * @example
 * waitlistReport({ range, providerIds: ['dr-lee'], entries, bookedVisits, freedVisits }).all
 * // { added: 4, state: { waiting: 1, offered: 0, booked: 2, removed: 1 }, booked: 2, medianWaitMs: 259200000, fromFreedSlot: 1, fromFreedSlotRate: 0.5 }
 */
export function waitlistReport(input: WaitlistInput): WaitlistReport {
  const { range } = input;
  const all = emptyCounter();
  const any = emptyCounter();
  const byProvider = new Map<string, Counter>(input.providerIds.map((id) => [id, emptyCounter()]));
  let freed: Map<string, FreedVisit[]> | undefined;
  for (const entry of input.entries) {
    const groups: Counter[] = [];
    if (Array.isArray(entry.providers)) {
      for (const providerId of entry.providers) {
        const counter = byProvider.get(providerId);
        if (counter !== undefined) groups.push(counter);
      }
    } else if (byProvider.size > 0) {
      groups.push(any);
    }
    if (groups.length === 0) continue;
    groups.push(all);
    const added = Date.parse(entry.createdAt);
    const addedInRange = added >= range.from && added < range.to;
    const state = entry.state;
    const bookedAt = state.kind === 'booked' ? Date.parse(state.at) : null;
    const bookedInRange = bookedAt !== null && bookedAt >= range.from && bookedAt < range.to;
    if (!addedInRange && !bookedInRange) continue;
    let fromFreedSlot = false;
    if (bookedInRange && state.kind === 'booked') {
      const visit = input.bookedVisits.get(state.appointmentId);
      freed ??= freedByResource(input.freedVisits);
      fromFreedSlot = visit !== undefined && tookFreedTime(visit, bookedAt, freed);
    }
    for (const counter of groups) {
      if (addedInRange) {
        counter.added++;
        counter.state[state.kind]++;
      }
      if (bookedInRange) {
        counter.waits.push(bookedAt - added);
        if (fromFreedSlot) counter.fromFreedSlot++;
      }
    }
  }
  return {
    all: settle(all),
    byProvider: input.providerIds.map((providerId) => ({ providerId, figure: settle(byProvider.get(providerId) ?? emptyCounter()) })),
    anyProvider: settle(any),
  };
}
