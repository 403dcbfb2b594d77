import { describe, expect, it } from 'vitest';
import { clinicLocaleSchema, clinicLocales } from './clinic-locale';
import { parseWith } from './zod-to-validation';
import { ValidationError } from '../validation';

function refusal(text: string) {
  try {
    parseWith(clinicLocaleSchema, text);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.code;
    throw error;
  }
}

describe('clinicLocaleSchema', () => {
  it('takes each listed locale in any letter case, stored canonical', () => {
    expect(parseWith(clinicLocaleSchema, 'en-gb')).toBe('en-GB');
    expect(parseWith(clinicLocaleSchema, ' FR-ca ')).toBe('fr-CA');
  });

  it('refuses a well-formed tag the app does not format, instead of writing it in English', () => {
    expect(refusal('xx-nonsense-1234')).toBe('unsupported-locale');
    expect(refusal('en')).toBe('unsupported-locale');
    expect(refusal('not a locale!')).toBe('invalid-format');
    expect(refusal('')).toBe('required');
  });

  it.each(clinicLocales)('%s has its own date formats in Intl, so nothing falls back to another language', (locale) => {
    expect(Intl.DateTimeFormat.supportedLocalesOf([locale])).toEqual([locale]);
    // ICU may resolve to the language alone when the region writes dates no differently (nb-NO → nb).
    const resolved = new Intl.DateTimeFormat(locale).resolvedOptions().locale;
    expect([locale, locale.split('-')[0]]).toContain(resolved);
  });
});
