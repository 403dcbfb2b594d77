import { expect } from '@playwright/test';
import type { Download, Locator, Page } from '@playwright/test';

/**
 * Page model of Backups (renderer/backup/BackupScreen.tsx) and of the
 * restore dialog, which first run opens too.
 *
 * @example const backups = new BackupsPage(page); await backups.open(); await backups.setPassphrase('…');
 */
export class BackupsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Backups', level: 1 });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Backups' }).click();
    await this.heading().waitFor();
  }

  lastBackup(): Locator {
    return this.page.getByTestId('backup-last');
  }

  async setPassphrase(passphrase: string): Promise<void> {
    await this.page.getByLabel('New backup passphrase').fill(passphrase);
    await this.page.getByLabel('The same passphrase again').fill(passphrase);
    await this.page.getByRole('button', { name: 'Save the passphrase' }).click();
    await this.page.getByText('Saved. Later backups use the new passphrase').waitFor({ timeout: 60_000 });
  }

  /** "Back up now" in the browser build: the verified file arrives as a download. */
  async backUpNow(): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 120_000 });
    await this.page.getByRole('button', { name: 'Back up now' }).click();
    return download;
  }

  /** "Make the downtime pack" in the browser build: every file of it arrives as a download (10: 7 days, the CSV, the phone list twice). */
  async makeDowntimePack(count = 10): Promise<Download[]> {
    const downloads: Download[] = [];
    const collect = (download: Download) => void downloads.push(download);
    this.page.on('download', collect);
    try {
      await this.page.getByRole('button', { name: 'Make the downtime pack' }).click();
      await this.page.getByText('Downtime pack downloaded').waitFor({ timeout: 60_000 });
      await expect.poll(() => downloads.length).toBe(count);
    } finally {
      this.page.off('download', collect);
    }
    return downloads;
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Restore from a backup' });
  }

  /** Picks the file in the restore dialog (already open). */
  async chooseFile(path: string): Promise<void> {
    await this.dialog().getByLabel('Backup file').setInputFiles(path);
  }

  summary(): Locator {
    return this.dialog().getByTestId('restore-summary');
  }

  async restoreWith(passphrase: string): Promise<void> {
    await this.dialog().getByLabel('Backup passphrase').fill(passphrase);
    await this.dialog().getByRole('button', { name: 'Check and restore' }).click();
  }
}
