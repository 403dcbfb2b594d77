import type { CommandArgs } from '../../core/commands';
import type { ContactChannel, ContactConsent } from '../../core/model';

/** The consent form's fields as the receptionist edits them. */
export interface ConsentForm {
  emailAllowed: boolean;
  smsAllowed: boolean;
  preferredChannel: ContactChannel;
  optedOut: boolean;
  optOutReason: string;
}

/**
 * The form for a patient: their recorded answer, or — never asked — nothing
 * allowed, no preference, not opted out (nothing is assumed on their behalf).
 *
 * @example consentForm(undefined).emailAllowed // false
 */
export function consentForm(consent: ContactConsent | undefined): ConsentForm {
  if (!consent) return { emailAllowed: false, smsAllowed: false, preferredChannel: 'none', optedOut: false, optOutReason: '' };
  return { emailAllowed: consent.emailAllowed, smsAllowed: consent.smsAllowed, preferredChannel: consent.preferredChannel, optedOut: consent.optedOut, optOutReason: consent.optOutReason ?? '' };
}

/**
 * The `patient/set-consent` arguments for the form. The reason goes only
 * with an opt-out: its field is shown only then, so what is sent is what the
 * receptionist sees; the engine refuses an opt-out without one.
 *
 * @example consentArgs('p1', { …, optedOut: true, optOutReason: 'No texts' }).optOutReason // 'No texts'
 */
export function consentArgs(patientId: string, form: ConsentForm): CommandArgs<'patient/set-consent'> {
  const { optOutReason, ...flags } = form;
  return { patientId, ...flags, ...(form.optedOut ? { optOutReason } : {}) };
}
