import { expect, test } from '@playwright/test';
import { setUpClinicAsAdmin } from './pages/admin';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';

/**
 * One key, one meaning (issue 11, item 3): N is always a new booking, M the
 * selected booking's no-show, whether the booking was just made (shown in the
 * panel), clicked or focused; and focus stays inside the booking dialog after
 * a patient is picked or registered, so the next key lands in the form.
 */
const now = new Date('2026-11-25T14:00:00Z'); // Wednesday 09:00 in New York
test.describe.configure({ timeout: 120_000 });

test('N opens a new booking and M marks the selected one a no-show, however it was selected; focus stays in the dialog', async ({ page }) => {
  await setUpClinicAsAdmin(page, now);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);

  // Registering a patient inside the dialog leaves focus in the dialog, on the next field to fill.
  await day.clickSlot('Dr Adams', '10:00');
  await dialog.registerPatient({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(dialog.chosenPatient()).toContainText('Ada Lovelace');
  await expect(dialog.root().getByLabel('Reason for visit')).toBeFocused();
  await page.keyboard.type('Check-up');
  await page.keyboard.press('Enter');
  await expect(dialog.root()).toBeHidden();
  const ada = await day.appointmentIn('Dr Adams', 'Ada Lovelace');
  await expect(ada).toContainText('Check-up');

  // Right after booking, the new visit is in the panel: N is a new booking, not a no-show.
  await expect(day.selectionPanel()).toHaveAccessibleName('Ada Lovelace');
  await page.keyboard.press('n');
  await expect(dialog.root()).toBeVisible();
  // Picking a patient from the list also keeps focus in the dialog (no resource chosen yet: the resources come next).
  await dialog.choosePatient('Lovelace', 'Ada Lovelace');
  await expect(dialog.root().getByRole('checkbox', { name: /^Dr Adams / })).toBeFocused();
  await dialog.root().getByRole('button', { name: 'Change' }).click();
  await expect(dialog.root().getByRole('combobox', { name: 'Find patient' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog.root()).toBeHidden();
  await expect(ada).toHaveAttribute('data-status', 'booked');

  // M marks the selected visit a no-show; U undoes it.
  await page.keyboard.press('m');
  await expect(ada).toHaveAttribute('data-status', 'no_show');
  await page.keyboard.press('u');
  await expect(ada).toHaveAttribute('data-status', 'booked');

  // Clicked, or focused: the same keys, the same meanings.
  await day.select('Dr Adams', 'Ada Lovelace');
  await page.keyboard.press('n');
  await expect(dialog.root()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ada).toHaveAttribute('data-status', 'booked');
  await ada.getByRole('button', { name: /^Ada Lovelace, / }).focus();
  await page.keyboard.press('N');
  await expect(dialog.root()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ada).toHaveAttribute('data-status', 'booked');
  await page.keyboard.press('a');
  await expect(ada).toHaveAttribute('data-status', 'arrived');

  // The panel and the shortcut sheet name the same keys.
  await expect(day.statusButton('No-show')).toHaveAttribute('aria-keyshortcuts', 'M');
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const row = (key: string) => sheet.locator('.shortcut-list > div', { has: page.locator('kbd', { hasText: new RegExp(`^${key}$`) }) });
  await expect(row('N')).toHaveText(/^N\s*New appointment$/);
  await expect(row('M')).toHaveText(/^M\s*Mark no-show \(missed\)$/);
  await page.keyboard.press('Escape');

  // With nothing selected, a status key says what to do instead of doing something else.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('m');
  await expect(day.notice()).toContainText('Select an appointment first');
});
