import { describe, expect, it } from 'vitest';
import { ValidationError, isValidationProblem } from './index';

describe('ValidationError', () => {
  it('names the field and the problem and survives structured cloning', () => {
    const error = new ValidationError('unknown-zone', 'tzid', 'Time zone "Mars/Base" is not an IANA zone.');
    const cloned = structuredClone(error.toJSON());
    expect(cloned).toEqual({ code: 'unknown-zone', field: 'tzid', message: 'Time zone "Mars/Base" is not an IANA zone.' });
    expect(isValidationProblem(cloned)).toBe(true);
    expect(error).toBeInstanceOf(Error);
  });

  it('does not mistake other objects for problems', () => {
    expect(isValidationProblem({ code: 'no-such-code', field: 'x', message: '' })).toBe(false);
    expect(isValidationProblem(null)).toBe(false);
    expect(isValidationProblem('unknown-zone')).toBe(false);
  });
});
