import { describe, expect, it } from 'vitest';
import { parseOpeningQuery } from './opening-query';
import type { OpeningQuery } from './opening-query';

const valid: OpeningQuery = { durationMinutes: 40, providers: ['dr-chen'], from: '2027-01-11T08:00:00Z' };
const problem = (change: Partial<Record<keyof OpeningQuery, unknown>>) => {
  try {
    parseOpeningQuery({ ...valid, ...change } as OpeningQuery);
    return undefined;
  } catch (error) {
    const { code, field, message } = error as { code: string; field: string; message: string };
    return { code, field, message };
  }
};

describe('parseOpeningQuery', () => {
  it('fills in eight weeks, a 15-minute step and 20 openings', () => {
    expect(parseOpeningQuery(valid)).toEqual({
      durationMs: 40 * 60_000,
      providers: ['dr-chen'],
      from: Date.parse('2027-01-11T08:00:00Z'),
      to: Date.parse('2027-03-08T08:00:00Z'),
      stepMs: 15 * 60_000,
      limit: 20,
    });
    expect(parseOpeningQuery({ ...valid, weekdays: [5, 1, 5], timeOfDay: [{ start: '13:00', end: '24:00' }] })).toMatchObject({ weekdays: [1, 5], timeOfDay: [{ start: 780, end: 1440 }] });
  });

  it.each([
    [{ durationMinutes: 0 }, 'invalid-duration', 'durationMinutes'],
    [{ durationMinutes: 1441 }, 'invalid-duration', 'durationMinutes'],
    [{ durationMinutes: 12.5 }, 'invalid-duration', 'durationMinutes'],
    [{ providers: [] }, 'required', 'providers'],
    [{ providers: { kind: 'room' } }, 'invalid-format', 'providers'],
    [{ from: '11 January' }, 'invalid-format', 'from'],
    [{ to: '2027-01-11T07:00:00Z' }, 'end-not-after-start', 'to'],
    [{ to: '2028-01-13T08:00:00Z' }, 'range-too-long', 'to'],
    [{ weekdays: [0] }, 'invalid-weekday', 'weekdays.0'],
    [{ timeOfDay: [{ start: '12:00', end: '09:00' }] }, 'end-not-after-start', 'timeOfDay.0.end'],
    [{ timeOfDay: [{ start: '9am', end: '12:00' }] }, 'invalid-format', 'timeOfDay.0.start'],
    [{ stepMinutes: 0 }, 'invalid-interval', 'stepMinutes'],
    [{ limit: 0 }, 'invalid-count', 'limit'],
  ])('refuses %j as %s on %s', (change, code, field) => {
    expect(problem(change)).toMatchObject({ code, field });
  });

  it('says what is wrong in words', () => {
    expect(problem({ durationMinutes: 0 })?.message).toBe('The length must be a whole number of minutes from 1 to 24 hours (1440).');
    expect(problem({ to: '2028-06-01T00:00:00Z' })?.message).toBe('Search at most a year at a time.');
  });
});
