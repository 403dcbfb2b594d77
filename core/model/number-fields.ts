import { z } from 'zod';
import type { ValidationCode } from '../validation';

/**
 * A whole number in `[min, max]` whose every refusal (wrong type, fraction,
 * out of range) carries one code, so the receptionist sees one sentence for
 * the field ("Duration must be between 5 and 1440 minutes.") whatever was
 * typed. A missing value still reads "… is required." (code `required`).
 *
 * @example integerInRange(5, 1440, 'invalid-duration', 'Duration must be between 5 and 1440 minutes.').parse(60) // 60
 */
export function integerInRange(min: number, max: number, code: ValidationCode, message: string) {
  return z.custom<number>((value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max, {
    // Returning undefined for a missing value lets the shared error map say "… is required."
    error: (issue) => (issue.input === undefined || issue.input === null ? undefined : message),
    params: { code },
  });
}
