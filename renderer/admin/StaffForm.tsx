import { useState } from 'react';
import type { FormEvent } from 'react';
import { staffRoles } from '../../core/model';
import type { StaffMember, StaffRole } from '../../core/model';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { errorsFor } from '../forms/field-errors';
import { text } from '../i18n';
import type { StaffForm as StaffFormValues } from './staff-form';
import { useSaveStaff } from './useSaveStaff';

/** Props of {@link StaffForm}. */
export interface StaffFormProps {
  member: StaffMember | null;
  onClose(): void;
}

const formFields = ['displayName', 'username', 'role', 'active', 'passphrase', 'passphraseAgain'];

/** The passphrase rules are the renderer's own (as on first run), so their sentences are specific. */
function staffErrors(error: Parameters<typeof errorsFor>[0]): Record<string, string> {
  if ('field' in error && error.field === 'passphrase' && error.code === 'too-short') return { passphrase: text.firstRun.tooShort };
  if ('field' in error && error.field === 'passphraseAgain') return { passphraseAgain: text.firstRun.mismatch };
  return errorsFor(error, formFields);
}

/**
 * Create a staff account or change one (name, username, role, switched off,
 * a new passphrase), admins only. The passphrase is set through core/auth
 * after the account is saved; on an existing account a blank passphrase
 * keeps the old one.
 *
 * @example <StaffForm member={null} onClose={close} />
 */
export function StaffForm({ member, onClose }: StaffFormProps) {
  const words = text.admin;
  const save = useSaveStaff();
  const [form, setForm] = useState<StaffFormValues>({
    displayName: member?.displayName ?? '',
    username: member?.username ?? '',
    role: member?.role ?? 'front_desk',
    active: member?.active ?? true,
    passphrase: '',
    passphraseAgain: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const result = await save(member?.id, form);
      if (result.ok) onClose();
      else setErrors(staffErrors(result.error));
    } catch {
      setErrors({ form: text.app.unexpectedError });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={member ? words.editStaff(member.displayName) : words.addStaff} onClose={onClose}>
      <form className="modal-body" onSubmit={submit} noValidate>
        <div className="field-row">
          <Field label={text.fields.displayName} error={errors['displayName']}>
            <input value={form.displayName} onChange={(event) => setForm({ ...form, displayName: event.target.value })} autoComplete="off" data-autofocus />
          </Field>
          <Field label={text.fields.username} error={errors['username']} hint={words.usernameHint}>
            <input value={form.username} onChange={(event) => setForm({ ...form, username: event.target.value })} autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Field>
        </div>
        <div className="field-row admin-inline">
          <Field label={words.role} error={errors['role']}>
            <select value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as StaffRole })}>
              {staffRoles.map((role) => (
                <option key={role} value={role}>
                  {text.roles[role]}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={form.active} onChange={(event) => setForm({ ...form, active: event.target.checked })} /> {words.maySignIn}
          </label>
        </div>
        <div className="field-row">
          <Field label={member ? words.newPassphrase : text.fields.passphrase} error={errors['passphrase']} hint={member ? words.keepPassphrase : text.firstRun.passphraseHint}>
            <input type="password" value={form.passphrase} onChange={(event) => setForm({ ...form, passphrase: event.target.value })} autoComplete="new-password" />
          </Field>
          <Field label={text.fields.passphraseAgain} error={errors['passphraseAgain']}>
            <input type="password" value={form.passphraseAgain} onChange={(event) => setForm({ ...form, passphraseAgain: event.target.value })} autoComplete="new-password" />
          </Field>
        </div>
        {errors['form'] ? (
          <p className="form-error" role="alert">
            {errors['form']}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {text.app.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? text.app.saving : text.app.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}
