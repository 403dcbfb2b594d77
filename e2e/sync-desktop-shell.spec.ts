import { expect, test } from '@playwright/test';
import { DesktopShellStandIn } from './pages/desktop-shell-stand-in';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { clinicWithCodes, syncServerUrl } from './pages/sync-server';
import { SyncSettingsPage } from './pages/sync-settings';
import { SignInPage } from './pages/sign-in';

/**
 * Settings → Sync in the desktop app, whose CSP lets the page reach only the
 * sync server allowed when the page loaded (electron/README.md, "Sync server
 * from Settings"). With a stand-in for the shell (pages/desktop-shell-stand-in.ts):
 * a server the person declines in the shell's dialog is refused beside the
 * address; an allowed one reloads the app, the enrollment is finished on
 * start, and after signing in again the desk is connected and syncing.
 */
const now = new Date('2026-11-25T14:00:00Z');
const clinicName = 'Eastside Clinic';

// A first run and two sign-ins (600,000 PBKDF2 rounds each) and a cold dev server.
test.describe.configure({ timeout: 240_000 });

test('connecting from Settings asks the desktop shell to allow the server, reloads under the new policy and finishes enrolling', async ({ browser }, testInfo) => {
  const { codes } = await clinicWithCodes(clinicName, 1);
  const page = await (await browser.newContext()).newPage();
  await page.clock.setFixedTime(now);
  const shell = await DesktopShellStandIn.install(page, syncServerUrl);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toContainText(sampleSetup.adminName);

  // The person says no in the shell's dialog: nothing is sent, the address field says why.
  const sync = new SyncSettingsPage(page);
  await sync.open();
  shell.answer = 'declined';
  await sync.enroll(`${syncServerUrl}/`, codes[0]!, 'Front desk A');
  await expect(page.getByText('This desk was not allowed to connect to that server.')).toBeVisible();
  await expect(page.getByLabel('Sync server address')).toHaveAttribute('aria-invalid', 'true');
  expect(shell.asked).toEqual([syncServerUrl]);

  // Yes: the app reloads (signed out, as any reload), finishes the enrollment on start, and syncs.
  shell.answer = 'allow';
  await sync.enroll(syncServerUrl, codes[0]!, 'Front desk A');
  const signIn = new SignInPage(page);
  await signIn.heading().waitFor({ timeout: 60_000 });
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toContainText(sampleSetup.adminName);
  await sync.open();
  await expect(sync.enrolled()).toContainText(`Connected to ${clinicName} at ${syncServerUrl}`);
  await expect(sync.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  expect(shell.asked).toEqual([syncServerUrl, syncServerUrl]);
  // Nothing reached for the server before the reload made it allowed.
  expect(shell.blocked).toEqual([]);
  // The one-time code was kept only for the reload.
  expect(await page.evaluate(() => window.sessionStorage.getItem('timedesk.pending-enrollment'))).toBeNull();
  await page.screenshot({ path: testInfo.outputPath('enrolled-through-shell.png') });
});
