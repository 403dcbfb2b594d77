import { msToInstant } from '../model';
import type { Series } from '../model';
import { expandRule } from '../recurrence';
import { wallTimeToInstant } from '../time';
import type { WallTime } from '../time';

/** The two halves of a series cut at one occurrence. */
export interface SeriesCut {
  /** The original series, now ending just before the cut (same id, version + 1). */
  head: Series;
  /** The rest of the rule from the cut on, as a new series (new id, version 0); edits are applied on top of it by the caller. */
  tail: Series;
}

/** `20250310T130000Z`: an RRULE UNTIL in UTC, as RFC 5545 requires when DTSTART has a zone. */
function untilText(instant: number): string {
  return msToInstant(instant).replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function ruleParts(rrule: string): [string, string][] {
  return rrule.split(';').map((part) => {
    const [name = '', value = ''] = part.split('=');
    return [name, value];
  });
}

function withoutEnd(parts: readonly [string, string][]): [string, string][] {
  return parts.filter(([name]) => name !== 'COUNT' && name !== 'UNTIL');
}

const joinRule = (parts: readonly [string, string][]) => parts.map(([name, value]) => `${name}=${value}`).join(';');

/**
 * "This and following": cuts `series` at the occurrence whose original start
 * is `cut` (a wall time in the series' zone). The head keeps every
 * occurrence before the cut, the tail every one from it on, so together they
 * generate exactly the old occurrences:
 * - a COUNT rule is split into two counts (head: how many came before);
 * - otherwise the head gets an UNTIL one second before the cut (UTC, per
 *   RFC 5545) and the tail keeps the old end, if any;
 * - EXDATEs and RDATEs go to the half they fall in.
 * The caller has checked that `cut` is an occurrence after the first.
 *
 * @example
 * const { head, tail } = cutSeries(weeklyTen, '2025-03-17T09:00:00', { tailId: 's2', at });
 * // head.rrule 'FREQ=WEEKLY;COUNT=2', tail.rrule 'FREQ=WEEKLY;COUNT=8', tail.dtstart '2025-03-17T09:00:00'
 */
export function cutSeries(series: Series, cut: WallTime, record: { tailId: string; at: string }): SeriesCut {
  const cutInstant = wallTimeToInstant(cut, series.timeZone, 'fromOriginalStart');
  const parts = ruleParts(series.rrule);
  const count = parts.find(([name]) => name === 'COUNT');
  const spec = { dtstart: series.dtstart, tzid: series.timeZone, rrule: series.rrule, exdates: series.exdates };
  const before = (wall: WallTime) => wallTimeToInstant(wall, series.timeZone) < cutInstant;

  let headRule: string;
  let tailRule: string;
  if (count) {
    // COUNT counts rule occurrences before EXDATEs are removed, so count without them.
    const generatedBefore = expandRule({ ...spec, exdates: [] }, { to: msToInstant(cutInstant) }).length;
    headRule = joinRule([...withoutEnd(parts), ['COUNT', String(generatedBefore)]]);
    tailRule = joinRule([...withoutEnd(parts), ['COUNT', String(Number(count[1]) - generatedBefore)]]);
  } else {
    headRule = joinRule([...withoutEnd(parts), ['UNTIL', untilText(cutInstant - 1000)]]);
    tailRule = series.rrule;
  }
  const head: Series = {
    ...series,
    rrule: headRule,
    exdates: series.exdates.filter(before),
    rdates: series.rdates.filter(before),
    version: series.version + 1,
    updatedAt: record.at,
  };
  const tail: Series = {
    ...series,
    id: record.tailId,
    dtstart: cut,
    rrule: tailRule,
    exdates: series.exdates.filter((wall) => !before(wall)),
    rdates: series.rdates.filter((wall) => !before(wall)),
    version: 0,
    createdAt: record.at,
    updatedAt: record.at,
  };
  return { head, tail };
}
