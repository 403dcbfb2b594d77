import type { Page } from '@playwright/test';

/** What the first-run form is filled with in a test. */
export interface ClinicSetup {
  clinicName: string;
  adminName: string;
  username: string;
  passphrase: string;
  providers: string[];
  rooms: string[];
  /** Tick "Load the sample clinic" instead of naming providers and rooms. */
  sample?: boolean;
}

/** A clinic with two providers and a room, as most journeys need. */
export const sampleSetup: ClinicSetup = {
  clinicName: 'Northside Family Clinic',
  adminName: 'Jo Admin',
  username: 'jo.admin',
  passphrase: 'correct horse battery',
  providers: ['Dr Adams', 'Dr Brown'],
  rooms: ['Room 1'],
};

/**
 * Page model of the first-run screen (clinic + first admin + resources).
 *
 * @example await new FirstRunPage(page).createClinic(sampleSetup);
 */
export class FirstRunPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Set up your clinic' });
  }

  /** Waits for the screen; the dev server compiles the app on the first visit, which takes a while on a busy machine. */
  async waitUntilShown(): Promise<void> {
    await this.heading().waitFor({ timeout: 60_000 });
  }

  async fill(setup: ClinicSetup): Promise<void> {
    const { page } = this;
    await this.waitUntilShown();
    await page.getByLabel('Clinic name').fill(setup.clinicName);
    await page.getByLabel('Your name').fill(setup.adminName);
    await page.getByLabel('Username').fill(setup.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(setup.passphrase);
    await page.getByLabel('Passphrase again').fill(setup.passphrase);
    if (setup.sample) {
      await page.getByLabel('Load the sample clinic instead (to try Timedesk out)').check();
      return;
    }
    await page.getByLabel('Providers').fill(setup.providers.join('\n'));
    await page.getByLabel('Rooms').fill(setup.rooms.join('\n'));
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create clinic' }).click();
  }

  async createClinic(setup: ClinicSetup): Promise<void> {
    await this.fill(setup);
    await this.submit();
  }
}
