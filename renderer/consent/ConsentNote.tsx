import { text } from '../i18n';
import { consentWarning } from './patient-consent';
import { usePatientConsent } from './usePatientConsent';

/**
 * The booking dialog's line under the chosen patient when the clinic may not
 * write to them: "Opted out of reminders — no messages will be sent",
 * "Contact consent not asked yet" (never treated as consent), or "No channel
 * allowed: no messages will be sent". Nothing when messages are allowed.
 *
 * @example <ConsentNote patientId={patient.id} />
 */
export function ConsentNote({ patientId }: { patientId: string }) {
  const read = usePatientConsent(patientId);
  if (read.status !== 'ready') return null;
  const warning = consentWarning(read.value.consent);
  if (warning === null) return null;
  return (
    <p className={`consent-note consent-${warning}`} data-testid="consent-note" role="status">
      {{ 'opted-out': text.consent.optedOutLine, 'not-asked': text.consent.notAsked, 'nothing-allowed': text.consent.nothingAllowed }[warning]}
    </p>
  );
}
