import { useNeedsFirstRun } from '../data/useNeedsFirstRun';
import { AuditChainBanner } from './AuditChainBanner';
import { useAutomaticBackups } from '../backup/useAutomaticBackups';
import { Desk } from './Desk';
import { FirstRun } from '../first-run/FirstRun';
import { text } from '../i18n';
import { useSession } from '../session/session-store';
import { SignIn } from '../sign-in/SignIn';

/**
 * Chooses the screen: first run on a new database (until its set-up commits), sign-in when nobody is
 * signed in or the screen is locked, otherwise the desk; above any of them,
 * the red banner when the start-up audit check found a broken chain.
 *
 * @example <DataProvider><App /></DataProvider>
 */
export function App() {
  const needsFirstRun = useNeedsFirstRun();
  const staff = useSession((state) => state.staff);
  const locked = useSession((state) => state.locked);
  // First run commits in one transaction, so a desk that no longer needs it is wholly set up.
  useAutomaticBackups(needsFirstRun === false);
  return (
    <>
      <AuditChainBanner />
      {screen(needsFirstRun, staff !== null && !locked)}
    </>
  );
}

function screen(needsFirstRun: boolean | undefined, signedIn: boolean) {
  if (needsFirstRun === undefined) return <p className="app-message" role="status">{text.app.loading}</p>;
  // First run stores the admin, the resources (or the sample clinic) in one transaction, so this flips once all of it is in.
  if (needsFirstRun) return <FirstRun />;
  if (!signedIn) return <SignIn />;
  return <Desk />;
}
