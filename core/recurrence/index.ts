/**
 * Recurrence: RFC 5545 rules expanded into real occurrences in an IANA zone.
 * This file is the folder's only public entry.
 */
export { expandRule, expandRuleMs, expandRuleWall, MAX_OCCURRENCES, MAX_SCANNED_OCCURRENCES } from './expand';
export type { RuleSpec, Occurrence, WallOccurrence } from './expand';
export type { ExpandWindow } from './expand-window';
export { parseRrule } from './rrule-text';
export type { ParsedRule, ByDay, Until, Frequency } from './rrule-text';

// Front-desk side: the repeat dialog, summaries, occurrence ids, series with exceptions.
export { buildRule, parseRuleToPattern, validateRecurrence, parsePattern, parseEnd, normalizeWeekday, weekdayNames } from './builder';
export type { RecurrencePattern, RecurrencePatternInput, RepeatingPattern, RecurrenceEnd, RecurrenceEndInput, RecurrenceInput, RuleContext, Weekday, Nth } from './builder';
export { describeRecurrence, describeRule, englishRecurrenceLabels } from './describe';
export type { RecurrenceLabels } from './describe';
export { occurrenceIdFor, parseOccurrenceId } from './occurrence-id';
export { expandSeries, ruleSpecOf, findRuleOccurrence } from './series-expand';
export type { SeriesWindow } from './series-expand';
export { cancelOccurrence, moveOccurrence } from './series-exceptions';
export type { ChangeRecord, OccurrenceChange } from './series-exceptions';
export { splitSeries } from './series-split';
export type { SplitResult } from './series-split';
export { lineageOf, lineageParts } from './series-lineage';
export { editSeries } from './series-edit';
export type { SeriesChanges, EditResult } from './series-edit';
export { moveWeeklyRule, weekdayMoveBlocker, weekdaysFollowTheStart } from './weekday-move';
export type { WeekdayMoveBlocker } from './weekday-move';
export { undoOccurrenceMove } from './occurrence-undo';
export type { OccurrenceMoveToUndo, UndoneMove } from './occurrence-undo';
