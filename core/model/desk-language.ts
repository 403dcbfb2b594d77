import { z } from 'zod';

/**
 * The languages the desk's words exist in (renderer/i18n has a complete
 * `Messages` for each). Dates, times and numbers are written by Intl in the
 * clinic's region whatever the language; this is only the words.
 *
 * @example deskLanguages.includes('es') // true
 */
export const deskLanguages = ['en', 'es', 'fr'] as const;

/** One of {@link deskLanguages}. */
export type DeskLanguage = (typeof deskLanguages)[number];

/** A staff member's or clinic's chosen language; any other code is refused, never shown in English by surprise. */
export const deskLanguageSchema = z.enum(deskLanguages);

const known: ReadonlySet<string> = new Set(deskLanguages);

/**
 * The desk language of a locale (`es-MX` → `es`), or `undefined` when the
 * desk has no words in it (`de-DE`): the caller says so rather than
 * switching to English without a word.
 *
 * @example languageOfLocale('fr-CA') // 'fr'
 * @example languageOfLocale('de-DE') // undefined
 */
export function languageOfLocale(locale: string): DeskLanguage | undefined {
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return known.has(language) ? (language as DeskLanguage) : undefined;
}
