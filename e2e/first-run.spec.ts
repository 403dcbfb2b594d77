import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousViolations } from './pages/accessibility';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';

/**
 * First run as a new clinic meets it (issue 11, items 1 and 2): the zone and
 * the locale are picked from lists that start on this computer's own, made-up
 * values cannot be entered, a clinic on another clock says so on the day
 * view, and the sample clinic loads all at once with a moving progress bar —
 * a window closed half-way leaves no clinic, and first run starts again.
 *
 * This computer is in London (en-GB) here, so its own zone and locale are
 * not the e2e default's.
 */
test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });
test.describe.configure({ timeout: 180_000 });

const now = new Date('2026-10-28T11:00:00Z'); // Wednesday, 11:00 in London

/** Rows in one of the app's IndexedDB tables, read straight from the browser. */
function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('timedesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => (open.result.close(), resolve(request.result));
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

test('the zone and locale come from lists starting on this computer’s; another clinic clock shows on the day view', async ({ page }) => {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  const firstRun = new FirstRunPage(page);
  await firstRun.waitUntilShown();
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  const locale = page.getByLabel('Language and region');
  await expect(zone).toHaveValue('Europe/London');
  await expect(locale).toHaveValue('en-GB');
  await expect(locale.locator('option').first()).toHaveText('British English — 28/10/2026 (this computer)');
  // Only listed locales: a made-up tag is not there to be chosen.
  await expect(locale.locator('option[value="xx-nonsense-1234"]')).toHaveCount(0);

  // The list opens on the computer's zone, first.
  await zone.click();
  const options = page.getByRole('listbox', { name: 'Time zones' }).getByRole('option');
  await expect(options.first()).toContainText('Europe/London');
  await expect(options.first()).toContainText('this computer');
  // A search by city; Enter takes the highlighted match.
  await zone.fill('kolkata');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveText(/^Asia\/Kolkata\s*India Time — Mumbai.*UTC\+05:30$/);
  expect(await seriousViolations(page)).toEqual([]);
  await zone.press('Enter');
  await expect(zone).toHaveValue('Asia/Kolkata');
  // Typing something that is no zone searches; it never becomes the value.
  await zone.fill('Mars/Base');
  await expect(page.getByText('No time zone matches “Mars/Base”.')).toBeVisible();
  await zone.press('Tab');
  await expect(zone).toHaveValue('Asia/Kolkata');
  await locale.selectOption('en-IN');

  await firstRun.createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  // Wednesday 16:30 in Kolkata, written the en-IN way.
  await expect(day.title()).toHaveText(/^Wednesday,? 28 October,? 2026$/);
  await expect(page.getByTestId('clinic-clock-note')).toHaveText("Times are on the clinic’s clock: Asia/Kolkata (UTC+05:30). This computer is set to Europe/London (UTC).");
});

test('the sample clinic loads in one transaction with a moving bar; closing the window half-way leaves no clinic', async ({ page, context }) => {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  const firstRun = new FirstRunPage(page);
  await firstRun.createClinic({ ...sampleSetup, sample: true });
  const bar = page.locator('#sample-progress');
  await expect(page.getByText('Loading the sample clinic…')).toBeVisible();
  const max = Number(await bar.getAttribute('max'));
  expect(max).toBeGreaterThan(2000);
  // The bar moves while the one transaction runs.
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(max * 0.1);
  const early = Number(await bar.getAttribute('value'));
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(early);
  expect(Number(await bar.getAttribute('value'))).toBeLessThan(max);
  // The window is closed half-way through.
  await page.close();

  const again = await context.newPage();
  await again.clock.setFixedTime(now);
  await again.goto('/');
  await new FirstRunPage(again).waitUntilShown();
  for (const table of ['staff', 'staffCredentials', 'resources', 'patients', 'appointments', 'audit', 'outbox']) expect(await countRows(again, table), table).toBe(0);

  // First run again, to the end this time (the whole sample is checked in front-desk.spec.ts).
  await new FirstRunPage(again).createClinic(sampleSetup);
  await new SignInPage(again).signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(new DayViewPage(again).columnNames()).toHaveText(['Dr Adams', 'Dr Brown']);
  expect(await countRows(again, 'staff')).toBe(1);
});
