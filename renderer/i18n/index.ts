/** The app's text in the language the desk shows now (see current-language.ts), and the helpers that word things. */
export { text, setDeskLanguage, deskLanguage, subscribeDeskLanguage, liveMessages, messagesIn, displayLocale } from './current-language';
export type { Messages } from './en';
export { problemSentence, fieldLabel } from './problem-sentence';
export { clinicFormat } from './format';
export type { ClinicFormat } from './format';
export { conflictSentence } from './conflict-sentence';
export { refusalSentence } from './refusal-sentence';
