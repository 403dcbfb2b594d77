import { useCallback } from 'react';
import { setPassphrase } from '../../core/auth';
import type { CommandError } from '../../core/commands';
import type { StaffMember } from '../../core/model';
import type { ValidationProblem } from '../../core/validation';
import { randomId } from '../data/app-database';
import { useAppData } from '../data/useAppData';
import { useSession } from '../session/session-store';
import { checkStaffPassphrase } from './staff-form';
import type { StaffForm } from './staff-form';

/** How saving a staff account ended. */
export type SaveStaffResult = { ok: true; value: StaffMember } | { ok: false; error: ValidationProblem | CommandError };

/**
 * Saves a staff account: checks the passphrase first, then `staff/save`
 * (admins only; the engine refuses anyone else and taken usernames), then,
 * when one was typed, the passphrase through core/auth's `setPassphrase`
 * (hashed outside any transaction, audited without the hash).
 *
 * @example const save = useSaveStaff(); await save(undefined, { displayName: 'Fran', username: 'fran', role: 'front_desk', active: true, passphrase: '…', passphraseAgain: '…' });
 */
export function useSaveStaff(): (id: string | undefined, form: StaffForm) => Promise<SaveStaffResult> {
  const data = useAppData();
  const staff = useSession((state) => state.staff);
  return useCallback(
    async (id, form) => {
      if (!staff) throw new Error('Saving a staff account needs a signed-in staff member.');
      const problem = checkStaffPassphrase(form, id === undefined);
      if (problem) return { ok: false, error: problem };
      const session = { staffId: staff.staffId, displayName: staff.displayName, role: staff.role };
      const saved = await data.commands.run(
        'staff/save',
        { id: id ?? randomId(), displayName: form.displayName, username: form.username, role: form.role, active: form.active },
        session,
      );
      if (!saved.ok || !form.passphrase) return saved;
      const stored = await setPassphrase(data.auth, session, saved.value.id, form.passphrase);
      return stored.ok ? saved : stored;
    },
    [data, staff],
  );
}
