import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { setUpClinicAsAdmin } from './pages/admin';
import { AuditViewerPage } from './pages/audit-viewer';
import { sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';

/**
 * Issue 3 at the desk: the start-up audit check and its banner, and the
 * session events (first run, lock, sign-out) in the log. Fresh context per
 * test; clock pinned to Wednesday 25 November 2026, 09:00 New York.
 */
const now = new Date('2026-11-25T14:00:00Z');

test.describe.configure({ timeout: 120_000 });

/** Edits entry `seq` straight in IndexedDB (past the append-only guard): what someone with the disk could do. */
async function tamperWithEntry(page: Page, seq: number): Promise<void> {
  await page.evaluate(async (target) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('timedesk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('audit', 'readwrite').objectStore('audit');
    const entries = await new Promise<{ seq: number; reason: string | null }[]>((resolve, reject) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as { seq: number; reason: string | null }[]);
      request.onerror = () => reject(request.error);
    });
    const entry = entries.find((candidate) => candidate.seq === target);
    if (!entry) throw new Error(`no entry ${target}`);
    await new Promise<void>((resolve, reject) => {
      const request = store.put({ ...entry, reason: 'quietly changed' });
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    db.close();
  }, seq);
}

test('a tampered audit log shows a red banner at start-up, to everyone, naming the entry, until a manager acknowledges it', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  const banner = page.getByTestId('audit-chain-banner');
  await expect(banner).toHaveCount(0);

  await tamperWithEntry(page, 3);
  await page.reload();

  // Before anyone signs in: the check runs when the database opens.
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toBeVisible();
  await expect(banner).toHaveText('The audit log on this desk failed its integrity check at entry 3 — tell your practice manager.');
  await expect(banner).toHaveRole('alert');
  await expect(banner.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('audit-chain-banner-sign-in.png') });

  // It stays on the desk; the break is recorded once, however often it is checked.
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toHaveText('Jo Admin (Admin)');
  await expect(banner).toContainText('entry 3');
  const audit = new AuditViewerPage(page);
  await audit.open();
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'broken');
  await expect(audit.rowsWithAction('AUDIT_CHAIN_BROKEN')).toHaveCount(1);

  // An admin acknowledges it for this session; the next start checks again.
  await banner.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(banner).toContainText('entry 3');
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
  await audit.open();
  await expect(audit.rowsWithAction('AUDIT_CHAIN_BROKEN')).toHaveCount(1);
});

test('first run, the Lock button and signing out are in the audit log', async ({ page }) => {
  await setUpClinicAsAdmin(page, now);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toHaveText('Sign in');
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toHaveText('Jo Admin (Admin)');

  const audit = new AuditViewerPage(page);
  await audit.open();
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'ok');
  await expect(audit.rowsWithAction('SESSION_LOCKED')).toHaveCount(1);
  await expect(audit.rowsWithAction('SESSION_LOCKED')).toContainText('Locked with the Lock button.');
  await expect(audit.rowsWithAction('STAFF_SIGNED_OUT')).toHaveCount(1);
  await expect(audit.rowsWithAction('STAFF_SIGNED_IN')).toHaveCount(2);
  // The log's oldest entries (a filter brings them into view): first run, by the new admin.
  await audit.filterAction('Clinic created');
  await expect(audit.rowsWithAction('CLINIC_CREATED')).toHaveCount(1);
  await expect(audit.rowsWithAction('CLINIC_CREATED')).toContainText('Jo Admin');
});
