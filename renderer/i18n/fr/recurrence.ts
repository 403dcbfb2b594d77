import type { RecurrenceLabels } from '../../../core/recurrence';
import { plural } from '../plural';
import { de } from './elision';

/** "Tous les 2 jours", "Toutes les 3 semaines": the count and the noun's gender pick the words. */
const every = (count: number, one: string, many: (count: number) => string) => (count === 1 ? one : many(count));

/** French writes the first of the month as an ordinal: "le 1er mars". */
const dayOfMonth = (day: number) => (day === 1 ? '1er' : String(day));

/**
 * The repeat rule in French, for core/recurrence's describeRecurrence.
 * `weekdayShort` carries the article ("le lundi"): the weekly sentence is its
 * only reader, and French repeats the article before each day
 * ("le lundi et le mercredi") where English lists bare names.
 *
 * @example frenchRecurrenceLabels.weekly(2, 'le lundi et le mercredi') // 'Toutes les 2 semaines le lundi et le mercredi'
 */
export const frenchRecurrenceLabels: RecurrenceLabels = {
  none: 'Ne se répète pas',
  weekdayShort: { mon: 'le lundi', tue: 'le mardi', wed: 'le mercredi', thu: 'le jeudi', fri: 'le vendredi', sat: 'le samedi', sun: 'le dimanche' },
  weekdayLong: { mon: 'lundi', tue: 'mardi', wed: 'mercredi', thu: 'jeudi', fri: 'vendredi', sat: 'samedi', sun: 'dimanche' },
  monthShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  monthLong: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ordinal: { 1: 'premier', 2: 'deuxième', 3: 'troisième', 4: 'quatrième', 5: 'cinquième', [-1]: 'dernier' },
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items.at(-1) ?? ''}`),
  daily: (count) => every(count, 'Tous les jours', (n) => `Tous les ${n} jours`),
  weekly: (count, weekdays) => `${every(count, 'Chaque semaine', (n) => `Toutes les ${n} semaines`)} ${weekdays}`,
  weekdays: 'Du lundi au vendredi',
  monthlyByDate: (count, day) => `${every(count, 'Tous les mois', (n) => `Tous les ${n} mois`)} le ${dayOfMonth(day)}`,
  monthlyByWeekday: (count, ordinal, weekday) => `${every(count, 'Tous les mois', (n) => `Tous les ${n} mois`)} le ${ordinal} ${weekday}`,
  yearlyByDate: (count, day, month) => `${every(count, 'Tous les ans', (n) => `Tous les ${n} ans`)} le ${dayOfMonth(day)} ${month}`,
  yearlyByWeekday: (count, ordinal, weekday, month) => `${every(count, 'Tous les ans', (n) => `Tous les ${n} ans`)} le ${ordinal} ${weekday} ${de(month)}`,
  skipsShortMonths: (day) => ` (sauf les mois qui n’ont pas de ${day})`,
  leapYearsOnly: ' (années bissextiles seulement)',
  skipsMonthsWithoutFifth: ' (sauf les mois qui n’en ont pas)',
  count: (count) => (count === 1 ? ', une fois' : `, ${plural('fr', count, { one: '# fois', other: '# fois' })}`),
  until: (date) => ` jusqu’au ${date}`,
  date: (year, month, day) => `${dayOfMonth(day)} ${month} ${year}`,
  custom: (rrule) => `Règle de répétition personnalisée (${rrule})`,
};
