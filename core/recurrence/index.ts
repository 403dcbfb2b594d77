/**
 * Recurrence: RFC 5545 rules expanded into real occurrences in an IANA zone.
 * This file is the folder's only public entry.
 */
export { expandRule, MAX_OCCURRENCES, MAX_SCANNED_OCCURRENCES } from './expand';
export type { RuleSpec, Occurrence } from './expand';
export type { ExpandWindow } from './expand-window';
export { parseRrule } from './rrule-text';
export type { ParsedRule, ByDay, Until, Frequency } from './rrule-text';
