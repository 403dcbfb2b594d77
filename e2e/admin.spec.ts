import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { AdminPage, setUpClinicAsAdmin, switchUser } from './pages/admin';
import { DayViewPage } from './pages/day-view';

/**
 * An admin sets the clinic up in the browser build: a provider and a room,
 * working hours, a holiday and a front-desk account, with the engine's
 * refusals shown beside their fields. Fresh context (fresh IndexedDB) per
 * test; the clock is pinned to Wednesday 25 November 2026, 09:00 New York.
 */
const now = new Date('2026-11-25T14:00:00Z');

test.describe.configure({ timeout: 150_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
}

test('an admin adds a provider and a room, sets hours, adds a holiday and a front-desk account', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  const admin = new AdminPage(page);
  await admin.open();
  expect(await seriousViolations(page)).toEqual([]);

  // A nameless room is refused next to its name field; a capacity of 0 next to capacity.
  await page.getByRole('button', { name: 'Add room' }).click();
  await admin.fillResource({ kind: 'Room', name: '', capacity: 2 });
  await expect(admin.dialog().getByText('Name is required.')).toBeVisible();
  await expect(admin.dialog().getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await admin.fillResource({ kind: 'Room', name: 'Group room', capacity: 0 });
  await expect(admin.dialog().getByText('Capacity must be a whole number from 1 to 1000.')).toBeVisible();
  await expect(admin.dialog().getByLabel('Capacity')).toHaveAttribute('aria-invalid', 'true');
  await admin.fillResource({ kind: 'Room', name: 'Group room', capacity: 4 });
  await expect(admin.dialog()).toBeHidden();

  await admin.addResource({ kind: 'Provider', name: 'Dr Carter', timeZone: 'America/Chicago' });
  const resources = admin.table('Providers, rooms and equipment');
  await expect(resources.getByRole('row', { name: /Group room/ })).toContainText('Room');
  await expect(resources.getByRole('row', { name: /Group room/ })).toContainText('4');
  // A new resource starts on the clinic's zone.
  await expect(resources.getByRole('row', { name: /Group room/ })).toContainText('America/New_York');
  await expect(resources.getByRole('row', { name: /Dr Carter/ })).toContainText('America/Chicago');

  // Schedule: Dr Carter starts with none; Monday 30 November 08:00–16:00 with a break (refusals: core/schedule's parse-block tests).
  await admin.tab('Schedules');
  await page.getByTestId('schedule-resource').selectOption({ label: 'Dr Carter' });
  await expect(page.getByText('Dr Carter has no schedule yet')).toBeVisible();
  await admin.addBlock('Dr Carter', '2026-11-30', 'Working hours', '08:00', '16:00');
  await expect(admin.dialog()).toBeHidden();
  await admin.addBlock('Dr Carter', '2026-11-30', 'Break', '12:00', '12:30');
  await expect(admin.dialog()).toBeHidden();
  await expect(admin.table('Schedule of Dr Carter').getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('admin-schedules.png') });

  // Thanksgiving closes the whole clinic tomorrow.
  await admin.addClosure('2026-11-26', '2026-11-26', 'Whole clinic', 'Thanksgiving');
  await expect(admin.dialog()).toBeHidden();
  await expect(admin.table('Closures and holidays').getByRole('row', { name: /Thanksgiving/ })).toContainText('Whole clinic');

  // A front-desk account with a passphrase; a taken username is refused on the username field.
  await admin.addStaff({ displayName: 'Fran Desk', username: 'fran.desk', role: 'Front desk', passphrase: 'another long passphrase' });
  await expect(admin.dialog()).toBeHidden();
  await expect(admin.table('Staff accounts').getByRole('row', { name: /Fran Desk/ })).toContainText('Front desk');
  await admin.addStaff({ displayName: 'Max Manager', username: 'max', role: 'Manager', passphrase: 'manager long passphrase' });
  await expect(admin.dialog()).toBeHidden();
  await admin.addStaff({ displayName: 'Someone Else', username: 'fran.desk', role: 'Manager', passphrase: 'another long passphrase' });
  await expect(admin.dialog().getByText('Username is already taken.')).toBeVisible();
  await expect(admin.dialog().getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await admin.dialog().getByRole('button', { name: 'Cancel' }).click();
  await page.screenshot({ path: testInfo.outputPath('admin-staff.png') });
  await admin.tab('Providers, rooms and equipment');
  await page.screenshot({ path: testInfo.outputPath('admin-resources.png') });

  // The day sheet reads what was set up: tomorrow is closed.
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  const day = new DayViewPage(page);
  await page.keyboard.press('ArrowRight');
  await expect(day.title()).toHaveText('Thursday, November 26, 2026');
  await expect(page.getByText('Closed: Thanksgiving').first()).toBeVisible();

  // Fran signs in with the passphrase the admin set; front desk gets no administration.
  await switchUser(page, 'fran.desk', 'another long passphrase');
  await expect(page.getByTestId('signed-in-staff')).toHaveText('Fran Desk (Front desk)');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Administration' })).toHaveCount(0);

  // A manager runs the clinic's setup but does not manage accounts.
  await switchUser(page, 'max', 'manager long passphrase');
  await expect(page.getByTestId('signed-in-staff')).toHaveText('Max Manager (Manager)');
  await admin.open();
  await admin.addResource({ kind: 'Equipment', name: 'ECG cart' });
  await expect(admin.table('Providers, rooms and equipment').getByRole('row', { name: /ECG cart/ })).toContainText('Equipment');
  await admin.tab('Staff accounts');
  await expect(page.getByText('Only admins can add staff accounts or change them.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add staff member' })).toHaveCount(0);
  await expect(admin.table('Staff accounts').getByRole('button', { name: /^Edit/ })).toHaveCount(0);

  // The manager exports the clinic's visits as a calendar file: a real ICS download, with no patient names by default.
  await admin.tab('Calendar files');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const { readFileSync } = await import('node:fs');
  const ics = readFileSync(await file.path(), 'utf8');
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
  expect(ics).toContain('END:VCALENDAR');
  await expect(page.getByText(/written to .*\.ics\./)).toBeVisible();
});
