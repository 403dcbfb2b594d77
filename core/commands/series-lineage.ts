import { msToInstant } from '../model';
import type { Series, SeriesException } from '../model';
import { expandSeries, lineageParts } from '../recurrence';
import { localMsToWallTime, parseWallTime, wallPartsToLocalMs } from '../time';
import type { WallTime } from '../time';
import type { WriteScope } from './define-command';

/** One part of a split series with its exceptions, as stored. */
export interface SeriesPart {
  series: Series;
  exceptions: SeriesException[];
}

/**
 * Every part of `series`' lineage (core/recurrence `lineageParts`) with its
 * exceptions, read in the command's transaction, the series itself first and
 * the others in the order their visits come. The parts are found through the
 * patient index: a split keeps the patient and no command changes a
 * series' patient, so every part of a lineage has the same one (and no
 * index of its own is needed).
 *
 * @example await loadLineage(scope, tail) // [{ series: tail, … }, { series: root, … }, { series: laterTail, … }]
 */
export async function loadLineage(scope: WriteScope, series: Series, exceptions: SeriesException[]): Promise<SeriesPart[]> {
  const samePatient = await scope.db.series.where('patientId').equals(series.patientId).toArray();
  const others = lineageParts(series, samePatient).filter((part) => part.id !== series.id);
  const parts: SeriesPart[] = [{ series, exceptions }];
  for (const part of others) parts.push({ series: part, exceptions: await scope.db.seriesExceptions.where('seriesId').equals(part.id).toArray() });
  return parts;
}

/**
 * Whether a part has no booked visit left that has not ended at `now`:
 * "all visits" leaves such a part as it is (its visits are history).
 *
 * @example isOver(januaryPart, Date.parse('2026-03-01T12:00:00Z')) // true
 */
export function isOver(part: SeriesPart, now: number): boolean {
  return expandSeries(part.series, part.exceptions, { from: msToInstant(now), limit: 1, includeCancelled: false }).length === 0;
}

const wallMs = (wall: WallTime, field: string) => wallPartsToLocalMs(parseWallTime(wall, field));

/**
 * The start another part of the lineage gets when "all visits" moves the
 * chosen part's start to `newStart`: moved by the same wall-clock amount
 * (days, hours and minutes on the clinic clock), so visits an hour later
 * stay an hour later across a clock change and every part keeps its own
 * first visit.
 *
 * @example shiftedStart({ dtstart: '2026-01-05T09:00:00' }, '2026-01-05T10:00', { dtstart: '2026-02-02T09:00:00' }) // '2026-02-02T10:00:00'
 */
export function shiftedStart(chosen: Pick<Series, 'dtstart'>, newStart: WallTime, part: Pick<Series, 'dtstart'>): WallTime {
  return localMsToWallTime(wallMs(part.dtstart, 'dtstart') + wallMs(newStart, 'changes.dtstart') - wallMs(chosen.dtstart, 'dtstart'));
}
