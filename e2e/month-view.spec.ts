import { expect, test } from '@playwright/test';
import { AdminPage, setUpClinicAsAdmin } from './pages/admin';
import { DayViewPage } from './pages/day-view';

/**
 * Issue 17's month view in Chromium: one provider's month with the day's
 * booking and free time, the clinic's Thanksgiving closure, weekends without
 * hours, today marked, weeks starting on Sunday (en-US), and the keys:
 * arrows, Page Down / Page Up a month, Enter back to the day sheet (but not
 * on a focused button), and the shortcut sheet listing them.
 * The clock is Wednesday 25 November 2026, 09:00 New York.
 */
const now = new Date('2026-11-25T14:00:00Z');
test.describe.configure({ timeout: 60_000 });

test('the month of a provider: bookings and free time per day, closures, keyboard navigation', async ({ page }) => {
  await setUpClinicAsAdmin(page, now); // Dr Adams, Dr Brown, Room 1: Mon–Fri 09:00–17:00
  const admin = new AdminPage(page);
  await admin.open();
  await admin.tab('Closures and holidays');
  await admin.addClosure('2026-11-26', '2026-11-26', 'Whole clinic', 'Thanksgiving');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  const day = new DayViewPage(page);
  await day.bookNewPatient('Dr Adams', '10:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1980-01-01' });
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('combobox', { name: 'View' }).selectOption('Month');
  await page.getByRole('combobox', { name: 'Month of' }).selectOption({ label: 'Dr Adams' });
  const grid = page.getByRole('grid', { name: 'Dr Adams, November 2026' });
  await expect(grid).toBeVisible();
  await expect(page.getByTestId('day-title')).toHaveText('November 2026');
  await expect(grid.getByRole('columnheader').first()).toHaveText('Sun');
  const today = grid.locator('[data-date="2026-11-25"]');
  await expect(today).toHaveAttribute('aria-current', 'date');
  await expect(today).toHaveAttribute('aria-label', 'Wednesday, November 25, 2026: 1 booked, 7.5 hr free, Today');
  await expect(grid.locator('[data-date="2026-11-24"]')).toHaveAttribute('aria-label', 'Tuesday, November 24, 2026: 0 booked, 8 hr free');
  await expect(grid.locator('[data-date="2026-11-26"]')).toHaveAttribute('aria-label', 'Thursday, November 26, 2026: 0 booked, Closed: Thanksgiving');
  await expect(grid.locator('[data-date="2026-11-28"]')).toContainText('No hours');
  await expect(grid.locator('td').first()).toHaveAttribute('data-date', '2026-11-01'); // the grid starts on Sunday 1 November
  await expect(page.getByLabel('Show cancelled')).toHaveCount(0); // the day sheet's own settings are not offered

  // Enter on a toolbar button presses the button; it does not open a day.
  await page.getByRole('button', { name: 'Next month' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('grid', { name: 'Dr Adams, December 2026' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous month' }).click();

  // The desk's keys: → a day, ↓ / ↑ a week, Page Down / Page Up a month (focus follows the day), Enter opens it.
  await today.click();
  await page.keyboard.press('ArrowRight');
  await expect(grid.locator('[data-date="2026-11-26"]')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // into December: the grid follows
  const december = page.getByRole('grid', { name: 'Dr Adams, December 2026' });
  await expect(december.locator('[data-date="2026-12-03"]')).toBeFocused();
  await page.keyboard.press('PageDown');
  const january = page.getByRole('grid', { name: 'Dr Adams, January 2027' });
  await expect(january.locator('[data-date="2027-01-03"]')).toBeFocused();
  await page.keyboard.press('PageUp');
  await expect(december.locator('[data-date="2026-12-03"]')).toBeFocused();
  await page.keyboard.press('ArrowUp'); // a week earlier: back into November
  await expect(page.getByRole('grid', { name: 'Dr Adams, November 2026' }).locator('[data-date="2026-11-26"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('day-title')).toHaveText('Thursday, November 26, 2026');
  await expect(page.getByRole('combobox', { name: 'View' })).toHaveValue('grid');

  // The keys are the desk's one table: the shortcut sheet lists the month view's.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByText('The same day a month later')).toBeVisible();
  await expect(sheet.locator('kbd', { hasText: 'Page Down' })).toBeVisible();
});
