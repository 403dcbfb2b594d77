import type { Locator } from '@playwright/test';
import { en } from '../../renderer/i18n/en';
import type { Messages } from '../../renderer/i18n/en';

/** Every plain string of a messages object, by its key path. */
function leaves(value: unknown, path: string, into: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') into.set(path, value);
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) leaves(child, `${path}.${key}`, into);
  return into;
}

/**
 * The English words of the desk that a translated screen must not show:
 * each fixed English message, matched as a whole phrase, unless the
 * translation writes it too (on the same key, like "No" in Spanish, or
 * inside its own words, like "Agenda" in "Agenda del día"): that is not
 * English left over.
 */
export function englishPhrases(translation: Messages): RegExp[] {
  const translated = leaves(translation, '', new Map());
  const translationText = [...translated.values()].join('\n');
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const phrases = new Map<string, RegExp>();
  for (const [path, english] of leaves(en, '', new Map())) {
    // Three letters or more of words: symbols, key names and single letters say nothing about the language.
    if (phrases.has(english) || translated.get(path) === english || !/[A-Za-z]{3,}/.test(english)) continue;
    const phrase = new RegExp(`(^|[^\\p{L}])${escape(english)}($|[^\\p{L}])`, 'u');
    if (!phrase.test(translationText)) phrases.set(english, phrase);
  }
  return [...phrases.values()];
}

/**
 * The English desk phrases visible in `area` (its rendered text), for
 * `expect(await englishLeftIn(page.locator('body'), es)).toEqual([])`.
 */
export async function englishLeftIn(area: Locator, translation: Messages): Promise<string[]> {
  const shown = await area.innerText();
  return englishPhrases(translation)
    .filter((phrase) => phrase.test(shown))
    .map((phrase) => phrase.source.slice('(^|[^\\p{L}])'.length, -'($|[^\\p{L}])'.length));
}
