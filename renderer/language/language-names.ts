import type { DeskLanguage } from '../../core/model';

/**
 * A language's own name, as a speaker of it reads it in a list
 * ("Español", "Français"), from Intl's data rather than a table of ours.
 *
 * @example ownName('fr') // 'Français'
 */
export function ownName(language: DeskLanguage): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
