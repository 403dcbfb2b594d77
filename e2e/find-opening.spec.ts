import { expect, test } from '@playwright/test';
import { seriousViolations } from './pages/accessibility';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';
import { FindOpeningPage } from './pages/find-opening';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';

/**
 * Find an opening (issue 13, item 2): a refused length named beside its
 * field, a search that finds nothing saying why, then the next 40-minute
 * opening with Dr Adams for a patient already booked at 09:00 — picked with
 * the keyboard, booked through the usual dialog, gone from the list. And the
 * booking dialog's own help: a taken time offers the nearest free times
 * before and after it, and the later one moves the start and books.
 */
const now = new Date('2026-11-25T19:00:00Z'); // Wednesday 14:00 in New York
test.describe.configure({ timeout: 90_000 });

test('find an opening: a refused length, why nothing fits, then search, pick with the arrows, Enter, booked', async ({ page }) => {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  await day.goTo('2026-11-26');
  await day.bookNewPatient('Dr Adams', '09:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toHaveCount(1);

  const panel = new FindOpeningPage(page);
  await panel.open();
  await expect(panel.field('Length')).toBeFocused();

  // A length of 0 is refused beside the field; nothing is searched.
  await panel.field('Length').fill('0');
  await panel.search();
  await expect(panel.field('Length')).toHaveAccessibleDescription(/The length must be between 5 minutes and 24 hours\./);
  await expect(panel.results()).toHaveCount(0);

  // Dr Adams at weekends only: nothing, and the panel says why.
  await panel.field('Length').fill('40');
  await panel.toggle('Any provider');
  await panel.toggle('Dr Adams');
  for (const weekday of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await panel.toggle(weekday);
  await panel.search();
  await expect(panel.root().getByTestId('no-openings')).toContainText('Dr Adams has no hours on Saturday or Sunday.');
  await expect(panel.field('Length')).not.toHaveAccessibleDescription(/between 5 minutes/);

  // Thursdays too, for Ada, from tomorrow: Ada and Dr Adams are busy 9:00–9:30, so 9:30 comes first.
  await panel.toggle('Thu');
  await panel.root().getByRole('combobox', { name: 'Find patient' }).fill('Ada');
  await panel.root().getByRole('option', { name: /Ada Lovelace/ }).click();
  await panel.field('From').fill('2026-11-26');
  await panel.search();
  await expect(panel.results()).toBeFocused();
  await expect(panel.openings().first()).toHaveText(/^9:30\sAM–10:10\sAM.*Dr Adams$/);
  await expect(panel.root().getByRole('group', { name: 'Thursday, November 26, 2026' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(panel.openings().nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(panel.openings().first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  // The usual booking dialog, filled in: Dr Adams, Thursday 9:30, 40 minutes, Ada.
  const dialog = new AppointmentDialogPage(page);
  await expect(dialog.chosenPatient()).toContainText('Ada Lovelace');
  await expect(dialog.date()).toHaveValue('2026-11-26');
  await expect(dialog.time()).toHaveValue('09:30');
  await expect(dialog.root().getByRole('spinbutton', { name: 'Minutes' })).toHaveValue('40');
  await expect(dialog.resource('Dr Adams')).toBeChecked();
  await dialog.book();
  await expect(dialog.root()).toHaveCount(0);

  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toHaveCount(2);
  // The taken time leaves the list at once: the next opening starts as the new visit ends.
  await expect(panel.openings().first()).toHaveText(/^10:10\sAM–10:50\sAM/);
});

test('a taken time: the booking dialog offers the nearest free times, and the later one books', async ({ page }) => {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  await day.goTo('2026-11-26');
  await day.bookNewPatient('Dr Adams', '09:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toHaveCount(1);

  // Grace at Ada's 9:00: taken. Dr Adams starts at 9:00, so the nearest before is this afternoon (it is 2 PM now).
  await day.clickSlot('Dr Adams', '11:00');
  const dialog = new AppointmentDialogPage(page);
  await dialog.registerPatient({ givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await expect(dialog.checkNote()).toHaveText('No conflict, closure or hours problem.');
  await expect(dialog.nearestTimes()).toHaveCount(0); // a free time looks nothing up
  await dialog.time().fill('09:00');
  await expect(dialog.checkNote()).toContainText('Dr Adams is already booked at that time');
  await expect(dialog.nearestTime('Earlier')).toHaveText(/^Earlier: Wed Nov 25, 4:30\sPM$/);
  await expect(dialog.nearestTime('Later')).toHaveText(/^Later: 9:30\sAM$/);
  expect(await seriousViolations(page)).toEqual([]);

  // The later one moves the start and keeps the rest; the check runs again and finds nothing.
  await dialog.nearestTime('Later').click();
  await expect(dialog.time()).toHaveValue('09:30');
  await expect(dialog.time()).toBeFocused();
  await expect(dialog.date()).toHaveValue('2026-11-26');
  await expect(dialog.chosenPatient()).toContainText('Grace Hopper');
  await expect(dialog.resource('Dr Adams')).toBeChecked();
  await expect(dialog.checkNote()).toHaveText('No conflict, closure or hours problem.');
  await expect(dialog.nearestTimes()).toHaveCount(0);
  await dialog.book();
  await expect(dialog.root()).toHaveCount(0);
  await expect(await day.appointmentIn('Dr Adams', 'Grace Hopper')).toHaveCount(1);
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toHaveCount(1);
});
