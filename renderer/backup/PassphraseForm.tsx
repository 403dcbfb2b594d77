import { useState } from 'react';
import type { FormEvent } from 'react';
import { createBackupRecipient, minBackupPassphraseLength } from '../../core/backup';
import { useCommand } from '../data/useCommand';
import { randomBytes } from '../data/app-database';
import { Field } from '../forms/Field';
import { FormError } from '../forms/FormError';
import { problemSentence, text } from '../i18n';

/**
 * Sets or replaces the backup passphrase (admins): twice, at least 12
 * characters; the key pair is derived here (scrypt, about a second, off the
 * transaction) and only its public half is saved by `backup/set-passphrase`.
 *
 * @example <PassphraseForm />
 */
export function PassphraseForm({ onSaved }: { onSaved?: () => void }) {
  const run = useCommand();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [errors, setErrors] = useState<{ first?: string; second?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (first.length < minBackupPassphraseLength) return setErrors({ first: text.backup.passphraseTooShort });
    if (first !== second) return setErrors({ second: text.backup.passphraseMismatch });
    setErrors({});
    setBusy(true);
    try {
      const recipient = await createBackupRecipient(first, randomBytes);
      const result = await run('backup/set-passphrase', { recipient });
      if (!result.ok) return setErrors({ form: 'field' in result.error ? problemSentence(result.error) : text.app.unexpectedError });
      setFirst('');
      setSecond('');
      setSaved(true);
      onSaved?.();
    } catch (error) {
      console.error(error);
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="backup-passphrase" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={text.backup.passphrase} hint={text.backup.passphraseHint} error={errors.first}>
        <input type="password" autoComplete="new-password" value={first} onChange={(event) => setFirst(event.target.value)} />
      </Field>
      <Field label={text.backup.passphraseAgain} error={errors.second}>
        <input type="password" autoComplete="new-password" value={second} onChange={(event) => setSecond(event.target.value)} />
      </Field>
      <FormError message={errors.form} />
      <button type="submit" disabled={busy}>
        {busy ? text.backup.savingPassphrase : text.backup.savePassphrase}
      </button>
      {saved ? <p role="status">{text.backup.passphraseSaved}</p> : null}
    </form>
  );
}
