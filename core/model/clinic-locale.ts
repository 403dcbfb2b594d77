import { z } from 'zod';
import { addCodedIssue } from './zod-to-validation';

/**
 * The language/region tags a clinic can choose: the ones whose dates and
 * times the app writes the local way (every one of them has its own date
 * and time formats in the platform's Intl data — checked by
 * clinic-locale.test.ts — so none quietly falls back to another). Canonical
 * BCP 47 form, in the order a picker lists them when nothing else decides.
 *
 * @example clinicLocales.includes('en-GB') // true
 */
export const clinicLocales = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'en-NZ',
  'en-IE',
  'en-IN',
  'en-ZA',
  'en-SG',
  'es-ES',
  'es-MX',
  'es-US',
  'es-AR',
  'es-CO',
  'es-CL',
  'fr-FR',
  'fr-CA',
  'fr-BE',
  'fr-CH',
  'de-DE',
  'de-AT',
  'de-CH',
  'it-IT',
  'nl-NL',
  'nl-BE',
  'pt-PT',
  'pt-BR',
  'sv-SE',
  'da-DK',
  'nb-NO',
  'fi-FI',
  'pl-PL',
  'cs-CZ',
  'el-GR',
  'tr-TR',
  'ja-JP',
  'zh-CN',
  'ko-KR',
] as const;

/** One of {@link clinicLocales}. */
export type ClinicLocale = (typeof clinicLocales)[number];

const known: ReadonlySet<string> = new Set(clinicLocales);

/**
 * A tag's canonical form (`en-gb` → `en-GB`), or `null` when it is not a
 * BCP 47 tag at all.
 *
 * @example canonicalLocale('EN-gb') // 'en-GB'
 */
export function canonicalLocale(text: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(text);
    return canonical ?? null;
  } catch {
    return null;
  }
}

/**
 * A clinic's locale: one of {@link clinicLocales}, written in any letter
 * case (stored canonical). A well-formed tag the app does not format
 * (`xx-nonsense-1234`) is refused as `unsupported-locale`, never taken and
 * quietly written in English.
 *
 * @example clinicLocaleSchema.parse('en-gb') // 'en-GB'
 */
export const clinicLocaleSchema = z
  .string()
  .transform((text) => canonicalLocale(text.trim()) ?? text)
  .superRefine((text, context) => {
    if (text === '') addCodedIssue(context, 'required', 'Language and region are required.');
    else if (canonicalLocale(text) === null) addCodedIssue(context, 'invalid-format', `"${text}" is not a language tag like en-US.`);
    else if (!known.has(text)) addCodedIssue(context, 'unsupported-locale', `Timedesk does not write dates for "${text}"; choose one of its languages and regions.`);
  });
