import type { ZodError } from 'zod';

/**
 * The one error envelope every endpoint answers with:
 * `{ error: { code, message, field?, details? } }` (server/PROTOCOL.md).
 *
 * @example { error: { code: 'sequence-gap', message: 'Expected deviceSeq 4.', details: { expected: 4 } } }
 */
export interface ErrorEnvelope {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

/**
 * A refusal with its HTTP status and kebab-case code. Thrown by the sync
 * functions and turned into the envelope by the app's error handler, so an
 * in-process caller (the client's model test) sees the same status and body.
 *
 * @example throw new ApiError(409, 'sequence-gap', 'Expected deviceSeq 4, got 6.', { details: { expected: 4 } });
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    extra: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.field = extra.field;
    this.details = extra.details;
  }

  /** The response body. */
  toEnvelope(): ErrorEnvelope {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/**
 * A 400 naming the first zod issue's path as `field` (e.g. `mutations.3.deviceSeq`).
 *
 * @example badRequestFromZod(result.error).toEnvelope().error.field // 'mutations.0.deviceSeq'
 */
export function badRequestFromZod(error: ZodError, prefix = ''): ApiError {
  const issue = error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  const field = prefix && path ? `${prefix}.${path}` : prefix || path;
  const code = issue?.code === 'invalid_type' && issue.input === undefined ? 'required' : 'invalid-format';
  return new ApiError(400, code, `${field || 'body'}: ${issue?.message ?? 'invalid'}`, { field: field || 'body' });
}
