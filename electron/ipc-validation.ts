import type { z } from 'zod';
import { ValidationError } from '../core/validation';
import type { ValidationProblem } from '../core/validation';
import { isAppUrl } from './app-protocol';

/**
 * The two checks every `ipcMain.handle` runs before its body: who is calling
 * (the app's own main frame, nothing else) and whether the arguments match the
 * contract's zod schema.
 */

/** The parts of `event.senderFrame` the check needs; null when the frame is gone. */
export interface SenderFrameFacts {
  url: string;
  /** `senderFrame.parent === null`. */
  isMainFrame: boolean;
}

/**
 * True only for the main frame of a page served from app://timedesk. Refused:
 * a destroyed frame, any subframe (even one on app://), http://localhost (a
 * dev server is never trusted in a build), file:, other app:// hosts and
 * anything unparsable.
 *
 * @example isTrustedSender({ url: 'app://timedesk/index.html', isMainFrame: true }) // true
 * @example isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }) // false
 */
export function isTrustedSender(frame: SenderFrameFacts | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  return isAppUrl(frame.url);
}

/**
 * Thrown to the invoking renderer when the sender check fails. The legitimate
 * page never sees it, so it carries no code for the sentence table.
 */
export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

/**
 * Asserts {@link isTrustedSender}, naming the channel and URL in the error.
 *
 * @example assertTrustedSender('timedesk:save-file', { url: 'https://evil.example/', isMainFrame: true }) // throws UntrustedSenderError
 */
export function assertTrustedSender(channel: string, frame: SenderFrameFacts | null | undefined): void {
  if (!isTrustedSender(frame)) {
    throw new UntrustedSenderError(`Refused ${channel} from ${frame ? `${frame.isMainFrame ? 'main frame' : 'subframe'} ${frame.url}` : 'a destroyed frame'}.`);
  }
}

/** Result of {@link parseBridgeArgument}. */
export type BridgeArgumentResult<T> = { ok: true; value: T } | { ok: false; problem: ValidationProblem };

function codeFor(issue: z.core.$ZodIssue): ValidationError['code'] {
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'required';
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too-long';
  return 'invalid-format';
}

/**
 * Parses one IPC argument with its contract schema. A failure becomes the
 * cloneable `{ code, field, message }` of core's ValidationError, naming the
 * field by its dotted path under `argumentName` (`request.filters.0.name`).
 *
 * @example parseBridgeArgument(saveFileRequestSchema, { suggestedName: 'a.csv' }, 'request') // { ok: false, problem: { code: 'required', field: 'request.content', … } }
 */
export function parseBridgeArgument<S extends z.ZodType>(schema: S, input: unknown, argumentName: string): BridgeArgumentResult<z.infer<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  const field = path ? `${argumentName}.${path}` : argumentName;
  const message = issue ? `${field}: ${issue.message}` : `${field} is not valid.`;
  return { ok: false, problem: new ValidationError(issue ? codeFor(issue) : 'invalid-format', field, message).toJSON() };
}
