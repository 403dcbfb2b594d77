import { text } from '../i18n';

/**
 * A staff account's username in Staff accounts, with the line that says a
 * sync renamed it ("Renamed from admin on sync: another account here had
 * that username…") while it still carries the name the sync gave it.
 *
 * @example <StaffUsername username="admin-2" renamedFrom="admin" />
 */
export function StaffUsername({ username, renamedFrom }: { username: string; renamedFrom: string | undefined }) {
  return (
    <>
      {username}
      {renamedFrom === undefined ? null : <span className="field-hint staff-renamed">{text.admin.renamedOnSync(renamedFrom)}</span>}
    </>
  );
}
