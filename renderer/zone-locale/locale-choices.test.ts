import { describe, expect, it } from 'vitest';
import { clinicLocales } from '../../core/model';
import { deskLocale, localeChoices } from './locale-choices';

describe('deskLocale', () => {
  it('matches the computer’s languages to the list: exactly, then by language, else en-US', () => {
    expect(deskLocale(['en-AU', 'en'])).toBe('en-AU');
    expect(deskLocale(['fr-ca'])).toBe('fr-CA');
    expect(deskLocale(['de'])).toBe('de-DE');
    expect(deskLocale(['xx-nonsense-1234', 'es-419'])).toBe('es-ES');
    expect(deskLocale(['xx-nonsense-1234'])).toBe('en-US');
    expect(deskLocale([])).toBe('en-US');
  });
});

describe('localeChoices', () => {
  it('lists every locale the app formats, the computer’s first, named with a date written its way', () => {
    const choices = localeChoices('en-GB', 'en', Date.UTC(2026, 9, 28, 12));
    expect(choices).toHaveLength(clinicLocales.length);
    expect(choices[0]).toEqual({ locale: 'en-GB', name: 'British English', example: '28/10/2026' });
    expect(choices.find((choice) => choice.locale === 'en-US')).toEqual({ locale: 'en-US', name: 'American English', example: '10/28/26' });
    expect(choices.find((choice) => choice.locale === 'de-DE')?.example).toBe('28.10.26');
  });
});
