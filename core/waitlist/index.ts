/**
 * The waitlist (ASAP list): what a change frees, which waiting patients fit
 * it and in what order, and how an entry moves from waiting to booked. Pure:
 * no storage, no clock. This file is the folder's only public entry.
 */
export { freedTime } from './freed-time';
export type { VisitPlace, FreedSpan } from './freed-time';
export { nextWaitlistState, waitlistTransitions } from './waitlist-transitions';
export type { WaitlistEvent } from './waitlist-transitions';
export { matchFreedSlot, placeInSlot, daysWaited } from './match-freed-slot';
export type { FreedSlot, WaitlistMatch } from './match-freed-slot';
export { freedBySchedule } from './freed-by-schedule';
export type { ScheduleChangeSpan } from './freed-by-schedule';
