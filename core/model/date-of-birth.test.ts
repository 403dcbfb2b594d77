import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { ageOn, checkDateOfBirth } from './date-of-birth';

describe('checkDateOfBirth', () => {
  it('refuses a birth after today, naming the field', () => {
    expect(() => checkDateOfBirth('2026-11-26', '2026-11-25')).toThrow(ValidationError);
    try {
      checkDateOfBirth('2031-01-01', '2026-11-25', 'changes.dateOfBirth');
    } catch (error) {
      expect(error).toMatchObject({ code: 'date-in-future', field: 'changes.dateOfBirth' });
    }
  });

  it('takes today and any plausible age, and warns past 120 years', () => {
    expect(checkDateOfBirth('2026-11-25', '2026-11-25')).toEqual({ warning: null, age: 0 });
    expect(checkDateOfBirth('1906-11-26', '2026-11-25')).toEqual({ warning: null, age: 119 });
    expect(checkDateOfBirth('1905-11-25', '2026-11-25')).toEqual({ warning: 'implausible-age', age: 121 });
  });

  it('counts whole years, a birthday later this year not yet', () => {
    expect(ageOn('1980-12-10', '2026-12-09')).toBe(45);
    expect(ageOn('1980-12-10', '2026-12-10')).toBe(46);
    expect(ageOn('2024-02-29', '2025-02-28')).toBe(0);
  });
});
