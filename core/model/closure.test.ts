import { describe, expect, it } from 'vitest';
import { parseClosure } from './closure';
import { problemAfter } from './problem.fixture';

const valid = { id: 'xmas', resourceId: null, startDate: '2025-12-25', endDate: '2025-12-26', reason: 'Christmas' };
const problem = problemAfter(parseClosure, valid);

describe('parseClosure', () => {
  it('accepts a clinic-wide closure, a one-day closure and one for a single resource', () => {
    expect(parseClosure(valid)).toEqual(valid);
    expect(parseClosure({ ...valid, resourceId: 'dr-lee', endDate: '2025-12-25' }).resourceId).toBe('dr-lee');
  });

  it.each([
    [{ startDate: '2025-02-29' }, 'invalid-date', 'startDate'],
    [{ endDate: '25/12/2025' }, 'invalid-format', 'endDate'],
    [{ endDate: '2025-12-24' }, 'end-not-after-start', 'endDate'],
    [{ reason: ' ' }, 'required', 'reason'],
    [{ resourceId: undefined }, 'required', 'resourceId'],
  ])('refuses %j with %s on %s', (changes, code, field) => {
    expect(problem(changes)).toMatchObject({ code, field });
  });
});
