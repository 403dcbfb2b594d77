import type { Locator, Page } from '@playwright/test';

/**
 * Page model of "Join your clinic" (the first-run screen's way for a second
 * desk into a clinic already set up on another desk).
 *
 * @example const join = new JoinClinicPage(page); await join.open(); await join.join(syncServerUrl, code, 'Front desk 2');
 */
export class JoinClinicPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Join your clinic', level: 1 });
  }

  /** From the first-run screen (waits for the app's first compile on a cold dev server). */
  async open(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Set up your clinic' }).waitFor({ timeout: 60_000 });
    await this.page.getByRole('button', { name: 'Join your clinic' }).click();
    await this.heading().waitFor();
  }

  async join(serverUrl: string, code: string, deskName: string): Promise<void> {
    const { page } = this;
    await page.getByLabel('Sync server address').fill(serverUrl);
    await page.getByLabel('Enrollment code').fill(code);
    await page.getByLabel('Name of this desk').fill(deskName);
    await page.getByRole('button', { name: /^(Join clinic|Try again)$/ }).click();
  }

  serverUrl(): Locator {
    return this.page.getByLabel('Sync server address');
  }

  code(): Locator {
    return this.page.getByLabel('Enrollment code');
  }
}
