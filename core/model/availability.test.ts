import { describe, expect, it } from 'vitest';
import { parseAvailabilityRule } from './availability';
import { problemAfter } from './problem.fixture';

const valid = { id: 'av-1', resourceId: 'dr-lee', weekday: 1, start: '09:00', end: '17:00', kind: 'working' };
const problem = problemAfter(parseAvailabilityRule, valid);

describe('parseAvailabilityRule', () => {
  it('accepts working hours, breaks and hours until midnight', () => {
    expect(parseAvailabilityRule(valid)).toEqual(valid);
    expect(parseAvailabilityRule({ ...valid, weekday: 7, start: '12:00', end: '12:30', kind: 'break' }).kind).toBe('break');
    expect(parseAvailabilityRule({ ...valid, start: '18:00', end: '24:00' }).end).toBe('24:00');
  });

  it.each([
    [{ weekday: 0 }, 'invalid-weekday', 'weekday'],
    [{ weekday: 8 }, 'invalid-weekday', 'weekday'],
    [{ start: '9:00' }, 'invalid-format', 'start'],
    [{ start: '24:00' }, 'invalid-time', 'start'],
    [{ end: '17:60' }, 'invalid-time', 'end'],
    [{ end: '24:30' }, 'invalid-time', 'end'],
    [{ end: '09:00' }, 'end-not-after-start', 'end'],
    [{ end: '08:00' }, 'end-not-after-start', 'end'],
    [{ kind: 'holiday' }, 'invalid-format', 'kind'],
    [{ resourceId: '' }, 'required', 'resourceId'],
  ])('refuses %j with %s on %s', (changes, code, field) => {
    expect(problem(changes)).toMatchObject({ code, field });
  });
});
