import type { CommandError } from '../../core/commands';
import type { ValidationProblem } from '../../core/validation';
import { problemSentence } from '../i18n';

/**
 * Which form field a problem belongs to: its first named path segment
 * (`resourceIds.0` → `resourceIds`, `changes.phone` → `phone` when the form
 * knows `phone`). Fields the form does not show fall back to `form`, so a
 * problem is never silently dropped.
 *
 * @example fieldFor({ field: 'resourceIds.0', … }, ['resourceIds', 'patientId']) // 'resourceIds'
 */
export function fieldFor(problem: Pick<ValidationProblem, 'field'>, formFields: readonly string[]): string {
  const parts = problem.field.split('.').filter((part) => !/^\d+$/.test(part));
  return parts.find((part) => formFields.includes(part)) ?? 'form';
}

/**
 * Sentences keyed by form field for one refusal (conflict reports have no
 * field: the dialog shows those in its own list).
 *
 * @example errorsFor(result.error, ['givenName', 'familyName']) // { familyName: 'Family name is required.' }
 */
export function errorsFor(error: CommandError | ValidationProblem, formFields: readonly string[]): Record<string, string> {
  if (error.code === 'booking-conflict' || !('field' in error)) return {};
  return { [fieldFor(error, formFields)]: problemSentence(error) };
}
