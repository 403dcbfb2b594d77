import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { FirstRunPage, sampleSetup } from './first-run';
import { SignInPage } from './sign-in';

/**
 * First run with the sample clinic (two providers, a room, Jo Admin) and
 * sign-in as its admin, with the clock pinned.
 *
 * @example await setUpClinicAsAdmin(page, new Date('2026-11-25T14:00:00Z'));
 */
export async function setUpClinicAsAdmin(page: Page, now: Date): Promise<void> {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toHaveText('Jo Admin (Admin)');
}

/**
 * Locks the desk and signs someone else in from the lock screen.
 *
 * @example await switchUser(page, 'fran.desk', 'another long passphrase');
 */
export async function switchUser(page: Page, username: string, passphrase: string): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await new SignInPage(page).signIn(username, passphrase);
}

/** What the resource form is filled with. */
export interface ResourceInput {
  kind: 'Provider' | 'Room' | 'Equipment';
  name: string;
  capacity?: number;
  timeZone?: string;
}

/** What the staff form is filled with. */
export interface StaffInput {
  displayName: string;
  username: string;
  role: 'Front desk' | 'Manager' | 'Admin';
  passphrase: string;
}

/**
 * Page model of the administration screen (managers and admins): tabs for
 * resources, working hours, closures and staff; each form is a dialog.
 *
 * @example const admin = new AdminPage(page); await admin.open(); await admin.addResource({ kind: 'Room', name: 'Room 2' });
 */
export class AdminPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Administration', level: 1 });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Administration' }).click();
    await this.heading().waitFor();
  }

  async tab(name: 'Providers, rooms and equipment' | 'Schedules' | 'Closures and holidays' | 'Staff accounts' | 'Calendar files'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The table of a tab, by its accessible name. */
  table(name: string): Locator {
    return this.page.getByRole('table', { name });
  }

  /** Fills the open resource dialog and saves; leaves the dialog open when refused. */
  async fillResource(input: ResourceInput): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByLabel('Name', { exact: true }).fill(input.name);
    await dialog.getByLabel('Kind').selectOption({ label: input.kind });
    if (input.capacity !== undefined) await dialog.getByLabel('Capacity').fill(String(input.capacity));
    if (input.timeZone !== undefined) await dialog.getByLabel('Time zone').fill(input.timeZone);
    await dialog.getByRole('button', { name: 'Save' }).click();
  }

  async addResource(input: ResourceInput): Promise<void> {
    await this.tab('Providers, rooms and equipment');
    await this.page.getByRole('button', { name: `Add ${input.kind.toLowerCase()}` }).click();
    await this.fillResource(input);
    await this.dialog().waitFor({ state: 'hidden' });
  }

  /** Opens *Schedules* on a resource (by name) and the dialog that adds a block to it. */
  async openNewBlock(resourceName: string): Promise<Locator> {
    await this.tab('Schedules');
    await this.page.getByTestId('schedule-resource').selectOption({ label: resourceName });
    await this.page.getByRole('button', { name: 'Add to schedule' }).click();
    return this.dialog();
  }

  /** Adds a one-day working-hours (or break) block to a resource on `date` and saves it. */
  async addBlock(resourceName: string, date: string, kind: 'Working hours' | 'Break', start: string, end: string): Promise<void> {
    const dialog = await this.openNewBlock(resourceName);
    await dialog.getByLabel('What').selectOption({ label: kind });
    await dialog.getByLabel('Day', { exact: true }).fill(date);
    await dialog.getByLabel('From', { exact: true }).fill(start);
    await dialog.getByLabel('To', { exact: true }).fill(end);
    await dialog.getByRole('button', { name: 'Save' }).click();
  }

  async addClosure(first: string, last: string, appliesTo: string, reason: string): Promise<void> {
    await this.tab('Closures and holidays');
    await this.page.getByRole('button', { name: 'Add closure' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('First day').fill(first);
    await dialog.getByLabel('Last day').fill(last);
    await dialog.getByLabel('Closed').selectOption({ label: appliesTo });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Save' }).click();
  }

  async addStaff(input: StaffInput): Promise<void> {
    await this.tab('Staff accounts');
    await this.page.getByRole('button', { name: 'Add staff member' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('Name', { exact: true }).fill(input.displayName);
    await dialog.getByLabel('Username').fill(input.username);
    await dialog.getByLabel('Role').selectOption({ label: input.role });
    await dialog.getByLabel('Passphrase', { exact: true }).fill(input.passphrase);
    await dialog.getByLabel('Passphrase again').fill(input.passphrase);
    await dialog.getByRole('button', { name: 'Save' }).click();
  }
}
