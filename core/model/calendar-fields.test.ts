import { describe, expect, it } from 'vitest';
import { calendarDateSchema, minutesOfDay, timeOfDaySchema, timeZoneSchema, wallTimeSchema } from './calendar-fields';
import { parseWith } from './zod-to-validation';
import { validationResult } from './validation-result';

const problem = (schema: Parameters<typeof parseWith>[0], input: unknown) => {
  const result = validationResult(() => parseWith(schema, input, 'value'));
  return result.ok ? undefined : result.problem.code;
};

describe('calendar fields', () => {
  it('normalises wall times to include seconds and keeps gap times as typed', () => {
    expect(parseWith(wallTimeSchema, '2025-03-09T02:30')).toBe('2025-03-09T02:30:00');
    expect(problem(wallTimeSchema, '2025-02-29T10:00')).toBe('invalid-date');
    expect(problem(wallTimeSchema, '2025-03-09T24:00')).toBe('invalid-time');
    expect(problem(wallTimeSchema, '2025-03-09')).toBe('invalid-format');
  });

  it('checks zones with core/time', () => {
    expect(parseWith(timeZoneSchema, 'Australia/Adelaide')).toBe('Australia/Adelaide');
    expect(problem(timeZoneSchema, 'Adelaide')).toBe('unknown-zone');
  });

  it('checks calendar dates, leap years included', () => {
    expect(parseWith(calendarDateSchema, '2024-02-29')).toBe('2024-02-29');
    expect(problem(calendarDateSchema, '2025-02-29')).toBe('invalid-date');
    expect(problem(calendarDateSchema, '2025-13-01')).toBe('invalid-date');
    expect(problem(calendarDateSchema, '2025-1-01')).toBe('invalid-format');
  });

  it('reads times of day, with 24:00 only as an end', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(minutesOfDay('24:00')).toBeUndefined();
    expect(minutesOfDay('24:00', true)).toBe(1440);
    expect(problem(timeOfDaySchema(false), '24:00')).toBe('invalid-time');
    expect(parseWith(timeOfDaySchema(true), '24:00')).toBe('24:00');
    expect(problem(timeOfDaySchema(true), '9am')).toBe('invalid-format');
  });
});
