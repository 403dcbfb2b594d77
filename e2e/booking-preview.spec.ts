import { expect, test } from '@playwright/test';
import { seriousViolations } from './pages/accessibility';
import { AdminPage, setUpClinicAsAdmin } from './pages/admin';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';

/**
 * The appointment dialog checks a booking while it is edited (issue 4,
 * items 3 and 6): a series' preview marks closures and conflicts before
 * anything is saved, and a booking with only warnings (outside working
 * hours) asks "Book anyway?" first. Clock pinned to Wednesday 25 November
 * 2026, 09:00 in New York; the clinic's providers work Mon–Fri 9:00–17:00.
 */
const now = new Date('2026-11-25T14:00:00Z');

test.describe.configure({ timeout: 150_000 });

test('a weekly series shows its closures and its conflict, naming whom, before it is saved', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  const admin = new AdminPage(page);
  await admin.open();
  await admin.addClosure('2026-12-09', '2026-12-09', 'Whole clinic', 'Staff training');
  await expect(admin.dialog()).toBeHidden();
  await admin.addClosure('2027-01-20', '2027-01-20', 'Whole clinic', 'Inventory');
  await expect(admin.dialog()).toBeHidden();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();

  // Grace already has Dr Adams on Wednesday 2 December at 10:00.
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await page.getByLabel('Date', { exact: true }).fill('2026-12-02');
  await day.bookNewPatient('Dr Adams', '10:00', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await expect(dialog.root()).toBeHidden();
  await page.getByLabel('Date', { exact: true }).fill('2026-11-25');

  // Ada every Wednesday at 10:00, 12 times: the preview flags before Save.
  await day.clickSlot('Dr Adams', '10:00');
  await dialog.registerPatient({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await dialog.repeat('Weekly', 12);
  await expect(dialog.repeatSummary()).toHaveText('Every week on Wed, 12 times');
  await expect(dialog.checkStatus()).toHaveText('2 on a closed day, 1 conflict — of 12 visits checked.');
  await expect(dialog.repeatPreview().nth(0)).toHaveText(/^Nov 25 10:00\s?AM$/);
  await expect(dialog.repeatPreview().nth(1)).toHaveText(/^Dec 2 10:00\s?AM — Conflict: Dr Adams is already booked at that time — Grace Hopper, 10:00\s?AM \(30 min\)/);
  await expect(dialog.repeatPreview().nth(2)).toHaveText(/^Dec 9 10:00\s?AM — Closed: The clinic is closed that day: Staff training$/);
  await expect(dialog.repeatPreview().nth(3)).toHaveText(/^Dec 16 10:00\s?AM$/);
  // The ninth visit is past the first eight, so it is listed on its own.
  await expect(dialog.laterProblems()).toHaveCount(1);
  await expect(dialog.laterProblems().first()).toHaveText(/^Jan 20 10:00\s?AM — Closed: The clinic is closed that day: Inventory$/);
  await expect(dialog.conflicts()).toHaveCount(0); // nothing was tried yet
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('booking-preview-series.png') });

  // Save is refused as before, with the conflict list and the manager's override.
  await dialog.book();
  await expect(dialog.conflicts()).toContainText(/Dr Adams is already booked at that time on Dec 2, 2026, 10:00\s?AM/);
  await expect(dialog.conflicts()).toContainText('The clinic is closed that day: Staff training');
  await expect(dialog.confirmWarnings()).toHaveCount(0);
  await expect(dialog.root().getByTestId('override')).toBeVisible();
});

test('a booking outside working hours asks "Book anyway?": Escape goes back unsaved, confirming books it', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await day.clickSlot('Dr Adams', '16:00');
  await dialog.registerPatient({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(dialog.checkNote()).toHaveText('No conflict, closure or hours problem.');
  await dialog.time().fill('17:30');
  await expect(dialog.checkNote()).toHaveText(/Outside hours: Dr Adams is outside that day’s hours \(9:00\sAM–5:00\sPM\)/);

  await dialog.book();
  const confirm = dialog.confirmWarnings();
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('This visit is outside working hours.');
  await expect(confirm.getByRole('button', { name: 'Book anyway' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('booking-preview-confirm.png') });

  // Escape: back to the form, nothing saved.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(dialog.root()).toBeVisible();
  await expect(dialog.time()).toHaveValue('17:30');
  await expect(day.notice()).toHaveCount(0); // no "Booked …" notice

  // Again, and confirm from the keyboard: booked, with the warning in the notice.
  await dialog.book();
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.root()).toBeHidden();
  await expect(day.notice()).toContainText(/Booked Ada Lovelace at 5:30\s?PM\. Dr Adams is outside that day’s hours \(9:00\sAM–5:00\sPM\)\./);
  // Escape had saved nothing: a second Ada at 17:30 would have been refused as a double booking.
  await expect(day.appointments('Ada Lovelace')).toHaveCount(1);
});
