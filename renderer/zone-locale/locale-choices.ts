import { canonicalLocale, clinicLocales } from '../../core/model';
import type { ClinicLocale } from '../../core/model';

/** One locale as the picker lists it. */
export interface LocaleChoice {
  locale: ClinicLocale;
  /** Its name in the app's language: `English (United Kingdom)`. */
  name: string;
  /** A date written its way, so the choice is concrete: `28/10/2026`. */
  example: string;
}

/**
 * The listed locale closest to the computer's languages (`navigator.languages`,
 * in order of preference): an exact match first, then one of the same
 * language and region written differently, then the first listed locale of
 * the same language; `en-US` when none of them is listed.
 *
 * @example deskLocale(['en-AU', 'en']) // 'en-AU'
 * @example deskLocale(['de']) // 'de-DE'
 * @example deskLocale(['xx-YY']) // 'en-US'
 */
export function deskLocale(languages: readonly string[]): ClinicLocale {
  const wanted = languages.map((tag) => canonicalLocale(tag)).filter((tag): tag is string => tag !== null);
  for (const tag of wanted) {
    const exact = clinicLocales.find((locale) => locale === tag);
    if (exact) return exact;
  }
  for (const tag of wanted) {
    const language = tag.split('-')[0];
    const sameLanguage = clinicLocales.find((locale) => locale.split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return 'en-US';
}

/**
 * Every locale the app formats, the computer's first, each named in
 * `displayLanguage` with an example date (`exampleDate`, a UTC instant).
 *
 * @example localeChoices('en-GB', 'en', Date.UTC(2026, 9, 28))[0] // { locale: 'en-GB', name: 'English (United Kingdom)', example: '28/10/2026' }
 */
export function localeChoices(first: ClinicLocale, displayLanguage: string, exampleDate: number): LocaleChoice[] {
  const names = new Intl.DisplayNames([displayLanguage], { type: 'language' });
  const ordered = [first, ...clinicLocales.filter((locale) => locale !== first)];
  return ordered.map((locale) => ({
    locale,
    name: names.of(locale) ?? locale,
    example: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' }).format(exampleDate),
  }));
}
