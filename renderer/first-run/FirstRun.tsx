import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ClinicLocale } from '../../core/model';
import { setUpClinic } from '../data/first-run-setup';
import type { FirstRunInput } from '../data/first-run-setup';
import { useAppData } from '../data/useAppData';
import { Field } from '../forms/Field';
import { errorsFor } from '../forms/field-errors';
import { FormError } from '../forms/FormError';
import { text } from '../i18n';
import { usePendingSignInName } from '../sign-in/pending-sign-in';
import { deskZone } from '../zone-locale/desk-zone';
import { deskLocale } from '../zone-locale/locale-choices';
import { LocalePicker } from '../zone-locale/LocalePicker';
import { currentZoneName } from '../zone-locale/zone-choices';
import { ZonePicker } from '../zone-locale/ZonePicker';
import { JoinClinic } from './JoinClinic';
import { RestoreInstead } from '../backup/RestoreInstead';
import { hasPendingJoin } from './pending-join';

const formFields = ['clinicName', 'timeZone', 'locale', 'adminDisplayName', 'adminUsername', 'passphrase', 'passphraseAgain', 'providerNames', 'roomNames'];

function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The passphrase rules are the renderer's own, so their sentences are specific; the rest come from the engine's table. */
function firstRunErrors(error: Parameters<typeof errorsFor>[0]): Record<string, string> {
  if ('field' in error && error.field === 'passphrase' && error.code === 'too-short') return { passphrase: text.firstRun.tooShort };
  if ('field' in error && error.field === 'passphraseAgain') return { passphraseAgain: text.firstRun.mismatch };
  return errorsFor(error, formFields);
}

/**
 * First run: the clinic (name, zone and locale picked from lists that start
 * on this computer's own), the first administrator and the providers and
 * rooms to book. Everything is checked before anything is stored; problems
 * appear next to their fields. The clinic is stored in one transaction with
 * a progress bar, so the sign-in screen appears only once all of it is in.
 *
 * @example <FirstRun />
 */
export function FirstRun() {
  const data = useAppData();
  const desk = useMemo(() => ({ zone: deskZone(), locale: deskLocale(navigator.languages ?? [navigator.language]), now: Date.now() }), []);
  const [form, setForm] = useState({
    clinicName: '',
    timeZone: currentZoneName(desk.zone),
    locale: desk.locale as ClinicLocale,
    adminDisplayName: '',
    adminUsername: '',
    passphrase: '',
    passphraseAgain: '',
    providerNames: '',
    roomNames: '',
  });
  const [sample, setSample] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // Thousands of steps: the bar is redrawn once per whole percent, not once per command.
  const shownPercent = useRef(-1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const setPendingName = usePendingSignInName((state) => state.set);
  // A second desk of a clinic set up elsewhere joins it instead (JoinClinic); a join kept across a reload resumes there.
  const [joining, setJoining] = useState(() => hasPendingJoin(window.sessionStorage));

  const update = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });
  const onProgress = (done: number, total: number) => {
    const percent = Math.floor((done * 100) / total);
    if (percent === shownPercent.current) return;
    shownPercent.current = percent;
    setProgress({ done, total });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    const input: FirstRunInput = { ...form, providerNames: lines(form.providerNames), roomNames: lines(form.roomNames), sample };
    // Named before the clinic is stored: the sign-in screen appears the moment setup ends.
    setPendingName(form.adminUsername.trim().toLowerCase());
    shownPercent.current = -1;
    try {
      const result = await setUpClinic(data, input, onProgress);
      if (result.ok) return; // the whole clinic committed at once: the live first-run check now shows sign-in
      setErrors(firstRunErrors(result.error));
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  if (joining) return <JoinClinic onBack={() => setJoining(false)} />;
  return (
    <main className="setup-screen">
      <form className="setup-card" onSubmit={submit} noValidate aria-describedby="first-run-intro">
        <h1>{text.firstRun.title}</h1>
        <p id="first-run-intro">{text.firstRun.intro}</p>
        <p className="join-instead">
          {text.firstRun.joinInsteadHint}{' '}
          <button type="button" onClick={() => setJoining(true)}>
            {text.firstRun.joinInstead}
          </button>
        </p>
        <fieldset>
          <legend>{text.firstRun.clinicSection}</legend>
          <Field label={text.fields.clinicName} error={errors['clinicName']}>
            <input name="clinicName" value={form.clinicName} onChange={update('clinicName')} autoComplete="organization" required />
          </Field>
          <div className="field-row">
            <Field label={text.fields.timeZone} error={errors['timeZone']} hint={text.firstRun.timeZoneHint}>
              <ZonePicker name="timeZone" value={form.timeZone} onChange={(timeZone) => setForm({ ...form, timeZone })} deskZone={desk.zone} now={desk.now} />
            </Field>
            <Field label={text.fields.locale} error={errors['locale']} hint={text.firstRun.localeHint}>
              <LocalePicker name="locale" value={form.locale} onChange={(locale) => setForm({ ...form, locale })} deskLocale={desk.locale} exampleDate={desk.now} />
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{text.firstRun.adminSection}</legend>
          <div className="field-row">
            <Field label={text.fields.adminDisplayName} error={errors['adminDisplayName']}>
              <input name="adminDisplayName" value={form.adminDisplayName} onChange={update('adminDisplayName')} autoComplete="name" required />
            </Field>
            <Field label={text.fields.adminUsername} error={errors['adminUsername']}>
              <input name="adminUsername" value={form.adminUsername} onChange={update('adminUsername')} autoComplete="username" autoCapitalize="none" spellCheck={false} required />
            </Field>
          </div>
          <div className="field-row">
            <Field label={text.fields.passphrase} error={errors['passphrase']} hint={text.firstRun.passphraseHint}>
              <input name="passphrase" type="password" value={form.passphrase} onChange={update('passphrase')} autoComplete="new-password" required />
            </Field>
            <Field label={text.fields.passphraseAgain} error={errors['passphraseAgain']}>
              <input name="passphraseAgain" type="password" value={form.passphraseAgain} onChange={update('passphraseAgain')} autoComplete="new-password" required />
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{text.firstRun.resourcesSection}</legend>
          <label className="checkbox sample-choice">
            <input type="checkbox" name="sample" checked={sample} onChange={(event) => setSample(event.target.checked)} /> {text.firstRun.sample}
          </label>
          <p className="field-hint">{sample ? text.firstRun.sampleHint : text.firstRun.resourcesHint}</p>
          {sample ? null : (
            <div className="field-row">
              <Field label={text.fields.providerNames} error={errors['providerNames']}>
                <textarea name="providerNames" rows={4} value={form.providerNames} onChange={update('providerNames')} />
              </Field>
              <Field label={text.fields.roomNames} error={errors['roomNames']}>
                <textarea name="roomNames" rows={4} value={form.roomNames} onChange={update('roomNames')} />
              </Field>
            </div>
          )}
        </fieldset>
        <FormError message={errors['form']} />
        {progress ? (
          <p className="sample-progress">
            <label htmlFor="sample-progress">{sample ? text.firstRun.loadingSample : text.firstRun.submitting}</label>{' '}
            <progress id="sample-progress" max={progress.total} value={progress.done} />{' '}
            <span>{text.firstRun.progress(progress.done, progress.total)}</span>
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? text.firstRun.submitting : text.firstRun.submit}
          </button>
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {busy ? text.firstRun.submitting : text.firstRun.problems(Object.keys(errors).length)}
        </p>
      </form>
      <RestoreInstead />
    </main>
  );
}
