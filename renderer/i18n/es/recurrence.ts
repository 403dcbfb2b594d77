import type { RecurrenceLabels } from '../../../core/recurrence';
import { plural } from '../plural';

const every = (count: number, one: string, many: string) => (count === 1 ? one : `Cada ${count} ${many}`);

/**
 * Repeat rules in Spanish words for core/recurrence's `describeRecurrence`.
 * The summary names a weekly rule's days after "los" ("los lunes y
 * miércoles"), so `weekdayShort` holds the day names in the form that
 * follows it (sábados, domingos); nothing else reads that table. Ordinals
 * are the forms that go before a day ("el primer lunes", "el tercer martes").
 *
 * @example describeRecurrence({ kind: 'weekly', every: 2, weekdays: ['mon', 'wed'] }, { type: 'after', count: 10 }, spanishRecurrenceLabels)
 * // 'Cada 2 semanas los lunes y miércoles, 10 veces'
 */
export const spanishRecurrenceLabels: RecurrenceLabels = {
  none: 'No se repite',
  weekdayShort: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábados', sun: 'domingos' },
  weekdayLong: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado', sun: 'domingo' },
  monthShort: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
  monthLong: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ordinal: { 1: 'primer', 2: 'segundo', 3: 'tercer', 4: 'cuarto', 5: 'quinto', [-1]: 'último' },
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items.at(-1) ?? ''}`),
  daily: (count) => every(count, 'Todos los días', 'días'),
  weekly: (count, weekdays) => `${every(count, 'Cada semana', 'semanas')} los ${weekdays}`,
  weekdays: 'Todos los días laborables (lunes a viernes)',
  monthlyByDate: (count, day) => `${every(count, 'Cada mes', 'meses')} el día ${day}`,
  monthlyByWeekday: (count, ordinal, weekday) => `${every(count, 'Cada mes', 'meses')} el ${ordinal} ${weekday}`,
  yearlyByDate: (count, day, month) => `${every(count, 'Cada año', 'años')} el ${day} de ${month}`,
  yearlyByWeekday: (count, ordinal, weekday, month) => `${every(count, 'Cada año', 'años')} el ${ordinal} ${weekday} de ${month}`,
  skipsShortMonths: (day) => ` (se omite en los meses que no tienen día ${day})`,
  leapYearsOnly: ' (solo en años bisiestos)',
  skipsMonthsWithoutFifth: ' (se omite en los meses que no tienen quinto)',
  count: (count) => plural('es', count, { one: ', una vez', other: ', # veces' }),
  until: (date) => ` hasta el ${date}`,
  date: (year, month, day) => `${day} ${month} ${year}`,
  custom: (rrule) => `Regla de repetición personalizada (${rrule})`,
};
