import { useState } from 'react';
import { staffRoles } from '../../core/model';
import type { StaffMember, StaffRole } from '../../core/model';
import { Modal } from '../dialog/Modal';
import { Field } from '../forms/Field';
import { FormFooter } from '../forms/FormFooter';
import { errorsFor } from '../forms/field-errors';
import { useFormSubmit } from '../forms/useFormSubmit';
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
  const { errors, busy, submit } = useFormSubmit({ save: () => save(member?.id, form), errorsOf: staffErrors, onSaved: onClose });

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
        <FormFooter error={errors['form']} busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
