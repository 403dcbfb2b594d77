import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { AuditViewerPage } from './pages/audit-viewer';
import { BackupsPage } from './pages/backups';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';

/**
 * Issue 14's journey in Chromium (browser build): an admin sets the backup
 * passphrase and backs up (the verified file downloads); the browser
 * profile is wiped (a brand-new context: no IndexedDB at all); first run's
 * "Restore from a backup" shows what the file holds, asks for the
 * passphrase and restores it; after the restart the same admin signs in and
 * the day sheet and the audit log are as before, plus the restore's own
 * entry. A file with one byte changed is refused and nothing is restored.
 */

const now = new Date('2026-11-25T14:00:00Z');
const backupPassphrase = 'river stone lantern 42';
test.describe.configure({ timeout: 240_000 });

async function freshProfile(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  return page;
}

/** The audit log's entry count (from the chain status) and the actions of the rows in view, newest first. */
async function auditLog(page: Page): Promise<{ count: number; actions: string[] }> {
  const audit = new AuditViewerPage(page);
  await audit.open();
  await expect(audit.chainStatus()).toContainText('verified', { timeout: 60_000 });
  await expect(audit.rows().first()).toBeVisible({ timeout: 30_000 });
  const count = Number(/([\d,]+) entr/.exec((await audit.chainStatus().textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? Number.NaN);
  return { count, actions: await audit.rows().evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-action')}`)) };
}

async function backedUpClinic(browser: Browser, downloadPath: string): Promise<{ count: number; actions: string[] }> {
  const page = await freshProfile(browser);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toHaveText('Sign in', { timeout: 60_000 });
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  await day.bookNewPatient('Dr Adams', '10:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toBeVisible();

  const backups = new BackupsPage(page);
  await backups.open();
  await expect(backups.lastBackup()).toHaveText('No verified backup yet.');
  await backups.setPassphrase(backupPassphrase);
  const download = await backups.backUpNow();
  expect(download.suggestedFilename()).toMatch(/^timedesk-northside-family-clinic-20261125T140000000Z-manual\.tdbackup$/);
  await download.saveAs(downloadPath);
  await expect(backups.lastBackup()).toHaveText('Last backup: today 9:00 AM, verified');
  const log = await auditLog(page);

  // The downtime pack (made after the backup, so the restored log matches `log`): today's day sheet names the booked patient.
  await backups.open();
  const pack = await backups.makeDowntimePack();
  expect(pack.map((file) => file.suggestedFilename()).sort()).toEqual([...['25', '26', '27', '28', '29', '30'].map((day) => `2026-11-${day}-day-sheet.html`), '2026-12-01-day-sheet.html', 'phone-list.csv', 'phone-list.html', 'visits.csv'].sort());
  const today = pack.find((file) => file.suggestedFilename() === '2026-11-25-day-sheet.html')!;
  const sheet = readFileSync((await today.path())!, 'utf8');
  expect(sheet).toContain('<h1>Dr Adams</h1>');
  expect(sheet).toMatch(/<td>10:00\sAM–[^<]+<\/td><td>Ada Lovelace<\/td>/);
  expect(sheet).not.toContain('<script');
  await page.context().close();
  return log;
}

/** A wiped profile's first run, on "Restore from a backup" with `file` chosen. */
async function restoringFromFirstRun(browser: Browser, file: string): Promise<{ page: Page; firstRun: FirstRunPage; backups: BackupsPage }> {
  const page = await freshProfile(browser);
  await page.goto('/');
  const firstRun = new FirstRunPage(page);
  await firstRun.waitUntilShown();
  await page.getByRole('button', { name: 'Restore from a backup' }).click();
  const backups = new BackupsPage(page);
  await backups.chooseFile(file);
  return { page, firstRun, backups };
}

// One clinic backed up for both tests: making it is most of each test's time.
let file = '';
let before: { count: number; actions: string[] } = { count: 0, actions: [] };
test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  file = testInfo.outputPath('clinic.tdbackup');
  before = await backedUpClinic(browser, file);
});

test('backup → wiped profile → restore from first run: the day sheet and the audit log are as before', async ({ browser }, testInfo) => {
  const { actions } = before;
  expect(actions).toContain('BACKUP_PASSPHRASE_SET');

  const { page, backups } = await restoringFromFirstRun(browser, file);
  await expect(backups.summary()).toContainText('A backup of Northside Family Clinic, made today 9:00 AM.');
  await expect(backups.summary()).toContainText('1 appointments, 1 patients');
  await backups.restoreWith('not the passphrase');
  await expect(backups.dialog().getByText('That passphrase does not open this backup.')).toBeVisible({ timeout: 60_000 });
  await backups.restoreWith(backupPassphrase);
  // The app restarts on the restored database (it may show the sign-in before the restart): the clinic's own accounts sign in.
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toHaveText('Sign in', { timeout: 120_000 });
  await page.waitForEvent('load', { timeout: 30_000 });
  await expect(signIn.heading()).toHaveText('Sign in', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('restored.png') });
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  await expect(day.title()).toHaveText('Wednesday, November 25, 2026');
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toBeVisible();
  const restored = await auditLog(page);
  // Newest first: the sign-in, the restore, then the backup's entries exactly — without the backup's own
  // BACKUP_CREATED, written after the snapshot was taken.
  expect(restored.actions.slice(0, 2)).toEqual(['STAFF_SIGNED_IN', 'BACKUP_RESTORED']);
  const kept = restored.actions.slice(2);
  expect(kept.length).toBeGreaterThan(5);
  expect(kept).toEqual(actions.filter((action) => action !== 'BACKUP_CREATED').slice(0, kept.length));
  expect(restored.count).toBe(before.count - 1 + 2);
  await expect(new AuditViewerPage(page).chainStatus()).toContainText('verified');
});

test('a backup with one byte changed is refused and nothing is restored', async ({ browser }, testInfo) => {
  const bytes = readFileSync(file);
  bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0x01;
  const tampered = testInfo.outputPath('tampered.tdbackup');
  writeFileSync(tampered, bytes);

  const { page, firstRun, backups } = await restoringFromFirstRun(browser, tampered);
  await expect(backups.summary()).toContainText('Northside Family Clinic');
  await backups.restoreWith(backupPassphrase);
  await expect(backups.dialog().getByText('This backup has been altered or damaged since it was made. Nothing was changed on this desk.')).toBeVisible({ timeout: 120_000 });
  await backups.dialog().getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(firstRun.heading()).toBeVisible({ timeout: 60_000 });
});
