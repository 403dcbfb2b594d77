import { expect, test } from '@playwright/test';
import { CallDownPage } from './pages/call-down';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { PatientConsentPage } from './pages/patient-consent';
import { SignInPage } from './pages/sign-in';

/**
 * Confirmations without a sync server (issue 16, item 1): the afternoon
 * call-down through the *To confirm* list, answers by key and by button,
 * undo, and the mark on the booking; a patient's contact consent recorded in
 * Find patient and shown on the list and in the booking dialog.
 */
const now = new Date('2026-11-25T19:00:00Z'); // Wednesday 14:00 in New York
test.describe.configure({ timeout: 120_000 });

test('the To confirm list: tomorrow’s and the day after’s visits in call order, confirmed by phone with F, no answer with O, undone with Ctrl+Z; a patient who opted out is marked on it and in the booking dialog', async ({ page }) => {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  const list = new CallDownPage(page);

  await day.goTo('2026-11-26');
  await day.bookNewPatient('Dr Adams', '10:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10', phone: '555 0100' });
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toBeVisible();
  await day.bookNewPatient('Dr Brown', '09:00', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09', phone: '555 0111' });
  await expect(await day.appointmentIn('Dr Brown', 'Grace Hopper')).toBeVisible();
  await day.goTo('2026-11-27');
  await day.bookNewPatient('Dr Adams', '11:00', { givenName: 'Alan', familyName: 'Turing', dateOfBirth: '1992-06-23' });
  await expect(await day.appointmentIn('Dr Adams', 'Alan Turing')).toBeVisible();
  await day.goTo('2026-11-25');

  await list.open();
  await expect(list.lines()).toHaveText([/Grace Hopper.*555 0111/, /Ada Lovelace.*555 0100/, /Alan Turing.*No phone number/]);

  // Grace does not pick up: O on her line; she moves after the patients not yet called.
  await list.select('Grace Hopper');
  await expect(day.selectionPanel()).toHaveAccessibleName('Grace Hopper');
  await page.keyboard.press('o');
  await expect(list.lines()).toHaveText([/Ada Lovelace/, /Grace Hopper.*No answer · 1 call unanswered/, /Alan Turing/]);

  // Ada confirms: F, and she leaves the list; Ctrl+Z brings her back, the panel's button confirms again.
  await list.select('Ada Lovelace');
  await page.keyboard.press('f');
  await expect(day.notice()).toContainText('Ada Lovelace: confirmed.');
  await expect(list.line('Ada Lovelace')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(list.line('Ada Lovelace')).toHaveCount(1);
  await list.line('Ada Lovelace').getByRole('button', { name: 'Confirmed' }).click();
  await expect(list.line('Ada Lovelace')).toHaveCount(0);

  // Grace opts out of messages (Find patient): recorded under who and when; the list marks her, the booking dialog says so.
  const consent = new PatientConsentPage(page);
  await consent.open('Hopper', 'Grace Hopper');
  await expect(consent.root().getByTestId('consent-summary')).toHaveText('Contact consent not asked yet');
  await consent.optOut('Asked for no reminders');
  await expect(consent.root().getByTestId('consent-summary')).toHaveText('Opted out of all messages: Asked for no reminders');
  await expect(consent.root().getByTestId('consent-recorded')).toHaveText(/^Recorded by .+ on Nov 25, 2026, 2:00\s?PM$/);
  await consent.close();
  await expect(list.line('Grace Hopper').getByTestId('call-down-opted-out')).toHaveText('Opted out');
  await expect(list.line('Alan Turing').getByTestId('call-down-opted-out')).toHaveCount(0);
  const booking = await day.openNewAppointment();
  await booking.choosePatient('Hopper', 'Grace Hopper');
  await expect(booking.root().getByTestId('consent-note')).toHaveText('Opted out of reminders — no messages will be sent');
  await booking.root().getByRole('button', { name: 'Change', exact: true }).click();
  await booking.choosePatient('Turing', 'Alan Turing');
  await expect(booking.root().getByTestId('consent-note')).toHaveText('Contact consent not asked yet');
  await page.keyboard.press('Escape');
  await expect(booking.root()).toBeHidden();

  // On the sheet: Ada's block carries the confirmed mark, and its panel says so.
  await day.goTo('2026-11-26');
  const ada = await day.appointmentIn('Dr Adams', 'Ada Lovelace');
  await expect(ada.getByTestId('confirmation-mark')).toHaveAttribute('data-confirmation', 'confirmed');
  await day.select('Dr Adams', 'Ada Lovelace');
  await expect(page.getByTestId('selected-confirmation')).toHaveText('Confirmation: Confirmed');

  // The keys are on the shortcut sheet, written from the same table.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Patient confirmed (by phone)');
  await expect(sheet).toContainText('Show or hide the To confirm list');
});
