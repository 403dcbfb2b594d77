import type { CommandError } from '../../core/commands';
import { conflictSentence } from './conflict-sentence';
import { text } from './current-language';
import { problemSentence } from './problem-sentence';

/**
 * The words a receptionist reads for a refused command: the first
 * hard conflict for a booking conflict, the i18n sentence for any other
 * refusal. Never the engine's `message`, which is English for the logs.
 *
 * @example refusalSentence({ code: 'booking-conflict', hard: [{ kind: 'resource-double-booked', resourceId: 'dr-lee', … }], … }, (id) => 'Dr Lee') // 'Dr Lee is already booked at that time'
 */
export function refusalSentence(error: CommandError, resourceName: (id: string) => string): string {
  if (error.code !== 'booking-conflict') return problemSentence(error);
  const first = error.hard[0];
  return first ? conflictSentence(first, resourceName) : text.dialog.conflictTitle;
}
