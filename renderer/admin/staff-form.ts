import { minimumPassphraseLength } from '../../core/auth';
import type { StaffRole } from '../../core/model';
import { ValidationError } from '../../core/validation';
import type { ValidationProblem } from '../../core/validation';

/** What the staff form collects. */
export interface StaffForm {
  displayName: string;
  username: string;
  role: StaffRole;
  active: boolean;
  /** Blank on an existing account keeps its passphrase; a new account needs one. */
  passphrase: string;
  passphraseAgain: string;
}

/**
 * The passphrase part of the staff form, checked before anything is saved
 * (the account and its passphrase are two writes: a refused passphrase must
 * not leave an account nobody can sign in to). A new account needs one of
 * at least core/auth's minimum length; both copies must match.
 *
 * @example checkStaffPassphrase({ …, passphrase: 'short', passphraseAgain: 'short' }, true) // { code: 'too-short', field: 'passphrase', … }
 */
export function checkStaffPassphrase(form: Pick<StaffForm, 'passphrase' | 'passphraseAgain'>, isNew: boolean): ValidationProblem | null {
  if (!form.passphrase && !isNew) return null;
  if (!form.passphrase) return new ValidationError('required', 'passphrase', 'A new account needs a passphrase.').toJSON();
  if (form.passphrase.trim().length < minimumPassphraseLength) {
    return new ValidationError('too-short', 'passphrase', `The passphrase must be at least ${minimumPassphraseLength} characters.`).toJSON();
  }
  if (form.passphrase !== form.passphraseAgain) return new ValidationError('invalid-format', 'passphraseAgain', 'The two passphrases differ.').toJSON();
  return null;
}
