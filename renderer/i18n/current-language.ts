import { languageOfLocale } from '../../core/model';
import type { DeskLanguage } from '../../core/model';
import { en } from './en';
import type { Messages } from './en';
import { es } from './es';
import { fr } from './fr';

/** A complete `Messages` for every desk language: the compiler refuses one that is missing. */
const catalogues: Record<DeskLanguage, Messages> = { en, es, fr };

/**
 * The words of the language the desk shows now. A live binding: it changes
 * when the signed-in staff member's language does ({@link setDeskLanguage}),
 * so it is read while rendering, never copied at module level (a lint rule
 * refuses that; {@link liveMessages} is the module-level way).
 */
export let text: Messages = en;
let current: DeskLanguage = 'en';
const listeners = new Set<() => void>();

/**
 * Switches the desk's words. The app re-renders its screens under a key of
 * the language (renderer/app), so everything on screen takes the new words.
 *
 * @example setDeskLanguage('es'); text.nav.daySheet // 'Hoja del día' (whatever es.ts says)
 */
export function setDeskLanguage(language: DeskLanguage): void {
  if (language === current) return;
  current = language;
  text = catalogues[language];
  for (const listener of listeners) listener();
}

/** The language the desk shows now. */
export function deskLanguage(): DeskLanguage {
  return current;
}

/** Calls `listener` after each switch; returns the unsubscribe (for `useSyncExternalStore`). */
export function subscribeDeskLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The words of one language, e.g. for a language's own name in a picker. */
export function messagesIn(language: DeskLanguage): Messages {
  return catalogues[language];
}

/**
 * One group of the current words that stays current: property reads go to
 * the language shown at the time of the read. For module-level
 * `const words = liveMessages('openings')`.
 *
 * @example const words = liveMessages('waitlist'); words.title // in the language of the moment
 */
export function liveMessages<Group extends keyof Messages>(group: Group): Messages[Group] {
  const now = () => text[group] as object;
  return new Proxy({} as Messages[Group] & object, {
    get: (_target, key) => Reflect.get(now(), key),
    has: (_target, key) => Reflect.has(now(), key),
    ownKeys: () => Reflect.ownKeys(now()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(now(), key);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
  });
}

/**
 * The locale dates, times and numbers are written in: the clinic's own when
 * its language is the desk's (`en-GB` for English), otherwise the desk's
 * language in the clinic's region (`es-GB`: Spanish words, British week and
 * clock conventions where the language allows), so a Spanish-speaking
 * receptionist reads "lunes" next to Spanish words.
 *
 * @example displayLocale('en-US', 'es') // 'es-US'
 * @example displayLocale('fr-CA', 'fr') // 'fr-CA'
 */
export function displayLocale(clinicLocale: string, language: DeskLanguage = current): string {
  if (languageOfLocale(clinicLocale) === language) return clinicLocale;
  const region = new Intl.Locale(clinicLocale).region;
  return region === undefined ? language : `${language}-${region}`;
}
