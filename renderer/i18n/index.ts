import { en } from './en';

/** The app's text; one language today, chosen here when there are more. */
export const text = en;
export type { Messages } from './en';
export { problemSentence, fieldLabel } from './problem-sentence';
export { clinicFormat } from './format';
export type { ClinicFormat } from './format';
export { conflictSentence } from './conflict-sentence';
