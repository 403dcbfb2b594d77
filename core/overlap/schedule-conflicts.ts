import { blockName } from '../schedule';
import type { BlockOccurrence, ResourceTimeline } from '../schedule';
import type { Conflict, ConflictBlock } from './booking-check';

/** A conflict without the candidate and resource it concerns (the check adds those). */
export type ScheduleConflict = Omit<Conflict, 'candidateId' | 'candidateStart' | 'resourceId' | 'resourceKind'>;

/**
 * What one resource's schedule says about a booking `[start, end)` (epoch
 * ms), as conflicts: a hard blockout or leave → `schedule-blocked` (hard,
 * never overridden), a soft blockout → `soft-blockout` (hard, a manager may
 * override), then at most one `outside-working-hours` — `not-covered` with
 * the day's hours, else `overlaps-break` naming the break — or
 * `no-working-hours-defined`. A resource with no blocks at all has no hours.
 *
 * @example scheduleConflicts(timeline, Date.parse('2027-01-12T13:30:00Z'), Date.parse('2027-01-12T14:00:00Z'))
 * // [{ kind: 'schedule-blocked', severity: 'hard', block: { blockId: 'meeting', blockKind: 'blockout', name: 'Staff meeting', … }, … }]
 */
export function scheduleConflicts(timeline: ResourceTimeline | undefined, start: number, end: number): ScheduleConflict[] {
  const none = { existingIds: [], candidateIds: [] };
  if (timeline === undefined) return [{ kind: 'no-working-hours-defined', severity: 'warning', ...none }];
  const conflicts: ScheduleConflict[] = [];
  let firstBreak: BlockOccurrence | undefined;
  let hours: ScheduleConflict | undefined;
  for (const problem of timeline.problems(start, end)) {
    switch (problem.kind) {
      case 'blocked':
        conflicts.push({ kind: 'schedule-blocked', severity: 'hard', ...none, block: conflictBlock(problem.occurrence) });
        break;
      case 'soft-blockout':
        conflicts.push({ kind: 'soft-blockout', severity: 'hard', ...none, block: conflictBlock(problem.occurrence) });
        break;
      case 'break':
        firstBreak ??= problem.occurrence;
        break;
      case 'outside-hours': {
        const override = problem.override === undefined ? {} : { override: { blockId: problem.override.id, ...named(blockName(problem.override)) } };
        hours = { kind: 'outside-working-hours', severity: 'warning', ...none, hours: 'not-covered', dayHours: problem.hours.map((span) => ({ start: iso(span.start), end: iso(span.end) })), ...override };
        break;
      }
      case 'no-hours':
        hours = { kind: 'no-working-hours-defined', severity: 'warning', ...none };
        break;
    }
  }
  if (hours === undefined && firstBreak !== undefined) {
    hours = { kind: 'outside-working-hours', severity: 'warning', ...none, hours: 'overlaps-break', block: conflictBlock(firstBreak) };
  }
  return hours === undefined ? conflicts : [...conflicts, hours];
}

function conflictBlock(occurrence: BlockOccurrence): ConflictBlock {
  return { blockId: occurrence.block.id, blockKind: occurrence.block.kind, ...named(blockName(occurrence.block)), start: iso(occurrence.start), end: iso(occurrence.end) };
}

const named = (name: string | undefined) => (name === undefined ? {} : { name });
const iso = (ms: number) => new Date(ms).toISOString();
