import { useState } from 'react';
import type { StaffMember } from '../../core/model';
import { text } from '../i18n';
import { AdminTableHead } from './AdminTableHead';
import { useSession } from '../session/session-store';
import { StaffForm } from './StaffForm';
import { StaffUsername } from './StaffUsername';
import { useRenamedOnSync } from './useRenamedOnSync';
import { useStaffMembers } from './useStaffMembers';

/** Props of {@link StaffPanel}. */
export interface StaffPanelProps {
  /** Only admins manage accounts; managers see the list. */
  canEdit: boolean;
}

/**
 * Staff accounts: name, username (and, for an account a sync renamed, why),
 * role and whether the account may sign in,
 * with Edit (change role, switch off, reset the passphrase) and "Add staff
 * member" for admins.
 *
 * @example <StaffPanel canEdit={role === 'admin'} />
 */
export function StaffPanel({ canEdit }: StaffPanelProps) {
  const words = text.admin;
  const staff = useStaffMembers();
  const renamedOnSync = useRenamedOnSync();
  const me = useSession((state) => state.staff);
  const [editing, setEditing] = useState<{ member: StaffMember | null } | null>(null);
  return (
    <div>
      {canEdit ? (
        <div className="admin-actions">
          <button type="button" onClick={() => setEditing({ member: null })}>
            {words.addStaff}
          </button>
        </div>
      ) : (
        <p className="field-hint">{words.adminsOnly}</p>
      )}
      {staff === undefined ? <p role="status">{text.app.loading}</p> : null}
      {staff && staff.length > 0 ? (
        <table className="admin-table" aria-label={words.sections.staff}>
          <AdminTableHead columns={[text.fields.displayName, text.fields.username, words.role, words.active]} actions={canEdit} />
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} className={member.active ? '' : 'inactive'}>
                <th scope="row">
                  {member.displayName}
                  {member.id === me?.staffId ? <span className="muted"> {words.you}</span> : null}
                </th>
                <td>
                  <StaffUsername username={member.username} renamedFrom={renamedOnSync.get(member.id)} />
                </td>
                <td>{text.roles[member.role]}</td>
                <td>{member.active ? words.yes : words.no}</td>
                {canEdit ? (
                  <td>
                    <button type="button" onClick={() => setEditing({ member })} aria-label={words.editNamed(member.displayName)}>
                      {words.edit}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? <StaffForm member={editing.member} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
