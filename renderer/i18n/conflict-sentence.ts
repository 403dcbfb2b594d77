import type { Conflict } from '../../core/overlap';
import { text } from './current-language';
import type { Messages } from './en';

/** What a sentence may need besides the conflict: other words, and the clinic's clock for schedule times. */
export interface ConflictSentenceOptions {
  messages?: Messages;
  /** An instant as the clinic's clock shows it (`13:00`); without it, schedule findings leave times out. */
  time?: (instant: number) => string;
}

const dayMs = 86_400_000;

/**
 * One booking-check finding in words: resource problems name the resource
 * ("Dr Adams is already booked at that time"), schedule findings name the
 * block and its time ("Dr Lee — Staff meeting 13:00–14:00: nobody can book
 * then"), the rest say what is wrong ("The clinic is closed that day:
 * Thanksgiving").
 *
 * @example conflictSentence({ kind: 'resource-double-booked', resourceId: 'dr-a', … }, (id) => 'Dr Adams') // 'Dr Adams is already booked at that time'
 */
export function conflictSentence(
  conflict: Pick<Conflict, 'kind' | 'resourceId' | 'closureReason' | 'block' | 'hours' | 'dayHours' | 'override'>,
  resourceName: (id: string) => string,
  options: ConflictSentenceOptions = {},
): string {
  const messages = options.messages ?? text;
  const words = messages.schedule;
  const resource = resourceName(conflict.resourceId ?? '');
  const span = (start: string, end: string) => {
    const from = Date.parse(start);
    const to = Date.parse(end);
    if (to - from >= dayMs - 2 * 3_600_000) return words.allDay;
    return options.time ? `${options.time(from)}–${options.time(to)}` : '';
  };
  switch (conflict.kind) {
    case 'schedule-blocked': {
      const block = conflict.block;
      if (!block) return messages.dialog.conflictWith(resource, messages.conflictKinds[conflict.kind]);
      const time = span(block.start, block.end);
      return block.blockKind === 'leave' ? words.onLeaveThen(resource, block.name ?? words.kinds.leave, time) : words.blocked(resource, block.name ?? words.unnamedBlockout, time);
    }
    case 'soft-blockout':
      return conflict.block ? words.softBlocked(resource, conflict.block.name ?? words.unnamedBlockout, span(conflict.block.start, conflict.block.end)) : messages.dialog.conflictWith(resource, messages.conflictKinds[conflict.kind]);
    case 'outside-working-hours':
      if (conflict.hours === 'overlaps-break' && conflict.block) return words.onBreak(resource, conflict.block.name ?? words.unnamedBreak, span(conflict.block.start, conflict.block.end));
      if (conflict.dayHours && options.time) {
        const hours = conflict.dayHours.map((stretch) => span(stretch.start, stretch.end)).join(', ');
        return words.outsideDay(resource, hours, conflict.override?.name);
      }
      return messages.dialog.conflictWith(resource, messages.conflictKinds[conflict.kind]);
    case 'resource-double-booked':
    case 'no-working-hours-defined':
      return messages.dialog.conflictWith(resource, messages.conflictKinds[conflict.kind]);
    case 'closed':
      return conflict.closureReason ? messages.dialog.closedFor(conflict.closureReason) : messages.conflictKinds.closed;
    case 'patient-double-booked':
      return messages.conflictKinds[conflict.kind];
  }
}
