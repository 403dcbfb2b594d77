export { findOverlaps } from './sweep';
export type { OverlapItem, OverlapPair } from './sweep';
export { checkBooking, unoverridableKinds } from './booking-check';
export type { BookingCheckInput, BookingCheckResult, BookingInterval, BookingResource, Conflict, ConflictBlock, ConflictKind, ExistingBooking, Severity } from './booking-check';
export type { ClosureDays } from '../schedule';
export { seriesCheckHorizonMs } from './series-check-horizon';
export { scheduleConflicts } from './schedule-conflicts';
export type { ScheduleConflict } from './schedule-conflicts';
