import type { z } from 'zod';
import { ValidationError, validationCodes } from '../validation';
import type { ValidationCode } from '../validation';

/**
 * The one bridge from zod to the engine's {@link ValidationError}. Schemas in
 * core/model raise their own codes from refinements (see {@link addCodedIssue});
 * zod's built-in checks are mapped here by kind, so no type writes its own
 * error handling.
 */

/** Field labels a receptionist recognises, for keys that do not read well when split. */
const labels: Record<string, string> = {
  id: 'ID',
  mrn: 'Medical record number',
  resourceIds: 'Resources',
  resourceId: 'Resource',
  patientId: 'Patient',
  seriesId: 'Series',
  dtstart: 'First start',
  rrule: 'Repeat rule',
  exdates: 'Skipped dates',
  rdates: 'Extra dates',
  wallStart: 'Start',
  wallEnd: 'End',
};

/**
 * A readable label for a dotted field path: the last named key, with the
 * position of a list item when the path ends in one.
 *
 * @example labelForPath(['givenName']) // 'Given name'
 * @example labelForPath(['resourceIds', 0]) // 'Resources (item 1)'
 */
export function labelForPath(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (typeof last === 'number') {
    const owner = path.slice(0, -1);
    return owner.length === 0 ? `Item ${last + 1}` : `${labelForPath(owner)} (item ${last + 1})`;
  }
  if (last === undefined) return 'This value';
  const key = String(last);
  const known = labels[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Adds a refinement issue that carries one of our codes; the mapper uses that
 * code as is. Use it inside `superRefine` for anything zod cannot say itself.
 *
 * @example
 * z.string().superRefine((text, context) => {
 *   if (text === 'Mars/Base') addCodedIssue(context, 'unknown-zone', 'Mars/Base is not a time zone.');
 * });
 */
export function addCodedIssue(
  context: { addIssue(issue: z.core.$ZodRawIssue | z.core.$ZodSuperRefineIssue): void },
  code: ValidationCode,
  message: string,
  path?: PropertyKey[],
): void {
  context.addIssue({ code: 'custom', message, params: { code }, ...(path ? { path } : {}) });
}

/**
 * Runs a check that throws {@link ValidationError} (core/time's parsers) and
 * turns a refusal into a coded issue on the current field.
 *
 * @example z.string().superRefine((text, context) => reportValidationError(context, () => zoneFor(text)))
 */
export function reportValidationError(
  context: { addIssue(issue: z.core.$ZodSuperRefineIssue): void },
  check: () => unknown,
): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    addCodedIssue(context, error.code, error.message);
  }
}

function isMissing(input: unknown): boolean {
  return input === undefined || input === null;
}

function describeExpected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    if (expected === 'array') return 'a list';
    if (expected === 'object') return 'a record';
    return expected === 'string' ? 'text' : `a ${expected}`;
  }
  return 'valid';
}

/**
 * Plain-English defaults for zod's built-in issues, passed as the per-parse
 * error map. A schema's own `error:` message still wins over these.
 */
function friendlyMessage(issue: z.core.$ZodRawIssue): string {
  const label = labelForPath(issue.path ?? []);
  if (isMissing(issue.input)) return `${label} is required.`;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return `${label} is required.`;
      if (issue.origin === 'string') return `${label} must be at least ${String(issue.minimum)} characters.`;
      if (issue.origin === 'array') return `${label} needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}.`;
      return `${label} must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `${label} must be at most ${String(issue.maximum)} characters.`;
      if (issue.origin === 'array') return `${label} can have at most ${String(issue.maximum)} entries.`;
      return `${label} must be at most ${String(issue.maximum)}.`;
    case 'invalid_value':
      return `${label} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return issue.format === 'email' ? `${label} is not an email address like name@example.com.` : `${label} is not in the expected format.`;
    case 'invalid_type':
      return `${label} must be ${describeExpected(issue as z.core.$ZodIssue)}.`;
    default:
      return `${label} is not valid.`;
  }
}

function codeFor(issue: z.core.$ZodIssue & { input?: unknown }): ValidationCode {
  // A missing value is "required" whatever check noticed it first, unless the
  // check says its code is exactly about absence (`evenWhenMissing`, e.g. reason-required).
  if (isMissing(issue.input) && !(issue.code === 'custom' && issue.params?.['evenWhenMissing'] === true)) return 'required';
  if (issue.code === 'custom') {
    const code: unknown = issue.params?.['code'];
    if ((validationCodes as readonly unknown[]).includes(code)) return code as ValidationCode;
    return 'invalid-format';
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'array') return 'required';
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too-long';
  return 'invalid-format';
}

/**
 * The first zod issue as a {@link ValidationError}: the dotted field path
 * (`resourceIds.0`), our code and a sentence a receptionist can act on.
 * `prefix` names the record when it sits inside a bigger input.
 *
 * @example toValidationError(error).toJSON() // { code: 'required', field: 'givenName', message: 'Given name is required.' }
 */
export function toValidationError(error: z.ZodError, prefix = ''): ValidationError {
  const issue = error.issues[0];
  if (!issue) return new ValidationError('invalid-format', prefix, 'The input is not valid.');
  const path = issue.path.map(String).join('.');
  const field = prefix && path ? `${prefix}.${path}` : prefix || path;
  return new ValidationError(codeFor(issue), field, issue.message);
}

/**
 * Parses `input` with `schema` or throws the {@link ValidationError} for the
 * first problem. Every `parseX` in core/model goes through here.
 *
 * @example parseWith(resourceSchema, { id: 'r1', kind: 'room', name: 'Room 1', timeZone: 'Europe/London' })
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true, error: friendlyMessage });
  if (!result.success) throw toValidationError(result.error, prefix);
  return result.data;
}
