export { downtimePack, downtimeDays } from './downtime-pack';
export type { DowntimePack, DowntimePackInput, DowntimeFile, DowntimeVisit } from './downtime-pack';
export { downtimeWordsSchema } from './downtime-words';
export type { DowntimeWords } from './downtime-words';
export { escapeHtml } from './html-text';
