import { describe, expect, it } from 'vitest';
import { deskLanguageSchema, languageOfLocale } from './desk-language';
import { staffMemberSchema } from './staff-member';

describe('desk languages', () => {
  it('takes a locale’s language when the desk has words in it', () => {
    expect(languageOfLocale('es-MX')).toBe('es');
    expect(languageOfLocale('fr-CA')).toBe('fr');
    expect(languageOfLocale('en-GB')).toBe('en');
  });

  it('says there is none for a language without words, instead of English', () => {
    expect(languageOfLocale('de-DE')).toBeUndefined();
    expect(languageOfLocale('')).toBeUndefined();
  });

  it('refuses a language code it has no words for', () => {
    expect(deskLanguageSchema.safeParse('de').success).toBe(false);
    expect(deskLanguageSchema.safeParse('es').success).toBe(true);
  });

  it('keeps a staff member’s language, which may be left to the clinic', () => {
    const member = { id: 's1', displayName: 'Ana Ruiz', username: 'ana', role: 'front_desk' };
    expect(staffMemberSchema.parse({ ...member, language: 'es' }).language).toBe('es');
    expect(staffMemberSchema.parse(member).language).toBeUndefined();
    expect(staffMemberSchema.safeParse({ ...member, language: 'xx' }).success).toBe(false);
  });
});
