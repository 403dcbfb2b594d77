import type { ValidationProblem } from '../validation';
import { validationResult } from './validation-result';

/**
 * Test fixture: for a `parseX` and a valid input, a function that applies
 * some changes to that input and returns how `parseX` refuses it (or
 * `undefined` when it is accepted), so each test reads as "these changes →
 * this code on this field".
 *
 * @example problemAfter(parseResource, valid)({ capacity: 0 }) // { code: 'invalid-capacity', field: 'capacity', … }
 */
export function problemAfter(parse: (input: unknown) => unknown, valid: Record<string, unknown>): (changes: Record<string, unknown>) => ValidationProblem | undefined {
  return (changes) => {
    const result = validationResult(() => parse({ ...valid, ...changes }));
    return result.ok ? undefined : result.problem;
  };
}
