import { describe, expect, it } from 'vitest';
import { ValidationError, validationCodes } from '../validation';
import { expandRule, MAX_OCCURRENCES } from './index';
import type { RuleSpec } from './index';

const base: RuleSpec = { dtstart: '2025-01-06T09:00', tzid: 'Europe/London', rrule: 'FREQ=WEEKLY;COUNT=4' };

function refusal(spec: Partial<RuleSpec>, window?: Parameters<typeof expandRule>[1]): { code: string; field: string; message: string } {
  try {
    expandRule({ ...base, ...spec } as RuleSpec, window);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { code, field, message } = error as ValidationError;
    expect(validationCodes).toContain(code);
    expect(message.length).toBeGreaterThan(10);
    return { code, field, message };
  }
  throw new Error('expected a ValidationError');
}

describe('expandRule refuses bad input with a code and the field', () => {
  it('unknown zone → unknown-zone on tzid', () => {
    expect(refusal({ tzid: 'Mars/Olympus_Mons' })).toMatchObject({ code: 'unknown-zone', field: 'tzid' });
  });

  it.each([
    ['2025-01-06 09:00', 'invalid-format'],
    ['2025-02-30T09:00', 'invalid-date'],
    ['2025-01-06T25:00', 'invalid-time'],
  ])('dtstart %s → %s on dtstart', (dtstart, code) => {
    expect(refusal({ dtstart })).toMatchObject({ code, field: 'dtstart' });
  });

  it.each([
    ['', /empty/],
    ['INTERVAL=2', /FREQ is required/],
    ['FREQ=FORTNIGHTLY', /not a frequency/],
    ['FREQ=WEEKLY;BYEASTER=0', /BYEASTER is not an RFC 5545 rule part/],
    ['FREQ=WEEKLY;X-NAME=1', /not an RFC 5545 rule part/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY value "XX"/],
    ['FREQ=MONTHLY;BYDAY=0MO', /ordinal must be 1 to 53/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY value 0 is out of range/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /out of range/],
    ['FREQ=DAILY;BYHOUR=24', /BYHOUR value 24/],
    ['FREQ=DAILY;BYMINUTE=60', /BYMINUTE value 60/],
    ['FREQ=DAILY;BYSECOND=60', /leap second/],
    ['FREQ=YEARLY;BYMONTH=13', /BYMONTH value 13/],
    ['FREQ=YEARLY;BYYEARDAY=367', /BYYEARDAY value 367/],
    ['FREQ=YEARLY;BYWEEKNO=54', /BYWEEKNO value 54/],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', /BYSETPOS value 0/],
    ['FREQ=WEEKLY;WKST=XX', /WKST needs a weekday/],
    ['FREQ=WEEKLY;FREQ=DAILY', /FREQ appears more than once/],
    ['FREQ=WEEKLY;INTERVAL=two', /INTERVAL needs a whole number/],
    ['FREQ=WEEKLY;COUNT=1.5', /COUNT needs a whole number/],
    ['FREQ=WEEKLY;UNTIL=2025-12-31', /UNTIL "2025-12-31"/],
    ['FREQ=WEEKLY;UNTIL=20250230', /not a real date/],
    ['FREQ=WEEKLY;BYDAY', /NAME=VALUE/],
    ['FREQ=WEEKLY;BYDAY=1MO', /needs FREQ=MONTHLY or YEARLY/],
    ['FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO', /cannot be combined with BYWEEKNO/],
    ['FREQ=MONTHLY;BYWEEKNO=20', /BYWEEKNO is only allowed with FREQ=YEARLY/],
    ['FREQ=MONTHLY;BYYEARDAY=100', /BYYEARDAY is not allowed with FREQ=MONTHLY/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /BYMONTHDAY is not allowed with FREQ=WEEKLY/],
    ['FREQ=MONTHLY;BYSETPOS=1', /BYSETPOS needs another BYxxx/],
  ])('rrule %j → invalid-rrule on rrule (%s)', (rrule, message) => {
    const problem = refusal({ rrule });
    expect(problem).toMatchObject({ code: 'invalid-rrule', field: 'rrule' });
    expect(problem.message).toMatch(message);
  });

  it('accepts the RRULE: prefix and lower case, as RFC 5545 names are case-insensitive', () => {
    expect(expandRule({ ...base, rrule: 'rrule:freq=weekly;count=2;byday=mo' })).toHaveLength(2);
  });

  it.each([
    ['FREQ=WEEKLY;INTERVAL=0', 'invalid-interval'],
    ['FREQ=WEEKLY;INTERVAL=-1', 'invalid-interval'],
    ['FREQ=WEEKLY;COUNT=0', 'invalid-count'],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20251231', 'conflicting-end'],
    ['FREQ=WEEKLY;UNTIL=20250105T235959Z', 'until-before-start'],
    ['FREQ=WEEKLY;UNTIL=20250105', 'until-before-start'],
    ['FREQ=WEEKLY;UNTIL=20250106T085959', 'until-before-start'],
  ])('rrule %s → %s', (rrule, code) => {
    expect(refusal({ rrule })).toMatchObject({ code, field: 'rrule' });
  });

  it('an UNTIL equal to DTSTART is allowed and gives DTSTART alone', () => {
    expect(expandRule({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20250106T090000Z' })).toEqual([{ local: '2025-01-06T09:00:00', utc: '2025-01-06T09:00:00.000Z' }]);
  });

  it('names the bad exdate and rdate by position', () => {
    expect(refusal({ exdates: ['2025-01-13T09:00', '2025-02-30T09:00'] })).toMatchObject({ code: 'invalid-date', field: 'exdates.1' });
    expect(refusal({ rdates: ['next tuesday'] })).toMatchObject({ code: 'invalid-format', field: 'rdates.0' });
    expect(refusal({ exdates: '2025-01-13T09:00' as unknown as string[] })).toMatchObject({ code: 'invalid-format', field: 'exdates' });
  });

  it('refuses a window instant without a zone (it would depend on the host), naming the bound', () => {
    expect(refusal({}, { from: '2025-01-01T00:00:00' })).toMatchObject({ code: 'invalid-format', field: 'window.from' });
    expect(refusal({}, { to: 'soon' })).toMatchObject({ code: 'invalid-format', field: 'window.to' });
  });

  it('refuses a window that ends before it starts, and a bad limit', () => {
    expect(refusal({}, { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' })).toMatchObject({ code: 'end-not-after-start', field: 'window.to' });
    expect(refusal({}, { limit: -1 })).toMatchObject({ code: 'invalid-count', field: 'window.limit' });
    expect(refusal({}, { limit: 2.5 })).toMatchObject({ code: 'invalid-count', field: 'window.limit' });
  });

  it('refuses a missing spec and a window that is not an object', () => {
    expect(() => expandRule(null as unknown as RuleSpec)).toThrow(expect.objectContaining({ code: 'required', field: 'spec' }) as Error);
    expect(refusal({}, 'next week' as unknown as { to: string })).toMatchObject({ code: 'invalid-format', field: 'window' });
  });

  it('a never-ending rule needs window.to or window.limit', () => {
    expect(refusal({ rrule: 'FREQ=DAILY' })).toMatchObject({ code: 'window-required', field: 'window.to' });
    expect(refusal({ rrule: 'FREQ=DAILY' }, { from: '2025-01-01T00:00:00Z' })).toMatchObject({ code: 'window-required', field: 'window.to' });
    expect(expandRule({ ...base, rrule: 'FREQ=DAILY' }, { limit: 3 })).toHaveLength(3);
    expect(expandRule({ ...base, rrule: 'FREQ=DAILY' }, { to: '2025-01-09T00:00:00Z' })).toHaveLength(3);
  });
});

describe('the occurrence cap', () => {
  it(`refuses more than ${MAX_OCCURRENCES} occurrences instead of cutting them silently`, () => {
    const problem = refusal({ rrule: 'FREQ=DAILY' }, { to: '2060-01-01T00:00:00Z' });
    expect(problem).toMatchObject({ code: 'too-many-occurrences' });
    expect(problem.message).toContain(String(MAX_OCCURRENCES));
    expect(refusal({ rrule: `FREQ=DAILY;COUNT=${MAX_OCCURRENCES + 1}` })).toMatchObject({ code: 'too-many-occurrences' });
  });

  it('allows exactly the cap, and a limit below it on a longer series', () => {
    expect(expandRule({ ...base, rrule: `FREQ=DAILY;COUNT=${MAX_OCCURRENCES}` })).toHaveLength(MAX_OCCURRENCES);
    expect(expandRule({ ...base, rrule: 'FREQ=DAILY' }, { to: '2060-01-01T00:00:00Z', limit: 20 })).toHaveLength(20);
  });

  it('counts a gap instant and an RDATE on the same instant once', () => {
    const spec = { ...base, rrule: `FREQ=DAILY;COUNT=${MAX_OCCURRENCES}`, rdates: ['2025-01-07T09:00'] };
    expect(expandRule(spec)).toHaveLength(MAX_OCCURRENCES);
  });
});
