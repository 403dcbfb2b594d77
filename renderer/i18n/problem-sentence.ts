import type { ValidationProblem } from '../../core/validation';
import { text } from './current-language';
import type { Messages } from './en';

/**
 * A form's label for a problem's field path: the last named key, looked up in
 * the field labels (`changes.phone` → "Phone", `resourceIds.0` → "Providers
 * and rooms"), or the key split into words when the table has none.
 *
 * @example fieldLabel('resourceIds.0') // 'Providers and rooms'
 */
export function fieldLabel(field: string, messages: Messages = text): string {
  const key = field.split('.').filter((part) => !/^\d+$/.test(part)).at(-1) ?? '';
  const known = (messages.fields as Record<string, string | undefined>)[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'This value';
}

/**
 * The sentence a receptionist reads for an engine refusal. The renderer owns
 * this table (see en.ts `validation`); the engine's `message` is only a
 * fallback for logs.
 *
 * @example problemSentence({ code: 'required', field: 'familyName', message: '…' }) // 'Family name is required.'
 */
export function problemSentence(problem: Pick<ValidationProblem, 'code' | 'field'>, messages: Messages = text): string {
  return messages.validation[problem.code](fieldLabel(problem.field, messages));
}
