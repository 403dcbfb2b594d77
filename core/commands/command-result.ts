import type { Conflict } from '../overlap';
import { ValidationError } from '../validation';
import type { ValidationProblem } from '../validation';

/**
 * The booking check found hard conflicts and nobody with the right to
 * override did so. `hard` lists what blocks the booking, `warnings` what the
 * receptionist would also have been asked to confirm.
 */
export interface ConflictReport {
  code: 'booking-conflict';
  message: string;
  hard: Conflict[];
  warnings: Conflict[];
}

/** Why a command did nothing: bad input (incl. permissions) or a booking conflict. */
export type CommandError = ValidationProblem | ConflictReport;

/**
 * What every command returns. Invalid input and conflicts are results, not
 * throws; a throw means a bug or a storage failure (and then nothing was
 * written either).
 *
 * @example
 * const result = await commands.run('appointment/cancel', { appointmentId: 'a1', reason: '' }, session);
 * if (!result.ok) result.error; // { code: 'reason-required', field: 'reason', message: '…' }
 */
export type CommandResult<Value> = { ok: true; value: Value } | { ok: false; error: CommandError };

/**
 * A successful result.
 *
 * @example succeed({ id: 'a1' }) // { ok: true, value: { id: 'a1' } }
 */
export function succeed<Value>(value: Value): { ok: true; value: Value } {
  return { ok: true, value };
}

/**
 * A refusal for bad input, naming the field.
 *
 * @example refuse('reason-required', 'reason', 'Please say why.') // { ok: false, error: { code: 'reason-required', … } }
 */
export function refuse(code: ValidationProblem['code'], field: string, message: string): { ok: false; error: ValidationProblem } {
  return { ok: false, error: new ValidationError(code, field, message).toJSON() };
}

/**
 * True for the conflict form of a command error.
 *
 * @example if (!result.ok && isConflictReport(result.error)) showConflicts(result.error.hard);
 */
export function isConflictReport(error: CommandError): error is ConflictReport {
  return error.code === 'booking-conflict';
}
