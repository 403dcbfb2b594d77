import type { Locator, Page } from '@playwright/test';

/**
 * Page model of Settings → Sync and the sync part of the status bar.
 *
 * @example await new SyncSettingsPage(page).enroll('http://127.0.0.1:8788', code, 'Front desk A');
 */
export class SyncSettingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Sync', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
  }

  async enroll(serverUrl: string, code: string, deskName: string): Promise<void> {
    const { page } = this;
    await page.getByLabel('Sync server address').fill(serverUrl);
    await page.getByLabel('Enrollment code').fill(code);
    await page.getByLabel('Name of this desk').fill(deskName);
    await page.getByRole('button', { name: 'Connect this desk' }).click();
  }

  enrolled(): Locator {
    return this.page.getByTestId('sync-enrolled');
  }

  /** "3 changes to send" in the status bar. */
  pending(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status' }).getByTestId('sync-pending');
  }

  lastSync(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status' }).getByTestId('sync-last');
  }

  error(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status' }).getByTestId('sync-error');
  }

  conflictBadge(): Locator {
    return this.page.getByTestId('conflict-badge');
  }
}
