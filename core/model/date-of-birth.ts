import { ValidationError } from '../validation';
import type { CalendarDate } from './calendar-fields';

/** Oldest age the desk takes without a second look: past it, a date of birth is most likely a typo. */
export const plausibleAgeYears = 120;

/**
 * Whole years between a date of birth and `today` (both calendar dates on
 * the clinic's clock).
 *
 * @example ageOn('1815-12-10', '2026-12-09') // 210
 */
export function ageOn(dateOfBirth: CalendarDate, today: CalendarDate): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * THE date-of-birth rule of every form and command: a birth after `today` is
 * refused (`date-in-future`, naming `field`); one that makes the patient older
 * than {@link plausibleAgeYears} is allowed but answered with a warning for
 * the form to show. The engine does not know "today", so the caller passes
 * it (a command: its `now` on the clinic's clock).
 *
 * @example checkDateOfBirth('2031-01-01', '2026-11-25') // throws ValidationError('date-in-future', 'dateOfBirth', …)
 * @example checkDateOfBirth('1880-05-01', '2026-11-25') // { warning: 'implausible-age', age: 146 }
 * @example checkDateOfBirth('1980-05-01', '2026-11-25') // { warning: null, age: 46 }
 */
export function checkDateOfBirth(dateOfBirth: CalendarDate, today: CalendarDate, field = 'dateOfBirth'): { warning: 'implausible-age' | null; age: number } {
  if (dateOfBirth > today) throw new ValidationError('date-in-future', field, `The date of birth ${dateOfBirth} is after today (${today}).`);
  const age = ageOn(dateOfBirth, today);
  return { warning: age > plausibleAgeYears ? 'implausible-age' : null, age };
}
