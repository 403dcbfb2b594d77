import { useState } from 'react';
import type { FormEvent } from 'react';
import { Field } from '../forms/Field';
import { FormError } from '../forms/FormError';
import { text } from '../i18n';
import { EnrollError } from './enrollment';
import { SyncStatusSummary } from './SyncStatusSummary';
import { useEnrollDesk } from './useEnrollDesk';
import { useEnrollment } from './useEnrollment';
import { useSyncStore } from './sync-store';
import './sync.css';

/** An enrollment problem beside the field it names, in words. */
function errorsOf(problem: { code: string; message: string; field: 'serverUrl' | 'code' | null }): { serverUrl?: string; code?: string; form?: string } {
  const words = text.sync.errors[problem.code] ?? problem.message;
  return problem.field ? { [problem.field]: words } : { form: words };
}

/**
 * Settings → Sync: connect this desk to the clinic's sync server with the
 * server's address and a one-time enrollment code, or, once connected, show
 * the server, sync now, and disconnect.
 *
 * @example <SyncSettings />
 */
export function SyncSettings() {
  const enrollment = useEnrollment();
  const { enroll, disconnect } = useEnrollDesk();
  const client = useSyncStore((state) => state.client);
  // An enrollment finished after the desktop app's reload and refused: show the form again with its problem.
  const resumeProblem = useSyncStore((state) => state.resumeProblem);
  const setResumeProblem = useSyncStore((state) => state.setResumeProblem);
  const [form, setForm] = useState(() => ({ serverUrl: resumeProblem?.serverUrl ?? '', code: '', deskName: resumeProblem?.deskName ?? text.sync.defaultDeskName }));
  const [errors, setErrors] = useState<{ serverUrl?: string; code?: string; form?: string }>(() => (resumeProblem ? errorsOf(resumeProblem) : {}));
  const [busy, setBusy] = useState(false);
  const [reloading, setReloading] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setResumeProblem(null);
    try {
      if ((await enroll(form)) === 'reloading') {
        setReloading(true);
        return;
      }
      setForm((current) => ({ ...current, code: '' }));
    } catch (error) {
      setErrors(errorsOf(error instanceof EnrollError ? error : new EnrollError('sync-failed', String(error), null)));
    } finally {
      setBusy(false);
    }
  }

  function onDisconnect() {
    if (window.confirm(text.sync.disconnectConfirm)) void disconnect();
  }

  if (enrollment === undefined) return null;
  return (
    <section className="sync-settings" aria-labelledby="sync-settings-title">
      <h1 id="sync-settings-title">{text.sync.title}</h1>
      <p>{text.sync.intro}</p>
      {enrollment ? (
        <div className="sync-enrolled" data-testid="sync-enrolled">
          <p>
            <strong>{text.sync.enrolledTo(enrollment.clinicName, enrollment.serverUrl)}</strong>
          </p>
          <p className="sync-device">{text.sync.deviceId(enrollment.deviceId)}</p>
          <SyncStatusSummary />
          <div className="sync-actions">
            <button type="button" onClick={() => void client?.syncNow()} disabled={!client}>
              {text.sync.syncNow}
            </button>
            <button type="button" className="danger" onClick={onDisconnect}>
              {text.sync.disconnect}
            </button>
          </div>
        </div>
      ) : (
        <form className="sync-enroll" onSubmit={(event) => void submit(event)} noValidate>
          <p>{text.sync.notEnrolled}</p>
          <Field label={text.sync.serverUrl} hint={text.sync.serverUrlHint} error={errors.serverUrl}>
            <input type="url" value={form.serverUrl} onChange={(event) => setForm({ ...form, serverUrl: event.target.value })} autoComplete="url" />
          </Field>
          <Field label={text.sync.code} hint={text.sync.codeHint} error={errors.code}>
            <input value={form.code} onChange={(event) => setForm({ ...form, code: event.target.value })} autoComplete="off" spellCheck={false} />
          </Field>
          <Field label={text.sync.deskName} hint={text.sync.deskNameHint}>
            <input value={form.deskName} onChange={(event) => setForm({ ...form, deskName: event.target.value })} />
          </Field>
          <FormError message={errors.form} />
          <button type="submit" className="primary" disabled={busy || reloading}>
            {reloading ? text.sync.reloading : busy ? text.sync.enrolling : text.sync.enroll}
          </button>
        </form>
      )}
    </section>
  );
}
