import { expect, test } from '@playwright/test';
import { setUpClinicAsAdmin } from './pages/admin';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';

/**
 * Nothing typed is changed or wrongly taken without a word (issue 11, item
 * 5): a long note is counted and refused, never cut short; a date of birth
 * after today is refused, one over 120 years ago warned about.
 */
const now = new Date('2026-11-25T14:00:00Z');
test.describe.configure({ timeout: 120_000 });

test('a 10,000-character note is counted and refused, not cut; a future date of birth is refused, a very old one warned about', async ({ page }) => {
  await setUpClinicAsAdmin(page, now);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await day.clickSlot('Dr Adams', '10:00');
  const root = dialog.root();

  // Registering: a date of birth after today (on the clinic's clock) is refused beside the field.
  await root.getByRole('button', { name: 'Register a new patient' }).click();
  const form = root.getByTestId('quick-register');
  await form.getByLabel('Given name').fill('Ada');
  await form.getByLabel('Family name').fill('Lovelace');
  await form.getByLabel('Date of birth').fill('2026-11-26');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByText('Date of birth is after today.')).toBeVisible();
  // 1815 is a typo for 1915 more often than not: a warning, not a refusal.
  await form.getByLabel('Date of birth').fill('1815-12-10');
  await expect(form.getByText('That makes the patient 210 years old. Check the year before saving.')).toBeVisible();
  await form.getByLabel('Date of birth').fill('1915-12-10');
  await expect(form.getByText(/years old/)).toHaveCount(0);
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(dialog.chosenPatient()).toContainText('Ada Lovelace');

  // A pasted 10,000-character note stays whole; the count says it is over; Save is refused and nothing is booked.
  const notes = root.getByLabel('Notes');
  await notes.fill('x'.repeat(10_000));
  expect((await notes.inputValue()).length).toBe(10_000);
  await expect(root.getByTestId('character-count')).toHaveText('10,000 of 2,000 characters: 8,000 too many. Shorten it to save.');
  await dialog.book();
  await expect(root.getByText('Notes is too long.')).toBeVisible();
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  await notes.fill('x'.repeat(1_900));
  await expect(root.getByTestId('character-count')).toHaveText('1,900 of 2,000 characters');
  await dialog.bookAndConfirm();
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toHaveCount(1);
});
