import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { signIn } from '../../core/auth';
import { useAppData } from '../data/useAppData';
import { useClinic } from '../data/useClinic';
import { Field } from '../forms/Field';
import { FormError } from '../forms/FormError';
import { clinicFormat, text } from '../i18n';
import { useSession } from '../session/session-store';
import { usePendingSignInName } from './pending-sign-in';
import { useSignOut } from './useSignOut';

/**
 * Staff sign-in (username + passphrase). When the screen was locked it says
 * by whom and prefills their username; anyone may sign in instead, which
 * replaces the locked session.
 *
 * @example <SignIn />
 */
export function SignIn() {
  const { auth } = useAppData();
  const clinic = useClinic();
  const session = useSession();
  const signOut = useSignOut();
  const lockedBy = session.locked ? session.staff : null;
  const pendingName = usePendingSignInName((state) => state.username);
  const [username, setUsername] = useState(lockedBy?.username ?? pendingName);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // First run names its admin just after this screen appears.
    if (pendingName) setUsername((current) => current || pendingName);
  }, [pendingName]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const outcome = await signIn(auth, username, passphrase);
      if (outcome.ok) {
        const { id, displayName, role } = outcome.staff;
        // Someone else signing in at a locked desk ends the locked session: record that it ended.
        if (lockedBy && lockedBy.staffId !== id) await signOut();
        session.signIn({ staffId: id, displayName, username: outcome.staff.username, role });
        return;
      }
      setPassphrase('');
      if (outcome.reason === 'throttled') setError(text.signIn.throttled(clinicFormat(clinic.locale, clinic.timeZone).time(outcome.retryAt)));
      else setError(outcome.reason === 'inactive' ? text.signIn.inactive : text.signIn.wrong);
    } catch {
      setError(text.app.unexpectedError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="setup-screen">
      <form className="setup-card setup-card-narrow" onSubmit={submit} noValidate>
        <p className="clinic-name">{clinic.name}</p>
        <h1>{lockedBy ? text.signIn.lockedTitle : text.signIn.title}</h1>
        {lockedBy ? <p>{text.signIn.lockedIntro(lockedBy.displayName)}</p> : null}
        <Field label={text.fields.username}>
          <input
            name="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            data-autofocus
            autoFocus={!username}
          />
        </Field>
        <Field label={text.fields.passphrase}>
          <input name="passphrase" type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="current-password" autoFocus={Boolean(username)} />
        </Field>
        <FormError message={error} />
        <div className="form-actions">
          {lockedBy ? (
            <button type="button" onClick={() => (setUsername(''), void signOut())}>
              {text.signIn.switchUser}
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={busy || !username || !passphrase}>
            {busy ? text.signIn.submitting : text.signIn.submit}
          </button>
        </div>
      </form>
    </main>
  );
}
