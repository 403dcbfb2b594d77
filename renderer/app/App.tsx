import { useNeedsFirstRun } from '../data/useNeedsFirstRun';
import { AuditChainBanner } from './AuditChainBanner';
import { useAutomaticBackups } from '../backup/useAutomaticBackups';
import { Desk } from './Desk';
import { FirstRun } from '../first-run/FirstRun';
import { useFirstRunProgress } from '../first-run/first-run-progress';
import { text } from '../i18n';
import { useSession } from '../session/session-store';
import { SignIn } from '../sign-in/SignIn';

/**
 * Chooses the screen: first run on a new database (until its set-up finishes), sign-in when nobody is
 * signed in or the screen is locked, otherwise the desk; above any of them,
 * the red banner when the start-up audit check found a broken chain.
 *
 * @example <DataProvider><App /></DataProvider>
 */
export function App() {
  const needsFirstRun = useNeedsFirstRun();
  const settingUp = useFirstRunProgress((state) => state.settingUp);
  const staff = useSession((state) => state.staff);
  const locked = useSession((state) => state.locked);
  useAutomaticBackups(needsFirstRun === false && !settingUp);
  return (
    <>
      <AuditChainBanner />
      {screen(needsFirstRun, settingUp, staff !== null && !locked)}
    </>
  );
}

function screen(needsFirstRun: boolean | undefined, settingUp: boolean, signedIn: boolean) {
  if (needsFirstRun === undefined) return <p className="app-message" role="status">{text.app.loading}</p>;
  // First run ends when the admin is stored, but its screen stays until the resources (or the sample clinic) are in.
  if (needsFirstRun || settingUp) return <FirstRun />;
  if (!signedIn) return <SignIn />;
  return <Desk />;
}
