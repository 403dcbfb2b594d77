import { expect, test } from '@playwright/test';
import { es } from '../renderer/i18n/es';
import { fr } from '../renderer/i18n/fr';
import { DayViewPage } from './pages/day-view';
import { englishLeftIn } from './pages/english-left';

/**
 * The whole desk once in Spanish (issue 17): a computer set to Spanish
 * (Spain) meets a first run in Spanish, and the clinic it creates speaks
 * Spanish at sign-in, on the day sheet, in the booking and series dialogs
 * and when cancelling — with no English phrase of the desk left on screen
 * at any step. Labels come from the Spanish messages themselves, so the
 * test follows the translation rather than copying it.
 */
test.use({ locale: 'es-ES', timezoneId: 'Europe/Madrid' });

const passphrase = 'caballo correcto batería';

test.describe.configure({ timeout: 120_000 });

test('a Spanish desk: first run, sign-in, a booking, a weekly series and a cancellation, all in Spanish; then her own desk in French', async ({ page }) => {
  const body = page.locator('body');
  // Monday 23 November 2026, 10:00 in Madrid.
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00Z'));
  await page.goto('/');

  await page.getByRole('heading', { name: es.firstRun.title }).waitFor({ timeout: 60_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(await englishLeftIn(body, es)).toEqual([]);
  await page.getByLabel(es.fields.clinicName).fill('Clínica San Roque');
  await page.getByLabel(es.fields.adminDisplayName).fill('Lucía Martín');
  await page.getByLabel(es.fields.adminUsername).fill('lucia');
  await page.getByLabel(es.fields.passphrase, { exact: true }).fill(passphrase);
  await page.getByLabel(es.fields.passphraseAgain).fill(passphrase);
  await page.getByLabel(es.fields.providerNames).fill('Dra. García');
  await page.getByLabel(es.fields.roomNames).fill('Consulta 1');
  await page.getByRole('button', { name: es.firstRun.submit }).click();

  await page.getByRole('heading', { name: es.signIn.title }).waitFor({ timeout: 30_000 });
  expect(await englishLeftIn(body, es)).toEqual([]);
  await page.getByLabel(es.fields.username).fill('lucia');
  await page.getByLabel(es.fields.passphrase).fill(passphrase);
  await page.getByRole('button', { name: es.signIn.submit, exact: true }).click();

  const day = new DayViewPage(page);
  await expect(day.title()).toContainText('lunes');
  expect(await englishLeftIn(body, es)).toEqual([]);

  // A single visit, for a patient registered on the spot.
  await day.clickSlot('Dra. García', '11:00');
  const dialog = page.getByRole('dialog', { name: es.dialog.newTitle });
  await dialog.getByRole('button', { name: es.dialog.registerNew }).click();
  const form = dialog.getByTestId('quick-register');
  await form.getByLabel(es.fields.givenName).fill('Carmen');
  await form.getByLabel(es.fields.familyName).fill('Sánchez');
  await form.getByLabel(es.fields.dateOfBirth).fill('1985-03-14');
  await form.getByRole('button', { name: es.dialog.registerSubmit }).click();
  await expect(dialog.getByTestId('chosen-patient')).toContainText('Carmen');
  expect(await englishLeftIn(body, es)).toEqual([]);
  await dialog.getByRole('button', { name: es.dialog.submit, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(await day.appointmentIn('Dra. García', 'Carmen Sánchez')).toHaveCount(1);

  // A weekly series of four, its repeat in Spanish words.
  await day.clickSlot('Dra. García', '12:00');
  await dialog.getByRole('button', { name: es.dialog.registerNew }).click();
  await form.getByLabel(es.fields.givenName).fill('Javier');
  await form.getByLabel(es.fields.familyName).fill('Ortega');
  await form.getByLabel(es.fields.dateOfBirth).fill('1972-07-02');
  await form.getByRole('button', { name: es.dialog.registerSubmit }).click();
  const repeat = dialog.getByTestId('repeat');
  await repeat.getByLabel(es.repeat.kind).selectOption({ label: es.repeat.kinds.weekly });
  await repeat.getByRole('spinbutton', { name: es.repeat.times }).fill('4');
  await expect(dialog.getByTestId('repeat-summary')).toContainText(es.recurrence.count(4));
  expect(await englishLeftIn(body, es)).toEqual([]);
  await dialog.getByRole('button', { name: es.dialog.submitSeries, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(await day.appointmentIn('Dra. García', 'Javier Ortega')).toHaveCount(1);

  // Cancelling the single visit, with a reason.
  await (await day.appointmentIn('Dra. García', 'Carmen Sánchez')).getByRole('button', { name: /^Carmen Sánchez, / }).click({ position: { x: 4, y: 4 } });
  await day.selectionPanel().getByRole('group', { name: es.status.actions }).getByRole('button', { name: es.status.cancel }).click();
  const cancel = page.getByRole('dialog', { name: es.status.cancelTitle });
  await cancel.getByLabel(es.status.cancelReason).fill('La paciente llamó para anular');
  expect(await englishLeftIn(body, es)).toEqual([]);
  await cancel.getByRole('button', { name: es.status.cancelConfirm }).click();
  await expect(cancel).toBeHidden();
  await expect(await day.appointmentIn('Dra. García', 'Carmen Sánchez')).toHaveCount(0);
  expect(await englishLeftIn(body, es)).toEqual([]);

  // Lucía switches her own desk to French: at once, and still after signing in again.
  await page.getByRole('contentinfo').getByLabel(es.language.label).selectOption({ label: 'Français' });
  await expect(page.getByRole('navigation', { name: fr.nav.label }).getByRole('button', { name: fr.nav.daySheet })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(day.title()).toContainText('lundi');
  await page.reload();
  await page.getByLabel(es.fields.username).fill('lucia');
  await page.getByLabel(es.fields.passphrase).fill(passphrase);
  await page.getByRole('button', { name: es.signIn.submit, exact: true }).click();
  await expect(page.getByRole('navigation', { name: fr.nav.label }).getByRole('button', { name: fr.nav.daySheet })).toBeVisible();
  expect(await englishLeftIn(body, fr)).toEqual([]);
});
