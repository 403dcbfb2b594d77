import { useNeedsFirstRun } from '../data/useNeedsFirstRun';
import { Desk } from './Desk';
import { FirstRun } from '../first-run/FirstRun';
import { text } from '../i18n';
import { useSession } from '../session/session-store';
import { SignIn } from '../sign-in/SignIn';

/**
 * Chooses the screen: first run on a new database, sign-in when nobody is
 * signed in or the screen is locked, otherwise the desk.
 *
 * @example <DataProvider><App /></DataProvider>
 */
export function App() {
  const needsFirstRun = useNeedsFirstRun();
  const staff = useSession((state) => state.staff);
  const locked = useSession((state) => state.locked);
  if (needsFirstRun === undefined) return <p className="app-message" role="status">{text.app.loading}</p>;
  if (needsFirstRun) return <FirstRun />;
  if (!staff || locked) return <SignIn />;
  return <Desk />;
}
