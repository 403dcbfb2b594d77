/**
 * A count's words by the locale's plural rules (`Intl.PluralRules`): English
 * and Spanish say "1 visit / 2 visits", French "0 visite, 1 visite, 2 visites"
 * (French is singular below 2). `#` stands for the number, written by the
 * locale's `Intl.NumberFormat`. Forms the language lacks fall back to `other`.
 */
export interface PluralForms {
  one: string;
  other: string;
  /** Spanish and French use it for millions ("1 000 000 de visites"). */
  many?: string;
  zero?: string;
  two?: string;
  few?: string;
}

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/**
 * The words for `count` in `locale`.
 *
 * @example plural('en-US', 1, { one: '# visit', other: '# visits' }) // '1 visit'
 * @example plural('fr-FR', 0, { one: '# visite', other: '# visites' }) // '0 visite'
 * @example plural('en-US', 1200, { one: '# visit', other: '# visits' }) // '1,200 visits'
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (rule === undefined) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  let number = numbers.get(locale);
  if (number === undefined) numbers.set(locale, (number = new Intl.NumberFormat(locale)));
  const category = rule.select(count) as keyof PluralForms;
  return (forms[category] ?? forms.other).replace('#', number.format(count));
}
