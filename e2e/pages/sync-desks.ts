import { expect } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { AppointmentDialogPage } from './appointment-dialog';
import { DayViewPage } from './day-view';
import { FirstRunPage } from './first-run';
import type { ClinicSetup } from './first-run';
import { JoinClinicPage } from './join-clinic';
import { clinicWithCodes, syncServerUrl } from './sync-server';
import { SyncSettingsPage } from './sync-settings';
import { SignInPage } from './sign-in';

/**
 * Steps the sync journeys share: a desk in its own browser context (its own
 * IndexedDB and device id) with a pinned clock — set up and enrolled with the
 * e2e sync server, or joining the clinic from the first-run screen — and a
 * booking made while that desk is offline.
 */

/**
 * A new browser context at `now`: first run with `setup`, signed in as its admin.
 *
 * @example const deskA = await openDesk(browser, sampleSetup, new Date('2026-11-25T14:00:00Z'));
 */
export async function openDesk(browser: Browser, setup: ClinicSetup, now: Date): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(setup);
  await new SignInPage(page).signIn(setup.username, setup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toContainText(setup.adminName);
  return page;
}

/**
 * A fresh browser context at `now` that joins the clinic ("Join your clinic"
 * on the first-run screen) and signs in as `staff`, who exists on the desk
 * that set the clinic up.
 *
 * @example const deskB = await joinDesk(browser, codeB, 'Front desk B', sampleSetup, now);
 */
export async function joinDesk(browser: Browser, code: string, deskName: string, staff: Pick<ClinicSetup, 'username' | 'passphrase' | 'adminName'>, now: Date): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.clock.setFixedTime(now);
  await page.goto('/');
  const join = new JoinClinicPage(page);
  await join.open();
  await join.join(syncServerUrl, code, deskName);
  const signIn = new SignInPage(page);
  await signIn.heading().waitFor({ timeout: 60_000 });
  await signIn.signIn(staff.username, staff.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toContainText(staff.adminName);
  return page;
}

/**
 * Settings → Sync: connects the desk with a code and waits for its first sync.
 *
 * @example const syncA = await enrollDesk(deskA, codeA, 'Front desk A', 'Southside Clinic');
 */
export async function enrollDesk(page: Page, code: string, deskName: string, clinicName: string): Promise<SyncSettingsPage> {
  const sync = new SyncSettingsPage(page);
  await sync.open();
  await sync.enroll(syncServerUrl, code, deskName);
  await expect(sync.enrolled()).toContainText(`Connected to ${clinicName} at ${syncServerUrl}`);
  await expect(sync.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  return sync;
}

/**
 * Books a new patient `<givenName> Hopper` with a provider at `time` on the day sheet; the desk's own check sees a free slot.
 *
 * @example await bookNewHopper(deskA, 'Dr Adams', '10:00', 'Ada');
 */
export async function bookNewHopper(page: Page, provider: string, time: string, givenName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  const day = new DayViewPage(page);
  await expect(day.columnNames()).toContainText([provider]);
  await day.clickSlot(provider, time);
  const dialog = new AppointmentDialogPage(page);
  await dialog.registerPatient({ givenName, familyName: 'Hopper', dateOfBirth: '1980-01-02' });
  await expect(dialog.chosenPatient()).toContainText(`${givenName} Hopper`);
  await dialog.book();
  await expect(dialog.root()).toBeHidden();
  await expect(await day.appointmentIn(provider, `${givenName} Hopper`)).toHaveCount(1);
}

/** Two desks of one clinic, each with its Settings → Sync page. */
export interface TwoDesks {
  deskA: Page;
  syncA: SyncSettingsPage;
  deskB: Page;
  syncB: SyncSettingsPage;
}

/**
 * A clinic on the sync server with two desks at `now`: desk A ("Front desk
 * A") sets it up with `setup` and connects; desk B ("Front desk B", a fresh
 * computer) joins it and signs in as A's admin.
 *
 * @example const { deskA, syncA, deskB, syncB } = await twoDesks(browser, 'Southside Clinic', sampleSetup, now);
 */
export async function twoDesks(browser: Browser, clinicName: string, setup: ClinicSetup, now: Date): Promise<TwoDesks> {
  const { codes } = await clinicWithCodes(clinicName, 2);
  const [codeA, codeB] = codes as [string, string];
  const deskA = await openDesk(browser, setup, now);
  const syncA = await enrollDesk(deskA, codeA, 'Front desk A', clinicName);
  const deskB = await joinDesk(browser, codeB, 'Front desk B', setup, now);
  return { deskA, syncA, deskB, syncB: new SyncSettingsPage(deskB) };
}
