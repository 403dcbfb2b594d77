import { useState } from 'react';
import type { FormEvent } from 'react';
import { contactChannels, textLimits } from '../../core/model';
import type { ContactChannel, ContactConsent, Patient } from '../../core/model';
import { useCommand } from '../data/useCommand';
import { Field } from '../forms/Field';
import { FormError } from '../forms/FormError';
import { errorsFor } from '../forms/field-errors';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';
import { useNotices } from '../notices/notice-store';
import { consentArgs, consentForm } from './consent-form';
import type { ConsentForm } from './consent-form';
import { consentSummary } from './patient-consent';
import { usePatientConsent } from './usePatientConsent';
import './consent.css';

const formFields = ['emailAllowed', 'smsAllowed', 'preferredChannel', 'optedOut', 'optOutReason'];

/**
 * A patient's contact consent where the desk shows the patient (Find
 * patient): what it allows in words, "Recorded by Dana Desk on 2 Jan 2026,
 * 9:00 AM" (or "not asked yet"), and the form to record a new answer —
 * email and SMS allowed, preferred channel, opted out of all messages with a
 * reason — saved with `patient/set-consent` (audited, synced).
 *
 * @example <ConsentSection patient={patient} format={format} />
 */
export function ConsentSection({ patient, format }: { patient: Patient; format: ClinicFormat }) {
  const words = text.consent;
  const read = usePatientConsent(patient.id);
  const stored = read.status === 'ready' ? read.value : null;
  return (
    <section className="consent-section" aria-label={words.heading} data-testid="patient-consent">
      <h3>{words.heading}</h3>
      {read.status === 'loading' ? <p role="status">{text.app.loading}</p> : null}
      {stored ? (
        <>
          <p data-testid="consent-summary">{consentSummary(stored.consent, text)}</p>
          {stored.consent ? (
            <p className="field-hint" data-testid="consent-recorded">
              {words.recorded(stored.recordedBy ?? '', format.dateTime(Date.parse(stored.consent.recordedAt)))}
            </p>
          ) : null}
          {/* A new stored answer (saved here, pulled from another desk) starts the form again from it. */}
          <ConsentEditor key={`${patient.id}:${stored.consent?.version ?? 0}`} patient={patient} stored={stored.consent} />
        </>
      ) : null}
    </section>
  );
}

/** The form of {@link ConsentSection}: a refusal is shown beside the field it names. */
function ConsentEditor({ patient, stored }: { patient: Patient; stored: ContactConsent | undefined }) {
  const words = text.consent;
  const run = useCommand();
  const show = useNotices((state) => state.show);
  const [form, setForm] = useState<ConsentForm>(() => consentForm(stored));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = (part: Partial<ConsentForm>) => setForm((current) => ({ ...current, ...part }));

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await run('patient/set-consent', consentArgs(patient.id, form));
    if (!result.ok) {
      const found = errorsFor(result.error, formFields);
      // "Preferred channel is not in the expected form" says too little: say what to do.
      if (found['preferredChannel'] !== undefined) found['preferredChannel'] = words.preferredNotAllowed;
      setErrors(found);
      return;
    }
    show(words.saved(text.patientName(patient)));
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={words.heading}>
      <div className="consent-channels">
        <label className="checkbox">
          <input type="checkbox" name="emailAllowed" checked={form.emailAllowed} onChange={(event) => change({ emailAllowed: event.target.checked })} /> {words.emailAllowed}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="smsAllowed" checked={form.smsAllowed} onChange={(event) => change({ smsAllowed: event.target.checked })} /> {words.smsAllowed}
        </label>
      </div>
      <Field label={words.preferredChannel} error={errors['preferredChannel']}>
        <select name="preferredChannel" value={form.preferredChannel} onChange={(event) => change({ preferredChannel: event.target.value as ContactChannel })}>
          {contactChannels.map((channel) => (
            <option key={channel} value={channel}>
              {words.channels[channel]}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="optedOut" checked={form.optedOut} onChange={(event) => change({ optedOut: event.target.checked })} aria-describedby="consent-opt-out-hint" /> {words.optedOut}
      </label>
      <p className="field-hint" id="consent-opt-out-hint">
        {words.optOutHint}
      </p>
      {form.optedOut ? (
        <Field label={words.optOutReason} error={errors['optOutReason']} count={{ value: form.optOutReason, limit: textLimits.optOutReason }}>
          <input name="optOutReason" value={form.optOutReason} onChange={(event) => change({ optOutReason: event.target.value })} />
        </Field>
      ) : null}
      <FormError message={errors['form'] ?? errors['emailAllowed'] ?? errors['smsAllowed'] ?? errors['optedOut']} />
      <div className="form-actions">
        <button type="submit">{words.save}</button>
      </div>
    </form>
  );
}
