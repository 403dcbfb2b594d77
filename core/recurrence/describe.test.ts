import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { describeRecurrence, describeRule, englishRecurrenceLabels } from './describe';
import type { RecurrenceLabels } from './describe';
import type { RecurrenceEndInput, RecurrencePatternInput } from './builder';

describe('describeRecurrence', () => {
  const cases: [RecurrencePatternInput, RecurrenceEndInput | undefined, string][] = [
    [{ kind: 'none' }, { type: 'after', count: 5 }, 'Does not repeat'],
    [{ kind: 'daily' }, undefined, 'Every day'],
    [{ kind: 'daily', every: 3 }, { type: 'after', count: 1 }, 'Every 3 days, once'],
    [{ kind: 'weekly', every: 2, weekdays: ['wed', 'MON'] }, { type: 'after', count: 10 }, 'Every 2 weeks on Mon and Wed, 10 times'],
    [{ kind: 'weekly', weekdays: ['fri'] }, undefined, 'Every week on Fri'],
    [{ kind: 'weekly', weekdays: ['mon', 'wed', 'fri'] }, undefined, 'Every week on Mon, Wed and Fri'],
    [{ kind: 'weekdays' }, { type: 'on', date: '2026-06-30' }, 'Every weekday (Mon–Fri) until 30 Jun 2026'],
    [{ kind: 'monthly-by-date', day: 15 }, undefined, 'Monthly on day 15'],
    [{ kind: 'monthly-by-date', every: 2, day: 31 }, undefined, 'Every 2 months on day 31 (skipped in months without a day 31)'],
    [{ kind: 'monthly-by-weekday', nth: -1, weekday: 'fri' }, undefined, 'Monthly on the last Friday'],
    [{ kind: 'monthly-by-weekday', nth: 2, weekday: 'tue' }, { type: 'on', date: '2027-01-09' }, 'Monthly on the second Tuesday until 9 Jan 2027'],
    [{ kind: 'monthly-by-weekday', nth: 5, weekday: 'thu' }, undefined, 'Monthly on the fifth Thursday (skipped in months without one)'],
    [{ kind: 'yearly-by-date', month: 3, day: 3 }, undefined, 'Every year on 3 March'],
    [{ kind: 'yearly-by-date', month: 2, day: 29 }, undefined, 'Every year on 29 February (leap years only)'],
    [{ kind: 'yearly-by-weekday', every: 2, month: 11, nth: -1, weekday: 'fri' }, { type: 'after', count: 4 }, 'Every 2 years on the last Friday of November, 4 times'],
  ];
  for (const [pattern, end, text] of cases) {
    it(`says "${text}"`, () => {
      expect(describeRecurrence(pattern, end)).toBe(text);
    });
  }

  it('refuses what the builder refuses', () => {
    expect(() => describeRecurrence({ kind: 'weekly', weekdays: [] })).toThrow(ValidationError);
  });

  it('speaks another language from another table', () => {
    const german: RecurrenceLabels = {
      ...englishRecurrenceLabels,
      weekdayShort: { mon: 'Mo', tue: 'Di', wed: 'Mi', thu: 'Do', fri: 'Fr', sat: 'Sa', sun: 'So' },
      monthShort: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'],
      list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} und ${items.at(-1) ?? ''}`),
      weekly: (every, days) => `${every === 1 ? 'Jede Woche' : `Alle ${every} Wochen`} am ${days}`,
      count: (count) => `, ${count}-mal`,
      until: (date) => ` bis ${date}`,
      date: (year, month, day) => `${day}. ${month} ${year}`,
    };
    expect(describeRecurrence({ kind: 'weekly', every: 2, weekdays: ['mon', 'wed'] }, { type: 'after', count: 10 }, german)).toBe('Alle 2 Wochen am Mo und Mi, 10-mal');
    expect(describeRecurrence({ kind: 'weekly', weekdays: ['fri'] }, { type: 'on', date: '2026-03-31' }, german)).toBe('Jede Woche am Fr bis 31. März 2026');
  });
});

describe('describeRule', () => {
  it('describes stored rules, including those the builder wrote', () => {
    expect(describeRule('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3')).toBe('Every year on 3 March');
    expect(describeRule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260630')).toBe('Every weekday (Mon–Fri) until 30 Jun 2026');
    expect(describeRule(null)).toBe('Does not repeat');
  });

  it('uses the series to read a split end and a weekday left to the first start', () => {
    const context = { dtstart: '2026-03-02T09:00', tzid: 'America/New_York' }; // a Monday
    expect(describeRule('FREQ=WEEKLY;UNTIL=20260316T125959Z', context)).toBe('Every week on Mon until 15 Mar 2026');
  });

  it('shows rules the builder cannot express as they are', () => {
    expect(describeRule('FREQ=DAILY;BYHOUR=9,17')).toBe('Custom repeat rule (FREQ=DAILY;BYHOUR=9,17)');
  });
});
