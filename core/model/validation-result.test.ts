import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation';
import { validationResult } from './validation-result';

describe('validationResult', () => {
  it('wraps a value', () => {
    expect(validationResult(() => 42)).toEqual({ ok: true, value: 42 });
  });

  it('turns a ValidationError into a cloneable problem', () => {
    const result = validationResult(() => {
      throw new ValidationError('required', 'givenName', 'Given name is required.');
    });
    expect(result).toEqual({ ok: false, problem: { code: 'required', field: 'givenName', message: 'Given name is required.' } });
  });

  it('lets bugs through', () => {
    expect(() =>
      validationResult(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});
