import type { ScheduleBlock } from '../model';
import { isoInstant, zoneFor } from '../time';
import { ValidationError } from '../validation';
import type { BlockOccurrence } from './block-occurrences';
import type { Span } from './instant-spans';
import { buildTimelines } from './resource-timeline';
import type { ScheduleClosure } from './resource-timeline';

/** The question: which instants, in which clinic. */
export interface AvailabilityRange {
  /** ISO 8601 instant with `Z` or an offset (or epoch ms), inclusive. */
  from: string | number;
  /** ISO 8601 instant with `Z` or an offset (or epoch ms), exclusive. */
  to: string | number;
  /** IANA zone of the clinic: clinic-wide closures close the clinic's local days. */
  clinicTimeZone: string;
}

/** A soft blockout lying over bookable time: bookable, but only by a manager with a reason. */
export interface SoftBlockout {
  blockId: string;
  /** The block's label, else its blockout type ("Emergencies only"). */
  label: string;
}

/** One stretch of bookable time of one resource. */
export interface BookableSpan {
  resourceId: string;
  /** Canonical UTC instant (`2027-01-12T09:00:00.000Z`), inclusive. */
  start: string;
  /** Canonical UTC instant, exclusive. */
  end: string;
  /** The soft blockouts over the whole of this span, by block id; absent when there are none. */
  soft?: SoftBlockout[];
}

const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * When can each resource be booked — THE query (booking check, day view
 * shading, week view, print sheet, free slots, openings, reports all read it).
 *
 * Bookable = the working time of each local day (or, on a day with an
 * override, the override's hours instead; an override without hours is a day
 * off) minus breaks, hard blockouts, leave and closures. Soft blockouts leave
 * their time bookable and are named on the spans they cover. Overlapping or
 * touching working time is merged, never counted twice. Leave wins over an
 * override on the same day (it is subtracted from the override's hours).
 *
 * Output: per resource with blocks, sorted by `resourceId` then `start`,
 * half-open spans clipped to `[from, to)`; a span is split where the set of
 * soft blockouts over it changes, and neighbours with the same set are one
 * span. Same input, same output, on any host zone and date.
 *
 * Refusals (`ValidationError`): `range.from` / `range.to` not instants
 * (`invalid-format`), `to` before `from` (`end-not-after-start`), an unknown
 * `range.clinicTimeZone`; a block or closure the engine cannot read names
 * its field (`blocks.3.rrule`, `closures.0.endDate`).
 *
 * @example
 * availability(
 *   [{ id: 'w', resourceId: 'dr-lee', kind: 'working', timeZone: 'Europe/London', wallStart: '2027-01-11T09:00:00', wallEnd: '2027-01-11T17:00:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', exdates: [], … },
 *    { id: 'm', resourceId: 'dr-lee', kind: 'blockout', blockoutType: 'Staff meeting', enforcement: 'hard', timeZone: 'Europe/London', wallStart: '2027-01-12T13:00:00', wallEnd: '2027-01-12T14:00:00', exdates: [], … }],
 *   [],
 *   { from: '2027-01-12T00:00:00Z', to: '2027-01-13T00:00:00Z', clinicTimeZone: 'Europe/London' },
 * );
 * // [{ resourceId: 'dr-lee', start: '2027-01-12T09:00:00.000Z', end: '2027-01-12T13:00:00.000Z' },
 * //  { resourceId: 'dr-lee', start: '2027-01-12T14:00:00.000Z', end: '2027-01-12T17:00:00.000Z' }]
 */
export function availability(blocks: readonly ScheduleBlock[], closures: readonly ScheduleClosure[], range: AvailabilityRange): BookableSpan[] {
  const from = toEpochMs(range.from, 'range.from');
  const to = toEpochMs(range.to, 'range.to');
  if (to < from) throw new ValidationError('end-not-after-start', 'range.to', 'The range ends before it starts.');
  zoneFor(range.clinicTimeZone, 'range.clinicTimeZone');
  const timelines = buildTimelines(blocks, closures, { from, to, clinicTimeZone: range.clinicTimeZone });
  const spans: BookableSpan[] = [];
  for (const resourceId of [...timelines.keys()].sort()) {
    const timeline = timelines.get(resourceId);
    if (!timeline) continue;
    for (const span of timeline.bookable) spans.push(...withSoft(resourceId, span, timeline.soft));
  }
  return spans;
}

/** One bookable span cut where the soft blockouts over it change; `soft` lists them, sorted by start. */
function withSoft(resourceId: string, span: Span, soft: readonly BlockOccurrence[]): BookableSpan[] {
  const over = soft.filter((occurrence) => occurrence.start < span.end && span.start < occurrence.end);
  if (over.length === 0) return [{ resourceId, start: iso(span.start), end: iso(span.end) }];
  const cuts = new Set<number>([span.start, span.end]);
  for (const occurrence of over) {
    if (occurrence.start > span.start && occurrence.start < span.end) cuts.add(occurrence.start);
    if (occurrence.end > span.start && occurrence.end < span.end) cuts.add(occurrence.end);
  }
  const edges = [...cuts].sort((left, right) => left - right);
  const pieces: { start: number; end: number; soft: SoftBlockout[]; key: string }[] = [];
  for (let index = 0; index + 1 < edges.length; index++) {
    const start = edges[index] as number;
    const end = edges[index + 1] as number;
    const active = [...new Map(over.filter((occurrence) => occurrence.start <= start && end <= occurrence.end).map((occurrence) => [occurrence.block.id, softOf(occurrence)])).values()].sort(
      (left, right) => (left.blockId < right.blockId ? -1 : left.blockId > right.blockId ? 1 : 0),
    );
    const key = active.map((entry) => entry.blockId).join('\u0000');
    const last = pieces.at(-1);
    if (last !== undefined && last.key === key) last.end = end;
    else pieces.push({ start, end, soft: active, key });
  }
  return pieces.map((piece) => ({ resourceId, start: iso(piece.start), end: iso(piece.end), ...(piece.soft.length > 0 ? { soft: piece.soft } : {}) }));
}

/**
 * How a soft blockout is named: its label, else its type.
 *
 * @example softOf(occurrence) // { blockId: 'b7', label: 'Emergencies only' }
 */
export function softOf(occurrence: BlockOccurrence): SoftBlockout {
  return { blockId: occurrence.block.id, label: blockName(occurrence.block) ?? occurrence.block.kind };
}

const iso = isoInstant;

function toEpochMs(value: string | number, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && isoInstantPattern.test(value)) {
    // The pattern demands Z or an offset, so Date.parse never reads the host's zone.
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new ValidationError('invalid-format', field, `"${String(value)}" is not an instant like 2027-01-12T09:00:00Z.`);
}

/**
 * What the clinic calls a block: its label, else a blockout's type or a
 * leave's reason; undefined for an unnamed shift, break or override.
 *
 * @example blockName({ kind: 'leave', reason: 'Annual leave', … }) // 'Annual leave'
 */
export function blockName(block: ScheduleBlock): string | undefined {
  if (block.label !== undefined) return block.label;
  if (block.kind === 'blockout') return block.blockoutType;
  if (block.kind === 'leave') return block.reason;
  return undefined;
}
