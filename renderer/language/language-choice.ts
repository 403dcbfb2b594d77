import { languageOfLocale } from '../../core/model';
import type { DeskLanguage } from '../../core/model';

/** What decides the desk's language at a moment. */
export type LanguageSituation =
  /** A new desk: nobody has chosen anything yet, so the computer's own language. */
  | { kind: 'first-run'; computerLocale: string }
  /** The sign-in screen: the clinic's language. */
  | { kind: 'signed-out'; clinicLocale: string }
  /** Someone is signed in: their choice, else the clinic's. */
  | { kind: 'signed-in'; clinicLocale: string; staffLanguage: DeskLanguage | undefined };

/**
 * The language the desk shows. Where a locale's language has no words on
 * the desk (a clinic in `de-DE`), English, which the language picker says
 * in words (`clinicHasNoWords`), never silently.
 *
 * @example chosenLanguage({ kind: 'signed-in', clinicLocale: 'en-US', staffLanguage: 'es' }) // 'es'
 */
export function chosenLanguage(situation: LanguageSituation): DeskLanguage {
  switch (situation.kind) {
    case 'first-run':
      return languageOfLocale(situation.computerLocale) ?? 'en';
    case 'signed-out':
      return clinicLanguage(situation.clinicLocale);
    case 'signed-in':
      return situation.staffLanguage ?? clinicLanguage(situation.clinicLocale);
  }
}

/** The clinic's default: its locale's language, or English where the desk has none. */
export function clinicLanguage(clinicLocale: string): DeskLanguage {
  return languageOfLocale(clinicLocale) ?? 'en';
}

/** True when the clinic's locale is in a language the desk has no words for (so its default is English). */
export function clinicHasNoWords(clinicLocale: string): boolean {
  return languageOfLocale(clinicLocale) === undefined;
}
