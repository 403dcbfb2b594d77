export { findOverlaps } from './sweep';
export type { OverlapItem, OverlapPair } from './sweep';
export { checkBooking } from './booking-check';
export type { BookingCheckInput, BookingCheckResult, BookingInterval, BookingResource, Conflict, ConflictKind, ExistingBooking, Severity } from './booking-check';
export type { WeeklyHoursRule } from './working-hours';
export type { ClosureDays } from './closure-days';
export { seriesCheckHorizonMs } from './series-check-horizon';
