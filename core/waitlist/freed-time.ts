import { mergeSpans, subtractSpans } from '../schedule';
import type { Span } from '../schedule';

/** A visit's place in time and on which resources, epoch ms. */
export interface VisitPlace {
  start: number;
  end: number;
  resourceIds: readonly string[];
}

/** Time a change gave back on one resource, `[start, end)` epoch ms. */
export interface FreedSpan extends Span {
  resourceId: string;
}

/**
 * What a change to a visit frees, per resource: all of it when the visit is
 * cancelled or marked no-show (`after` is `null`), the part it left when it
 * was moved or shortened (a move to another resource frees the whole old
 * span on the old one). Nothing when it grew or stayed.
 *
 * @example freedTime({ start: 0, end: 60, resourceIds: ['dr-lee'] }, { start: 0, end: 30, resourceIds: ['dr-lee'] })
 * // [{ resourceId: 'dr-lee', start: 30, end: 60 }]
 */
export function freedTime(before: VisitPlace, after: VisitPlace | null): FreedSpan[] {
  const freed: FreedSpan[] = [];
  for (const resourceId of before.resourceIds) {
    const kept = after !== null && after.resourceIds.includes(resourceId) ? [{ start: after.start, end: after.end }] : [];
    for (const span of subtractSpans([{ start: before.start, end: before.end }], mergeSpans(kept))) freed.push({ resourceId, ...span });
  }
  return freed;
}
