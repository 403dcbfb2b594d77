/**
 * Openings search: the next times a visit fits, across providers and rooms,
 * over core/schedule's availability minus bookings. This file is the
 * folder's only public entry (README.md has the contract).
 */
export { findOpenings, openingContext, bookableByResource } from './find-openings';
export type { OpeningContext } from './find-openings';
export { parseOpeningQuery, defaultOpeningHorizonMs, longestOpeningRangeMs } from './opening-query';
export type { OpeningQuery, ParsedOpeningQuery, AnyOfKind, TimeOfDayWindow } from './opening-query';
export { searchOpenings, startsIn } from './search-openings';
export type { Opening, OpeningSearchInput, ResourceFreeTime, SoftSpan } from './search-openings';
export { freeTime, fullSpans, intersectSpans } from './free-time';
export { clockWindows } from './clock-windows';
export type { ClockFilter } from './clock-windows';
export { whyNoOpenings } from './why-no-openings';
export type { NoOpeningReason } from './why-no-openings';
export { findRepeatingOpening } from './repeating-opening';
export { nearestOpenings, nearestAround, nearestOpeningQuerySchema } from './nearest-openings';
export type { NearestOpeningQuery, NearestOpening, NearestOpenings } from './nearest-openings';
export type { RepeatingOpeningQuery } from './repeating-opening';
