import { describe, expect, it } from 'vitest';
import { chosenLanguage, clinicHasNoWords, clinicLanguage } from './language-choice';

describe('the desk’s language', () => {
  it('speaks the computer’s language on a new desk', () => {
    expect(chosenLanguage({ kind: 'first-run', computerLocale: 'es-MX' })).toBe('es');
    expect(chosenLanguage({ kind: 'first-run', computerLocale: 'de-DE' })).toBe('en');
  });

  it('speaks the clinic’s language on the sign-in screen', () => {
    expect(chosenLanguage({ kind: 'signed-out', clinicLocale: 'fr-CA' })).toBe('fr');
  });

  it('speaks the signed-in staff member’s choice, else the clinic’s', () => {
    expect(chosenLanguage({ kind: 'signed-in', clinicLocale: 'en-US', staffLanguage: 'es' })).toBe('es');
    expect(chosenLanguage({ kind: 'signed-in', clinicLocale: 'fr-FR', staffLanguage: undefined })).toBe('fr');
  });

  it('says when the clinic’s language has no words, its default then being English', () => {
    expect(clinicHasNoWords('de-DE')).toBe(true);
    expect(clinicLanguage('de-DE')).toBe('en');
    expect(clinicHasNoWords('es-ES')).toBe(false);
  });
});
