import { plural } from '../plural';

/**
 * A Spanish count: the number written the Spanish way (Intl) and the word in
 * the form its plural rule asks for, so "1 cita" never reads "1 citas".
 *
 * @example count(1, 'cita', 'citas') // '1 cita'
 * @example count(2, 'cita', 'citas') // '2 citas'
 */
export function count(value: number, one: string, other: string): string {
  return plural('es', value, { one: `# ${one}`, other: `# ${other}` });
}

const spanishNumber = new Intl.NumberFormat('es');

/**
 * A number on its own, written the Spanish way.
 *
 * @example number(12000) // '12.000'
 */
export function number(value: number): string {
  return spanishNumber.format(value);
}
