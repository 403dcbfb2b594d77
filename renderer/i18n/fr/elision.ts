/**
 * French drops the vowel of "de" before a word that starts with a vowel
 * ("le planning d’Anne", "le premier lundi d’avril"). Names come in at run
 * time, so the choice is made here rather than in each sentence. A leading
 * "h" is left alone: whether it elides depends on the word ("d’Hélène" but
 * "de Hugues"), and an unelided "de" reads as a slip, a wrong "d’" as an error.
 */
const vowel = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/**
 * "de" before `word`, elided where French elides it.
 *
 * @example de('Dr Lee') // 'de Dr Lee'
 * @example de('avril') // 'd’avril'
 */
export function de(word: string): string {
  return vowel.test(word) ? `d’${word}` : `de ${word}`;
}
