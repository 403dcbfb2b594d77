import { ValidationError } from '../validation';
import type { ValidationProblem } from '../validation';

/** The outcome of checking input: the value, or the cloneable problem. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problem: ValidationProblem };

/**
 * Runs a `parseX`/`buildX`/`transition` call and returns its refusal as a
 * result instead of a throw, for commands that answer with results (see
 * STYLE: invalid input is a result, only bugs throw). Other errors are bugs
 * and still throw.
 *
 * @example validationResult(() => parsePatient(form)) // { ok: false, problem: { code: 'required', field: 'givenName', … } }
 */
export function validationResult<T>(run: () => T): ValidationResult<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, problem: error.toJSON() };
    throw error;
  }
}
