import type { Closure, ScheduleBlock } from '../model';
import { instantToLocalMs, localMsToWallTime, zoneFor } from '../time';
import { blockOccurrences } from './block-occurrences';
import type { BlockOccurrence } from './block-occurrences';
import { closureInstants } from './closure-days';
import { clipSpans, coversSpan, mergeSpans, spansOverlap, subtractSpans } from './instant-spans';
import type { Span } from './instant-spans';

/** The fields of core/model's `Closure` availability reads. */
export type ScheduleClosure = Pick<Closure, 'resourceId' | 'startDate' | 'endDate' | 'reason'>;

/** Why part of a booking's time is not plainly bookable, naming the block that says so. */
export type TimeProblem =
  /** A hard blockout or leave: nobody books into it. */
  | { kind: 'blocked'; occurrence: BlockOccurrence }
  /** A soft blockout: bookable, but only by a manager with a reason. */
  | { kind: 'soft-blockout'; occurrence: BlockOccurrence }
  /** A break of the working day. */
  | { kind: 'break'; occurrence: BlockOccurrence }
  /** Not wholly inside the day's working time; `hours` are that day's working spans, `override` the block that set them. */
  | { kind: 'outside-hours'; day: string; hours: Span[]; override?: ScheduleBlock | undefined }
  /** The resource has no working time at all (no working block, no override with hours). */
  | { kind: 'no-hours' };

/**
 * One resource's schedule resolved over a range: the working time of each
 * local day (that day's overrides instead, where it has any), minus breaks,
 * hard blockouts, leave and closures, plus the soft blockouts on top. Built
 * once per resource and range by {@link buildTimelines}; `availability`
 * reads `bookable` and `soft`, the booking check asks {@link problems} why a
 * booking does not fit.
 */
export class ResourceTimeline {
  /** Bookable time inside the range, merged and sorted. */
  readonly bookable: Span[];
  /** Soft blockout occurrences overlapping the range, by start. */
  readonly soft: BlockOccurrence[];
  private readonly working: Span[];
  private readonly workingByDay = new Map<string, Span[]>();
  private readonly overridesByDay = new Map<string, BlockOccurrence[]>();
  private readonly cuts: BlockOccurrence[];
  private readonly hasHours: boolean;

  constructor(
    readonly resourceId: string,
    /** The resource's zone (its blocks'): its local days and its own closures are read in it. */
    readonly timeZone: string,
    blocks: readonly { block: ScheduleBlock; field: string }[],
    closures: readonly Span[],
    range: Span,
  ) {
    // A day's hours are decided by the whole day: an override later that day replaces the morning too,
    // and a visit after the hours is told the hours it missed. So occurrences are read over the whole
    // local days the range touches (two days either side cover any zone's day and a night shift from
    // the day before); `bookable` stays clipped to the range.
    const occurrences = blocks.flatMap(({ block, field }) => blockOccurrences(block, range.start - wholeDaysMarginMs, range.end + wholeDaysMarginMs, field));
    for (const occurrence of occurrences) {
      if (occurrence.block.kind !== 'override') continue;
      const list = this.overridesByDay.get(occurrence.day) ?? [];
      list.push(occurrence);
      this.overridesByDay.set(occurrence.day, list);
    }
    const working: BlockOccurrence[] = [];
    const cuts: BlockOccurrence[] = [];
    const soft: BlockOccurrence[] = [];
    for (const occurrence of occurrences) {
      const { block } = occurrence;
      if (block.kind === 'working') {
        // An override replaces the day's working time: the day's own blocks no longer count.
        if (!this.overridesByDay.has(occurrence.day)) working.push(occurrence);
      } else if (block.kind === 'override') {
        if (block.wallEnd !== null) working.push(occurrence);
      } else if (block.kind === 'blockout' && block.enforcement === 'soft') {
        if (spansOverlap(occurrence, range)) soft.push(occurrence);
      } else {
        cuts.push(occurrence);
      }
    }
    for (const occurrence of working) {
      const list = this.workingByDay.get(occurrence.day) ?? [];
      list.push({ start: occurrence.start, end: occurrence.end });
      this.workingByDay.set(occurrence.day, list);
    }
    this.working = mergeSpans(working);
    this.cuts = cuts.sort(byStart);
    this.soft = soft.sort(byStart);
    this.hasHours = blocks.some(({ block }) => block.kind === 'working' || (block.kind === 'override' && block.wallEnd !== null));
    this.bookable = clipSpans(subtractSpans(this.working, mergeSpans([...cuts, ...closures])), range.start, range.end);
  }

  /**
   * Why `[start, end)` (inside the range) is not plainly bookable: every
   * break, hard blockout, leave and soft blockout it touches, by start, then
   * `outside-hours` when it is not wholly inside the day's working time (or
   * `no-hours`). Closures are not listed: the booking check reports them on
   * their own. Empty: the time is bookable.
   *
   * @example timeline.problems(Date.parse('2027-01-12T13:30:00Z'), Date.parse('2027-01-12T14:00:00Z'))
   * // [{ kind: 'blocked', occurrence: { block: staffMeeting, … } }]
   */
  problems(start: number, end: number): TimeProblem[] {
    const span = { start, end };
    const problems: TimeProblem[] = [];
    const touching = [...this.cuts.filter((occurrence) => spansOverlap(occurrence, span)), ...this.soft.filter((occurrence) => spansOverlap(occurrence, span))].sort(byStart);
    for (const occurrence of touching) {
      const { kind } = occurrence.block;
      if (kind === 'break') problems.push({ kind: 'break', occurrence });
      else if (kind === 'blockout' && occurrence.block.enforcement === 'soft') problems.push({ kind: 'soft-blockout', occurrence });
      else problems.push({ kind: 'blocked', occurrence });
    }
    if (!this.hasHours) problems.push({ kind: 'no-hours' });
    else if (!coversSpan(this.working, start, end)) problems.push({ kind: 'outside-hours', ...this.dayHours(start) });
    return problems;
  }

  /**
   * The working spans of the local day holding `instant` (after overrides),
   * and the override that set them.
   *
   * @example timeline.dayHours(Date.parse('2026-12-24T10:00:00Z')) // { day: '2026-12-24', hours: [09:00–12:00], override: christmasEve }
   */
  dayHours(instant: number): { day: string; hours: Span[]; override?: ScheduleBlock | undefined } {
    const day = localMsToWallTime(instantToLocalMs(instant, zoneFor(this.timeZone))).slice(0, 10);
    return { day, hours: mergeSpans(this.workingByDay.get(day) ?? []), override: this.overridesByDay.get(day)?.[0]?.block };
  }
}

const wholeDaysMarginMs = 2 * 24 * 60 * 60 * 1000;

const byStart = (left: BlockOccurrence, right: BlockOccurrence) => left.start - right.start || (left.block.id < right.block.id ? -1 : left.block.id > right.block.id ? 1 : 0);

/** The question every schedule read answers: which span of time, and the clinic's zone (clinic-wide closures are its days). */
export interface TimelineRange {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /** IANA zone of the clinic: a clinic-wide closure closes the clinic's days. */
  clinicTimeZone: string;
}

/**
 * Resolves every resource that has blocks over one range. Blocks are grouped
 * by `resourceId`; a resource's zone is its first block's (blocks carry the
 * resource's zone), and its own closures are read in it, clinic-wide ones in
 * `clinicTimeZone` (core/model's `Closure`). Refusals name the input's field
 * (`blocks.4.rrule`, `closures.1.endDate`, `range.clinicTimeZone`).
 *
 * @example buildTimelines(blocks, closures, { from, to, clinicTimeZone: 'Europe/London' }).get('dr-lee')?.bookable
 */
export function buildTimelines(blocks: readonly ScheduleBlock[], closures: readonly ScheduleClosure[], range: TimelineRange): Map<string, ResourceTimeline> {
  const byResource = new Map<string, { block: ScheduleBlock; field: string }[]>();
  blocks.forEach((block, index) => {
    const list = byResource.get(block.resourceId) ?? [];
    list.push({ block, field: `blocks.${index}` });
    byResource.set(block.resourceId, list);
  });
  const span = { start: range.from, end: range.to };
  let clinicClosures: Span[] | undefined;
  const clinicSpans = () =>
    (clinicClosures ??= closures.flatMap((closure, index) =>
      closure.resourceId === null ? [toSpan(closureInstants(closure, zoneFor(range.clinicTimeZone, 'range.clinicTimeZone'), `closures.${index}`))] : [],
    ));
  const timelines = new Map<string, ResourceTimeline>();
  for (const [resourceId, own] of byResource) {
    const first = own[0] as { block: ScheduleBlock; field: string };
    const zone = zoneFor(first.block.timeZone, `${first.field}.timeZone`);
    const resourceClosures = closures.flatMap((closure, index) => (closure.resourceId === resourceId ? [toSpan(closureInstants(closure, zone, `closures.${index}`))] : []));
    const touching = [...clinicSpans(), ...resourceClosures].filter((closure) => spansOverlap(closure, span));
    timelines.set(resourceId, new ResourceTimeline(resourceId, first.block.timeZone, own, touching, span));
  }
  return timelines;
}

const toSpan = ([start, end]: [number, number]): Span => ({ start, end });
