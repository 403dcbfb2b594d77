import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { JoinProgress } from '../../core/sync';
import { useAppData } from '../data/useAppData';
import { Field } from '../forms/Field';
import { FormError } from '../forms/FormError';
import { text } from '../i18n';
import type { Enrollment } from '../sync/enrollment';
import { serverBaseUrl } from '../sync/enrollment';
import { allowSyncServerInShell } from '../sync/sync-server-permission';
import { JoinError, joinThisDesk } from './join-clinic';
import type { JoinField, JoinForm } from './join-clinic';
import { savePendingJoin, takePendingJoin } from './pending-join';

type Errors = Partial<Record<JoinField, string>>;

/** A join problem in words, beside the field it names. */
function errorsOf(error: JoinError): Errors {
  const words = text.firstRun.joinErrors[error.code] ?? text.sync.errors[error.code] ?? error.message;
  return { [error.field]: words };
}

/**
 * "Join your clinic": a second front desk of a clinic that is already set up
 * on another desk. Server address, one-time enrollment code and a name for
 * this desk; then the whole clinic is copied here with a progress bar, and
 * the sign-in screen follows, where existing staff sign in as they do on the
 * first desk. Problems are shown beside the field to fix; a copy cut off
 * half-way saves nothing and "Try again" reuses the token the server already
 * gave (no new code needed).
 *
 * @example <JoinClinic onBack={() => setJoining(false)} />
 */
export function JoinClinic({ onBack }: { onBack(): void }) {
  const { db, deviceId } = useAppData();
  const [form, setForm] = useState<JoinForm>({ serverUrl: '', code: '', deskName: text.firstRun.joinDefaultDeskName });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [progress, setProgress] = useState<JoinProgress | null>(null);
  const [held, setHeld] = useState<Enrollment | null>(null);
  const resumed = useRef(false);

  const update = (name: keyof JoinForm) => (event: { target: { value: string } }) => {
    setForm((current) => ({ ...current, [name]: event.target.value }));
    // Another server or code: a token kept from a failed copy no longer applies.
    if (name !== 'deskName') setHeld(null);
  };

  async function join(values: JoinForm) {
    setBusy(true);
    setErrors({});
    try {
      if (!held) {
        let serverUrl: string;
        try {
          serverUrl = serverBaseUrl(values.serverUrl);
        } catch {
          setErrors({ serverUrl: text.sync.errors['invalid-server-url'] });
          return;
        }
        if (values.code.trim() === '') {
          setErrors({ code: text.sync.errors['required'] });
          return;
        }
        const permission = await allowSyncServerInShell(serverUrl);
        if (permission.kind === 'declined' || permission.kind === 'refused') {
          setErrors({ serverUrl: permission.kind === 'refused' ? permission.message : text.sync.errors['sync-server-declined'] });
          return;
        }
        if (permission.kind === 'reload-required') {
          // The desktop app lets the page reach a new server only after a reload: join right after it.
          savePendingJoin(window.sessionStorage, { serverUrl, code: values.code.trim(), deskName: values.deskName });
          setReloading(true);
          window.location.reload();
          return;
        }
      }
      await joinThisDesk(values, { db, deviceId, fetch: window.fetch.bind(window), now: Date.now(), onProgress: setProgress, held });
      // Joined: the live first-run check now shows the sign-in screen.
    } catch (error) {
      if (error instanceof JoinError) {
        setHeld(error.held);
        setErrors(errorsOf(error));
      } else {
        setErrors({ form: text.app.unexpectedError });
      }
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  // After the desktop app's reload for a newly allowed server, carry on with the kept form.
  useEffect(() => {
    if (resumed.current) return;
    resumed.current = true;
    const pending = takePendingJoin(window.sessionStorage);
    if (!pending) return;
    setForm(pending);
    void join(pending);
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    void join(form);
  }

  const words = text.firstRun;
  return (
    <main className="setup-screen">
      <form className="setup-card setup-card-join" onSubmit={submit} noValidate aria-labelledby="join-clinic-title" aria-describedby="join-clinic-intro">
        <h1 id="join-clinic-title">{words.joinTitle}</h1>
        <p id="join-clinic-intro">{words.joinIntro}</p>
        <Field label={words.joinServerUrl} hint={words.joinServerUrlHint} error={errors.serverUrl}>
          <input name="serverUrl" type="url" value={form.serverUrl} onChange={update('serverUrl')} autoComplete="url" disabled={busy} />
        </Field>
        <Field label={words.joinCode} hint={words.joinCodeHint} error={errors.code}>
          <input name="code" value={form.code} onChange={update('code')} autoComplete="off" spellCheck={false} disabled={busy} />
        </Field>
        <Field label={words.joinDeskName} hint={words.joinDeskNameHint} error={errors.deskName}>
          <input name="deskName" value={form.deskName} onChange={update('deskName')} disabled={busy} />
        </Field>
        <FormError message={errors.form} />
        {progress ? (
          <p className="sample-progress">
            <label htmlFor="join-progress">{words.joinCopying}</label>{' '}
            <progress id="join-progress" max={progress.total ?? undefined} value={progress.total === null ? undefined : progress.changes} />
            <span data-testid="join-progress-count">{words.joinProgress(progress.changes, progress.total)}</span>
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onBack} disabled={busy || reloading}>
            {words.joinBack}
          </button>
          <button type="submit" className="primary" disabled={busy || reloading}>
            {reloading ? words.joinReloading : busy ? words.joinSubmitting : held ? words.joinRetry : words.joinSubmit}
          </button>
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {busy ? words.joinSubmitting : words.problems(Object.keys(errors).length)}
        </p>
      </form>
    </main>
  );
}
