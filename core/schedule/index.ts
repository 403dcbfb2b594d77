/**
 * Schedules: a resource's time as recurring blocks (working, override,
 * break, blockout, leave) and the one query every caller reads —
 * `availability(blocks, closures, range)`. This file is the folder's only
 * public entry (README.md has the contract).
 */
export { availability, softOf, blockName } from './availability';
export type { AvailabilityRange, BookableSpan, SoftBlockout } from './availability';
export { buildTimelines, ResourceTimeline } from './resource-timeline';
export type { ScheduleClosure, TimeProblem, TimelineRange } from './resource-timeline';
export { blockOccurrences } from './block-occurrences';
export type { BlockOccurrence } from './block-occurrences';
export { closureInstants } from './closure-days';
export type { ClosureDays } from './closure-days';
export { mergeSpans, subtractSpans, clipSpans, coversSpan, spansOverlap } from './instant-spans';
export type { Span } from './instant-spans';
export { parseScheduleBlock } from './parse-block';
export { blockFromWeeklyRule, weeklyRuleEpoch } from './weekly-rule';
export { leaveOverOverrides } from './leave-over-override';
export type { LeaveOverOverride } from './leave-over-override';
export { scheduleBlockDraftSchema, blockFromDraft } from './block-draft';
export type { ScheduleBlockDraft, BlockContext } from './block-draft';
export { endBlockAfter } from './end-block';
export type { EndedBlock } from './end-block';
export { scheduleMarks } from './schedule-marks';
export type { ScheduleMark } from './schedule-marks';
