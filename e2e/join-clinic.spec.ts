import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { AdminPage } from './pages/admin';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { JoinClinicPage } from './pages/join-clinic';
import { SignInPage } from './pages/sign-in';
import { clinicWithCodes, syncServerUrl } from './pages/sync-server';
import { SyncSettingsPage } from './pages/sync-settings';

/**
 * A second front desk joins a clinic already set up on the first (issue 6):
 * desk A sets the clinic up, adds a receptionist with her own passphrase,
 * books a visit and connects to the real sync server; desk B — a fresh
 * browser profile — chooses "Join your clinic" with a code issued by the
 * admin CLI, gets the whole clinic copied, and the receptionist signs in
 * there with the username and passphrase she was given on desk A and sees
 * desk A's booking. A desk that ran its own first run is refused when it
 * tries to connect to that clinic, with the words to use "Join your clinic".
 */
const now = new Date('2026-11-25T14:00:00Z');
const receptionist = { displayName: 'Rita Reception', username: 'rita.desk', role: 'Front desk' as const, passphrase: 'rita has a long passphrase' };

// Two first runs and three sign-ins (600,000 PBKDF2 rounds each) and a cold dev server.
test.describe.configure({ timeout: 240_000 });

async function freshDesk(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.clock.setFixedTime(now);
  await page.goto('/');
  return page;
}

async function signedInDesk(browser: Browser, setup = sampleSetup): Promise<Page> {
  const page = await freshDesk(browser);
  await new FirstRunPage(page).createClinic(setup);
  await new SignInPage(page).signIn(setup.username, setup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toContainText(setup.adminName);
  return page;
}

test('a second desk joins the clinic: the receptionist signs in there with her own passphrase and sees desk A’s bookings', async ({ browser }, testInfo) => {
  const { codes } = await clinicWithCodes('Northside Family Clinic', 3);
  const [codeA, codeB, codeC] = codes as [string, string, string];

  // Desk A: the clinic, a receptionist, a booking, then connected to the server.
  const deskA = await signedInDesk(browser);
  const admin = new AdminPage(deskA);
  await admin.open();
  await admin.addStaff(receptionist);
  await expect(admin.table('Staff accounts').getByRole('row', { name: /Rita Reception/ })).toContainText('Front desk');
  await deskA.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  const dayA = new DayViewPage(deskA);
  await dayA.clickSlot('Dr Adams', '10:00');
  const dialog = new AppointmentDialogPage(deskA);
  await dialog.registerPatient({ givenName: 'Ada', familyName: 'Hopper', dateOfBirth: '1980-01-02' });
  await dialog.book();
  await expect(dialog.root()).toBeHidden();
  const syncA = new SyncSettingsPage(deskA);
  await syncA.open();
  await syncA.enroll(syncServerUrl, codeA, 'Front desk 1');
  await expect(syncA.enrolled()).toBeVisible();
  await expect(syncA.pending()).toHaveText('0 changes to send', { timeout: 30_000 });

  // Desk B: a fresh computer. Problems are shown beside the field to fix, and nothing is stored.
  const deskB = await freshDesk(browser);
  const join = new JoinClinicPage(deskB);
  await join.open();
  await join.join('http://127.0.0.1:9', codeB, 'Front desk 2');
  await expect(deskB.getByText('No answer from that address. Check it, and that this computer is online.')).toBeVisible();
  await expect(join.serverUrl()).toHaveAttribute('aria-invalid', 'true');
  await join.join(syncServerUrl, 'WRONG-CODE-0000', 'Front desk 2');
  await expect(deskB.getByText('That code is unknown, used or expired: ask your administrator for a new one.')).toBeVisible();
  await expect(join.code()).toHaveAttribute('aria-invalid', 'true');
  await expect(join.heading()).toBeVisible();
  await deskB.screenshot({ path: testInfo.outputPath('join-refused-code.png') });

  // The right code: the clinic is copied and the sign-in screen follows; the receptionist signs in as on desk A.
  await join.join(syncServerUrl, codeB, 'Front desk 2');
  const signInB = new SignInPage(deskB);
  await signInB.heading().waitFor({ timeout: 60_000 });
  await signInB.signIn(receptionist.username, 'not her passphrase at all');
  await expect(signInB.problem()).toContainText('The username or passphrase is not right.');
  await signInB.signIn(receptionist.username, receptionist.passphrase);
  await expect(deskB.getByTestId('signed-in-staff')).toContainText('Rita Reception');
  const dayB = new DayViewPage(deskB);
  await expect(dayB.columnNames()).toContainText(['Dr Adams', 'Dr Brown']);
  await expect(await dayB.appointmentIn('Dr Adams', 'Ada Hopper')).toHaveCount(1);
  await deskB.screenshot({ path: testInfo.outputPath('joined-desk.png') });

  // Desk C ran its own first run: connecting it to this clinic would mix two clinics, so the server refuses it
  // beside the code, and the code is not spent (it still serves a fresh desk).
  const deskC = await signedInDesk(browser, { ...sampleSetup, clinicName: 'Another Clinic', adminName: 'Cam Admin', username: 'cam.admin', providers: ['Dr Cole'], rooms: [] });
  const syncC = new SyncSettingsPage(deskC);
  await syncC.open();
  await syncC.enroll(syncServerUrl, codeC, 'Desk C');
  await expect(deskC.getByText(/already set up on another desk.*use “Join your clinic” on a computer that has not been set up yet/)).toBeVisible();
  await expect(deskC.getByLabel('Enrollment code')).toHaveAttribute('aria-invalid', 'true');
  await expect(syncC.enrolled()).toBeHidden();
  await deskC.screenshot({ path: testInfo.outputPath('set-up-desk-refused.png') });

  const deskD = await freshDesk(browser);
  const joinD = new JoinClinicPage(deskD);
  await joinD.open();
  await joinD.join(syncServerUrl, codeC, 'Front desk 3');
  await new SignInPage(deskD).heading().waitFor({ timeout: 60_000 });
});
