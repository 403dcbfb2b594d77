/**
 * The one error type for bad input anywhere in the engine. It names the field
 * and the problem with a stable kebab-case `code`; the renderer owns the table
 * that turns codes into sentences for a receptionist, while `message` is a
 * plain-English fallback (server responses, CLI, logs).
 *
 * Throw it only at an edge that cannot return a result (e.g. `expandRule`);
 * commands return it inside a result instead. Bugs are ordinary `Error`s.
 *
 * @example
 * throw new ValidationError('unknown-zone', 'tzid', 'Time zone "Mars/Base" is not an IANA zone.');
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  constructor(
    readonly code: ValidationCode,
    /** Dotted path of the offending input field, e.g. `rule.interval` or `exdates.2`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }

  /** A plain object that survives structured cloning (IPC, workers, HTTP). */
  toJSON(): ValidationProblem {
    return { code: this.code, field: this.field, message: this.message };
  }
}

/** The cloneable form of a {@link ValidationError}. */
export interface ValidationProblem {
  code: ValidationCode;
  field: string;
  message: string;
}

/**
 * Every reason the engine can refuse input. Kept as one list so the renderer's
 * sentence table can be checked for completeness. Append new codes; never
 * rename one (stored outbox entries and server replies carry them).
 */
export const validationCodes = [
  'required',
  'invalid-format',
  'too-long',
  'end-not-after-start',
  'unknown-zone',
  'invalid-date',
  'invalid-time',
  'invalid-duration',
  'invalid-interval',
  'invalid-count',
  'until-before-start',
  'too-many-occurrences',
  'window-required',
  'invalid-rrule',
  'weekday-required',
  'invalid-weekday',
  'invalid-month-day',
  'invalid-month',
  'invalid-nth',
  'conflicting-end',
  'invalid-capacity',
  'invalid-status-transition',
  'reason-required',
  'nothing-to-undo',
  'unknown-entity',
  'duplicate-id',
  'not-permitted',
  'too-short',
  'nothing-to-cancel',
  'unsupported-locale',
  'date-in-future',
  'zero-length',
  'end-required',
  'inactive-resource',
  'block-too-long',
  'range-too-long',
  'changed-since',
] as const;

export type ValidationCode = (typeof validationCodes)[number];

/** Narrowing helper for values that crossed a boundary as plain objects. */
export function isValidationProblem(value: unknown): value is ValidationProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ValidationProblem).field === 'string' &&
    (validationCodes as readonly string[]).includes((value as ValidationProblem).code)
  );
}
