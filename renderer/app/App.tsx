import { useNeedsFirstRun } from '../data/useNeedsFirstRun';
import { AuditChainBanner } from './AuditChainBanner';
import { useAutomaticBackups } from '../backup/useAutomaticBackups';
import { Desk } from './Desk';
import { FirstRun } from '../first-run/FirstRun';
import { Fragment, useEffect } from 'react';
import { setDeskLanguage, text } from '../i18n';
import { useDeskLanguage } from '../language/useDeskLanguage';
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
  const language = useDeskLanguage(needsFirstRun);
  // Switched before the screens below render, so they read the new words; the key re-renders all of them
  // (memoised ones too) when it changes, e.g. at sign-in or when someone picks another language.
  if (language !== undefined) setDeskLanguage(language);
  useEffect(() => {
    if (language !== undefined) document.documentElement.lang = language;
  }, [language]);
  return (
    <Fragment key={language ?? 'loading'}>
      <AuditChainBanner />
      {language === undefined ? <p className="app-message" role="status">{text.app.loading}</p> : screen(needsFirstRun, staff !== null && !locked)}
    </Fragment>
  );
}

function screen(needsFirstRun: boolean | undefined, signedIn: boolean) {
  if (needsFirstRun === undefined) return <p className="app-message" role="status">{text.app.loading}</p>;
  // First run stores the admin, the resources (or the sample clinic) in one transaction, so this flips once all of it is in.
  if (needsFirstRun) return <FirstRun />;
  if (!signedIn) return <SignIn />;
  return <Desk />;
}
