import * as rruleModule from 'rrule';

type RruleExports = typeof rruleModule;

/**
 * rrule.js, loaded the same way everywhere. Bundlers (Vite, Vitest) pick its
 * ES module build, which has named exports; Node's own ESM loader (the server,
 * `tsx` scripts, benchmarks) picks its UMD `main` build, whose exports only
 * show up under `default`. Import rrule.js through this file, never directly.
 *
 * @example new RRule({ freq: RRule.DAILY, count: 2, dtstart: new Date(Date.UTC(2025, 0, 1)), tzid: null }).all().length // 2
 */
// Reflect.get: a plain `.default` makes bundlers warn that the ES build has no default export.
const library: RruleExports = 'RRule' in rruleModule ? rruleModule : (Reflect.get(rruleModule, 'default') as RruleExports);

export const { RRule, Weekday, rrulestr } = library;
export type { Options } from 'rrule';
