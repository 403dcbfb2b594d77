import { useClinic } from '../data/useClinic';
import { LanguagePicker } from '../language/LanguagePicker';
import { text } from '../i18n';
import { useSession } from '../session/session-store';
import { useShortcutSheet } from '../shortcuts/shortcut-sheet-store';
import { useLockNow } from '../sign-in/useLockNow';
import { SyncStatusSummary } from '../sync/SyncStatusSummary';
import { useOnline } from './useOnline';

/**
 * The bottom bar: clinic, who is signed in, whether the computer is online,
 * the sync state (when enrolled), the shortcut sheet and the lock button.
 *
 * @example <StatusBar />
 */
export function StatusBar() {
  const clinic = useClinic();
  const staff = useSession((state) => state.staff);
  const lock = useLockNow();
  const toggleShortcuts = useShortcutSheet((state) => state.toggle);
  const online = useOnline();
  return (
    <footer className="status-bar" aria-label={text.statusBar.label}>
      <span className="status-clinic">{clinic.name}</span>
      {staff ? (
        <span className="status-staff" data-testid="signed-in-staff">
          {text.statusBar.signedInAs(staff.displayName, text.roles[staff.role])}
        </span>
      ) : null}
      <span className={`status-online ${online ? 'online' : 'offline'}`} data-testid="online-state">
        <span className="dot" aria-hidden="true" />
        {online ? text.statusBar.online : text.statusBar.offline}
      </span>
      <SyncStatusSummary />
      <span className="status-spacer" />
      <LanguagePicker />
      <button type="button" onClick={toggleShortcuts} aria-keyshortcuts="?">
        {text.statusBar.shortcuts} <kbd>?</kbd>
      </button>
      <button type="button" onClick={lock} title={text.statusBar.lockHint}>
        {text.statusBar.lock}
      </button>
    </footer>
  );
}
