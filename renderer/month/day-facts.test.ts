import { describe, expect, it } from 'vitest';
import { monthGridDates } from '../../core/month';
import { firstDayOfWeek } from '../dates/calendar-dates';
import { clinicFormat } from '../i18n';
import { dayFacts, hoursFormat } from './day-facts';

const day = { date: '2026-11-25', inMonth: true, booked: 1, availableMinutes: 480, freeMinutes: 450, leave: [] };

describe('the month view in the clinic’s locale', () => {
  it('starts the weeks on Sunday in en-US and on Monday in en-GB', () => {
    const us = monthGridDates('2026-11', firstDayOfWeek('en-US'));
    const gb = monthGridDates('2026-11', firstDayOfWeek('en-GB'));
    expect([us[0], us.length]).toEqual(['2026-11-01', 35]); // Sunday 1 November … Saturday 5 December
    expect([gb[0], gb.at(-1), gb.length]).toEqual(['2026-10-26', '2026-12-06', 42]); // Monday 26 October … Sunday 6 December
    expect(clinicFormat('en-US', 'America/New_York').weekday(us[0] as string)).toBe('Sun');
    expect(clinicFormat('en-GB', 'Europe/London').weekday(gb[0] as string)).toBe('Mon');
  });

  it('says each day’s figures, with no free time where nothing is bookable and the reason why', () => {
    const hours = hoursFormat('en-US');
    expect(dayFacts(day, '2026-11-25', 'en-US', hours)).toEqual(['1 booked', '7.5 hr free', 'Today']);
    expect(dayFacts({ ...day, booked: 0, freeMinutes: 480 }, '2026-11-24', 'en-US', hours)).toEqual(['0 booked', '8 hr free']);
    expect(dayFacts({ ...day, booked: 0, availableMinutes: 0, freeMinutes: 0, closed: 'Thanksgiving' }, '2026-11-24', 'en-US', hours)).toEqual(['0 booked', 'Closed: Thanksgiving']);
    expect(dayFacts({ ...day, booked: 2, availableMinutes: 0, freeMinutes: 0, leave: ['Holiday', ''] }, '2026-11-24', 'en-US', hours)).toEqual(['2 booked', 'On leave: Holiday']);
    expect(dayFacts({ ...day, booked: 0, availableMinutes: 0, freeMinutes: 0 }, '2026-11-24', 'en-US', hours)).toEqual(['0 booked', 'No hours']);
    expect(hoursFormat('fr-FR').format(7.5)).toBe('7,5\u202fh');
  });
});
