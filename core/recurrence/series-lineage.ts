import type { Series } from '../model';
import { wallTimeToInstant } from '../time';

/**
 * The lineage a series belongs to: the id of the series the first "this and
 * following" cut was made in (`lineageId`), or its own id when it was never
 * split off another series. Parts split before the link existed carry no
 * `lineageId`, so each stays a lineage of its own: nothing guesses a link.
 *
 * @example lineageOf({ id: 's2', lineageId: 's1', … }) // 's1'
 * @example lineageOf({ id: 's1', … }) // 's1'
 */
export function lineageOf(series: Pick<Series, 'id' | 'lineageId'>): string {
  return series.lineageId ?? series.id;
}

/**
 * The parts of `series`' lineage among `candidates` (the series itself
 * included even when it is not among them), in the order their first
 * visits come: what "all visits in the series" reaches.
 *
 * @example lineageParts(tail, [root, tail, unrelated]) // [root, tail]
 */
export function lineageParts(series: Series, candidates: readonly Series[]): Series[] {
  const lineage = lineageOf(series);
  const parts = candidates.filter((candidate) => candidate.id !== series.id && lineageOf(candidate) === lineage);
  const start = (part: Series) => wallTimeToInstant(part.dtstart, part.timeZone, 'dtstart');
  return [series, ...parts].sort((left, right) => start(left) - start(right) || left.id.localeCompare(right.id));
}
