import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';

/**
 * The front desk's core journey in the browser build (`npm run web`). Each
 * test gets a fresh browser context, so a fresh, empty IndexedDB. The clock
 * is pinned to Wednesday 25 November 2026, 09:00 in New York (the context's
 * zone, and so the clinic's default zone).
 */
const now = new Date('2026-11-25T14:00:00Z');

// Passphrase hashing (600,000 PBKDF2 rounds) and a cold dev server make these slower than a unit test.
test.describe.configure({ timeout: 120_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
}

async function setUpAndSignIn(page: Page) {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toHaveText('Sign in');
  await expect(signIn.username()).toHaveValue(sampleSetup.username);
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toHaveText('Jo Admin (Admin)');
}

test('first run screen has no serious accessibility problems and checks the passphrase', async ({ page }, testInfo) => {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  const firstRun = new FirstRunPage(page);
  await firstRun.waitUntilShown();
  await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');
  expect(await seriousViolations(page)).toEqual([]);

  await firstRun.fill({ ...sampleSetup, passphrase: 'short' });
  await firstRun.submit();
  await expect(page.getByText('The passphrase must be at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('first-run.png'), fullPage: true });
  await expect(firstRun.heading()).toBeVisible(); // nothing was created
});

test('first run → sign in → book → conflict refused → arrived → undo', async ({ page }, testInfo) => {
  await setUpAndSignIn(page);
  const day = new DayViewPage(page);
  await expect(day.title()).toHaveText('Wednesday, November 25, 2026');
  await expect(day.columnNames()).toHaveText(['Dr Adams', 'Dr Brown']);
  await expect(page.getByTestId('now-line')).toBeVisible();

  // Book Ada with Dr Adams at 10:00 by clicking the empty slot.
  await day.clickSlot('Dr Adams', '10:00');
  const dialog = new AppointmentDialogPage(page);
  await expect(dialog.root()).toBeVisible();
  await expect(dialog.time()).toHaveValue('10:00');
  await expect(dialog.resource('Dr Adams')).toBeChecked();
  await dialog.registerPatient({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10', phone: '555 010 2233' });
  await expect(dialog.chosenPatient()).toContainText('Ada Lovelace');
  await dialog.reason('Annual check-up');
  await dialog.length('45 min');
  await page.screenshot({ path: testInfo.outputPath('appointment-dialog.png') });
  await dialog.book();
  await expect(dialog.root()).toBeHidden();

  const ada = await day.appointmentIn('Dr Adams', 'Ada Lovelace');
  await expect(ada).toHaveCount(1);
  await expect(ada).toContainText('Annual check-up');
  await expect(ada).toContainText('45 min');
  await expect(ada).toHaveAttribute('data-status', 'booked');
  await expect(day.notice()).toContainText('Booked Ada Lovelace at 10:00');

  // The same provider at an overlapping time is refused, naming the collision.
  await day.clickSlot('Dr Adams', '11:00');
  await expect(dialog.time()).toHaveValue('11:00');
  await dialog.time().fill('10:15');
  await dialog.registerPatient({ givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await dialog.book();
  await expect(dialog.conflicts()).toContainText('Dr Adams is already booked at that time');
  await expect(dialog.conflicts()).toContainText(/Ada Lovelace, 10:00\s?AM \(45 min\)/);
  await expect(dialog.root()).toBeVisible();
  await expect(day.appointments('Grace Hopper')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('appointment-dialog-conflict.png') });

  // Another provider is free: switching resolves it.
  await dialog.resource('Dr Adams').uncheck();
  await dialog.resource('Dr Brown').check();
  await dialog.book();
  await expect(dialog.root()).toBeHidden();
  await expect(await day.appointmentIn('Dr Brown', 'Grace Hopper')).toHaveCount(1);

  // Arrived with one key on the focused booking, then undo from the notice.
  await ada.getByRole('button', { name: /Ada Lovelace/ }).focus();
  await page.keyboard.press('a');
  await expect(ada).toHaveAttribute('data-status', 'arrived');
  await expect(ada).toContainText('Arrived');
  await expect(day.notice()).toContainText('Ada Lovelace: Arrived.');
  await page.screenshot({ path: testInfo.outputPath('day-view.png') });
  await day.notice().getByRole('button', { name: 'Undo' }).click();
  await expect(ada).toHaveAttribute('data-status', 'booked');
  await expect(day.notice()).toContainText('Ada Lovelace: back to booked.');

  // By rooms: neither booking has a room, so both show in "Not assigned", overlapping and side by side.
  await page.getByLabel('Columns').selectOption('room');
  await expect(day.columnNames()).toHaveText(['Room 1', 'Not assigned']);
  const adaBox = await (await day.appointmentIn('Not assigned', 'Ada Lovelace')).boundingBox();
  const graceBox = await (await day.appointmentIn('Not assigned', 'Grace Hopper')).boundingBox();
  expect(adaBox && graceBox).toBeTruthy();
  if (adaBox && graceBox) expect(adaBox.x + adaBox.width <= graceBox.x || graceBox.x + graceBox.width <= adaBox.x).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('day-view-rooms.png') });
  await page.getByLabel('Columns').selectOption('provider');

  // The day is stored: a reload (after signing in again) shows the same bookings.
  await page.reload();
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toHaveAttribute('data-status', 'booked');
  await expect(await day.appointmentIn('Dr Brown', 'Grace Hopper')).toHaveCount(1);
});

test('day view is usable from the keyboard and has no serious accessibility problems', async ({ page }) => {
  await setUpAndSignIn(page);
  const day = new DayViewPage(page);
  await expect(day.title()).toHaveText('Wednesday, November 25, 2026');

  // ← / → / T move through days.
  await page.keyboard.press('ArrowRight');
  await expect(day.title()).toHaveText('Thursday, November 26, 2026');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(day.title()).toHaveText('Tuesday, November 24, 2026');
  await page.keyboard.press('t');
  await expect(day.title()).toHaveText('Wednesday, November 25, 2026');

  // N opens the dialog with focus inside; a missing patient is named next to the field; Esc closes.
  await page.keyboard.press('n');
  const dialog = new AppointmentDialogPage(page);
  await expect(dialog.root()).toBeVisible();
  await expect(dialog.root().getByRole('combobox', { name: 'Find patient' })).toBeFocused();
  await dialog.book();
  await expect(dialog.root().getByText('Choose or register a patient first.')).toBeVisible();
  await expect(dialog.root().getByText('Choose at least one provider or room.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog.root()).toBeHidden();

  // The engine's refusals appear next to the field they name.
  await page.keyboard.press('n');
  await dialog.root().getByRole('button', { name: 'Register a new patient' }).click();
  await dialog.root().getByLabel('Given name').fill('Alan');
  await dialog.root().getByLabel('Date of birth').fill('1912-06-23');
  await dialog.root().getByRole('button', { name: 'Register patient' }).click();
  await expect(dialog.root().getByText('Family name is required.')).toBeVisible();
  await expect(dialog.root().getByLabel('Family name')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');

  // ? shows the shortcut sheet.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Dragging over empty slots picks the length.
  await day.dragSlots('Dr Brown', '11:00', '12:00');
  await expect(dialog.time()).toHaveValue('11:00');
  await expect(dialog.root().getByRole('radio', { name: '1 h', exact: true })).toBeChecked();
  await page.keyboard.press('Escape');

  expect(await seriousViolations(page)).toEqual([]);

  // Lock hides the desk until the staff member signs in again.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await expect(day.title()).toBeHidden();
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(day.title()).toBeVisible();
});

test('a manager books over a conflict only with a reason; both bookings show side by side and the override is audited', async ({ page }) => {
  await setUpAndSignIn(page);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await day.bookNewPatient('Dr Adams', '10:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(dialog.root()).toBeHidden();

  await day.clickSlot('Dr Adams', '11:00');
  await dialog.time().fill('10:00');
  await dialog.registerPatient({ givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await dialog.book();
  await expect(dialog.conflicts()).toContainText('Dr Adams is already booked at that time');
  await dialog.override('');
  await expect(dialog.root().getByText('Please give a reason.')).toBeVisible();
  await expect(day.appointments('Grace Hopper')).toHaveCount(0);
  await dialog.override('Double-booked on purpose: interpreter session');
  await expect(dialog.root()).toBeHidden();

  // Measure once Grace is drawn, so Ada has already made room for her.
  await expect(await day.appointmentIn('Dr Adams', 'Grace Hopper')).toHaveCount(1);
  const ada = await (await day.appointmentIn('Dr Adams', 'Ada Lovelace')).boundingBox();
  const grace = await (await day.appointmentIn('Dr Adams', 'Grace Hopper')).boundingBox();
  if (!ada || !grace) throw new Error('both bookings must be visible');
  expect(ada.y).toBeCloseTo(grace.y, 0);
  expect(ada.x + ada.width <= grace.x || grace.x + grace.width <= ada.x, JSON.stringify({ ada, grace })).toBe(true);

  // The engine recorded the override with its reason (read straight from IndexedDB).
  const overrides = await page.evaluate(
    () =>
      new Promise<{ reason: string | null; actor: string }[]>((resolve, reject) => {
        const open = indexedDB.open('timedesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('audit').objectStore('audit').index('action').getAll('CONFLICT_OVERRIDDEN');
          request.onsuccess = () => resolve(request.result.map((entry: { reason: string | null; actor: { displayName: string } }) => ({ reason: entry.reason, actor: entry.actor.displayName })));
          request.onerror = () => reject(request.error);
        };
      }),
  );
  expect(overrides).toEqual([{ reason: 'Double-booked on purpose: interpreter session', actor: 'Jo Admin' }]);
});

test('status flow from the sheet: one-click next step, keys, cancel with a reason, undo', async ({ page }) => {
  await setUpAndSignIn(page);
  const day = new DayViewPage(page);
  await day.bookNewPatient('Dr Brown', '13:00', { givenName: 'Mary', familyName: 'Somerville', dateOfBirth: '1980-12-26' });
  const mary = await day.appointmentIn('Dr Brown', 'Mary Somerville');

  // One click on the block's own button walks the visit forward.
  await mary.getByRole('button', { name: 'Arrived', exact: true }).click();
  await expect(mary).toHaveAttribute('data-status', 'arrived');
  await mary.getByRole('button', { name: 'In room', exact: true }).click();
  await expect(mary).toHaveAttribute('data-status', 'in_room');
  await expect(page.getByTestId('selected-status')).toHaveText('In room');

  // A key the status machine refuses says so and changes nothing.
  await mary.getByRole('button', { name: /Mary Somerville/ }).focus();
  await page.keyboard.press('m');
  await expect(day.notice()).toContainText('An appointment that is in room cannot be marked no-show.');
  await expect(mary).toHaveAttribute('data-status', 'in_room');
  await page.keyboard.press('c');
  await expect(mary).toHaveAttribute('data-status', 'completed');
  await page.keyboard.press('u');
  await expect(mary).toHaveAttribute('data-status', 'in_room');

  // X asks for a reason; without one nothing happens.
  await page.keyboard.press('x');
  const cancel = page.getByRole('dialog', { name: 'Cancel appointment' });
  await expect(cancel.getByLabel('Reason for cancelling')).toBeFocused();
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel.getByText('Please give a reason.')).toBeVisible();
  await cancel.getByLabel('Reason for cancelling').fill('Felt unwell, will call back');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel).toBeHidden();
  await expect(day.appointments('Mary Somerville')).toHaveCount(0); // cancelled ones are hidden by default
  await page.getByLabel('Show cancelled').check();
  await expect(await day.appointmentIn('Dr Brown', 'Mary Somerville')).toHaveAttribute('data-status', 'cancelled');
  await page.keyboard.press('Control+z');
  await expect(await day.appointmentIn('Dr Brown', 'Mary Somerville')).toHaveAttribute('data-status', 'in_room');
});

test('drag a booking to another time or change its length; the engine refuses a taken time; undo moves it back', async ({ page }) => {
  await setUpAndSignIn(page);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await day.bookNewPatient('Dr Adams', '10:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await day.bookNewPatient('Dr Adams', '12:00', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await expect(dialog.root()).toBeHidden();
  const ada = await day.appointmentIn('Dr Adams', 'Ada Lovelace');
  const adaButton = ada.getByRole('button', { name: /Ada Lovelace/ });

  await day.moveAppointment('Dr Adams', 'Ada Lovelace', '11:00');
  await expect(day.notice()).toContainText(/Ada Lovelace moved to 11:00\s?AM \(30 min\)/);
  await expect(adaButton).toHaveAccessibleName(/Ada Lovelace, 11:00\s?AM, 30 minutes/);

  await day.resizeAppointment('Dr Adams', 'Ada Lovelace', '12:00');
  await expect(adaButton).toHaveAccessibleName(/Ada Lovelace, 11:00\s?AM, 60 minutes/);
  await day.notice().getByRole('button', { name: 'Undo' }).click();
  await expect(adaButton).toHaveAccessibleName(/Ada Lovelace, 11:00\s?AM, 30 minutes/);

  // 12:00 is Grace's: the move is refused and nothing changes.
  await day.moveAppointment('Dr Adams', 'Ada Lovelace', '12:00');
  await expect(day.notice()).toContainText('Ada Lovelace was not moved: Dr Adams is already booked at that time.');
  await expect(adaButton).toHaveAccessibleName(/Ada Lovelace, 11:00\s?AM, 30 minutes/);
});

test('the agenda lists the day by time with a check-in button per visit', async ({ page }, testInfo) => {
  await setUpAndSignIn(page);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await day.bookNewPatient('Dr Brown', '11:00', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await day.clickSlot('Dr Adams', '10:00');
  await dialog.registerPatient({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await dialog.reason('Annual check-up');
  await dialog.book();
  await expect(dialog.root()).toBeHidden();

  await page.getByLabel('View').selectOption('agenda');
  const rows = page.getByTestId('agenda-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Ada Lovelace');
  await expect(rows.nth(0)).toContainText('Dr Adams');
  await expect(rows.nth(0)).toContainText('Annual check-up');
  await expect(rows.nth(1)).toContainText('Grace Hopper');
  await expect(page.getByLabel('Columns')).toBeHidden(); // grid settings only show with the grid

  await page.getByRole('button', { name: 'Check in: Ada Lovelace' }).click();
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'arrived');
  await expect(page.getByRole('button', { name: 'In room: Ada Lovelace' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('agenda.png') });
  expect(await seriousViolations(page)).toEqual([]);
});

test('first run with the sample clinic shows a real schedule, and weekly visits keep their time across the DST change', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.clock.setFixedTime(new Date('2026-10-28T15:00:00Z')); // Wednesday 11:00 in New York; clocks go back on 1 November
  await page.goto('/');
  const started = Date.now();
  await new FirstRunPage(page).createClinic({ ...sampleSetup, sample: true });
  await expect(page.getByText('Loading the sample clinic…')).toBeVisible();
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toHaveText('Sign in', { timeout: 240_000 });
  testInfo.annotations.push({ type: 'sample clinic load', description: `${Math.round((Date.now() - started) / 1000)} s` });
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);

  const day = new DayViewPage(page);
  await expect(day.columnNames()).toHaveText(['Dr Amara Okafor', 'Dr Ben Carter', 'Dr Chen Li', 'Dr Dana Fischer', 'Dr Elias Haddad', 'Dr Farah Khan']);
  expect(await page.getByTestId('appointment').count()).toBeGreaterThan(20);
  await expect(page.getByTestId('appointment').filter({ hasText: 'Completed' }).first()).toBeVisible(); // this morning's visits are over
  await page.screenshot({ path: testInfo.outputPath('sample-clinic.png') });

  // Physiotherapy with Dr Okafor every Tuesday at 9:00, before and after the clocks go back; yesterday's was seen.
  for (const [date, status] of [
    ['2026-10-27', 'Completed'],
    ['2026-11-03', 'Booked'],
  ] as const) {
    await page.getByLabel('Date', { exact: true }).fill(date);
    const visit = (await day.column('Dr Amara Okafor')).getByTestId('appointment').filter({ hasText: 'Physiotherapy' });
    await expect(visit).toHaveCount(1);
    await expect(visit.getByRole('button').first()).toHaveAccessibleName(new RegExp(`, 9:00\\s?AM, 30 minutes, ${status}, Physiotherapy`));
  }
  // Last week looks lived in: every visit was seen or missed, none is still booked.
  await page.getByLabel('Date', { exact: true }).fill('2026-10-21');
  await expect(page.locator('[data-testid="appointment"][data-status="completed"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="appointment"][data-status="booked"]')).toHaveCount(0);
});

test('a weekly series across the clock change: summary, preview flags, conflicts per visit, then booked', async ({ page }, testInfo) => {
  await page.clock.setFixedTime(new Date('2026-10-28T15:00:00Z')); // clocks go back on Sunday 1 November
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);

  // Grace already has Dr Adams on Tuesday 3 November at 9:00.
  await page.getByLabel('Date', { exact: true }).fill('2026-11-03');
  await day.bookNewPatient('Dr Adams', '09:00', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await expect(dialog.root()).toBeHidden();

  await day.clickSlot('Dr Adams', '10:00');
  await dialog.registerPatient({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await dialog.date().fill('2026-10-20');
  await dialog.time().fill('09:00');
  await dialog.repeat('Weekly', 3);
  await expect(dialog.repeatSummary()).toHaveText('Every week on Tue, 3 times');
  await expect(dialog.repeatPreview()).toHaveCount(3);
  await expect(dialog.repeatPreview().nth(0)).toHaveText(/^Oct 20 9:00\s?AM$/);
  await expect(dialog.repeatPreview().nth(2)).toHaveText(/^Nov 3 9:00\s?AM — after a clock change/);
  await page.screenshot({ path: testInfo.outputPath('appointment-dialog-repeat.png') });

  await dialog.book();
  await expect(dialog.conflicts()).toContainText(/Dr Adams is already booked at that time on Nov 3, 2026, 9:00\s?AM/);
  await expect(dialog.conflicts()).toContainText(/Grace Hopper, 9:00\s?AM \(30 min\)/);

  await dialog.repeat('Weekly', 2);
  await expect(dialog.repeatSummary()).toHaveText('Every week on Tue, 2 times');
  await dialog.book();
  await expect(dialog.root()).toBeHidden();
  await expect(day.notice()).toContainText('Booked Ada Lovelace: Every week on Tue, 2 times (2 visits checked).');
  await expect(day.title()).toHaveText('Tuesday, October 20, 2026');
  const visit = await day.appointmentIn('Dr Adams', 'Ada Lovelace');
  await expect(visit).toContainText('Repeats');
  await page.getByLabel('Date', { exact: true }).fill('2026-10-27');
  await expect((await day.appointmentIn('Dr Adams', 'Ada Lovelace')).getByRole('button').first()).toHaveAccessibleName(/Ada Lovelace, 9:00\s?AM, 30 minutes, Booked/);
});

test('the week view shows one provider day by day, and booking from it picks that day', async ({ page }, testInfo) => {
  await setUpAndSignIn(page);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await day.bookNewPatient('Dr Adams', '10:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(dialog.root()).toBeHidden();

  await page.getByLabel('View').selectOption('week');
  await expect(page.getByLabel('For')).toHaveValue(/.+/);
  await expect(day.title()).toHaveText('Week of Nov 22 – Nov 28'); // en-US weeks start on Sunday
  await expect(day.columnNames()).toHaveText(['Sun Nov 22', 'Mon Nov 23', 'Tue Nov 24', 'Wed Nov 25', 'Thu Nov 26', 'Fri Nov 27', 'Sat Nov 28']);
  await expect((await day.column('Wed Nov 25')).getByTestId('appointment')).toContainText('Ada Lovelace');
  await expect((await day.column('Thu Nov 26')).getByTestId('appointment')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('week-view.png') });

  await day.clickSlot('Thu Nov 26', '14:00');
  await expect(dialog.date()).toHaveValue('2026-11-26');
  await expect(dialog.time()).toHaveValue('14:00');
  await expect(dialog.resource('Dr Adams')).toBeChecked();
  await page.keyboard.press('Escape');

  await page.getByLabel('For').selectOption({ label: 'Dr Brown' });
  await expect((await day.column('Wed Nov 25')).getByTestId('appointment')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next week' }).focus();
  await page.keyboard.press('ArrowRight'); // a week at a time on the week view
  await expect(day.title()).toHaveText('Week of Nov 29 – Dec 5');
  await page.keyboard.press('ArrowLeft');
  expect(await seriousViolations(page)).toEqual([]);
});

test('find a patient with / and jump to one of their visits; the look is audited', async ({ page }) => {
  await setUpAndSignIn(page);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await page.getByLabel('Date', { exact: true }).fill('2026-12-02');
  await day.clickSlot('Dr Brown', '15:00');
  await dialog.registerPatient({ givenName: 'Mary', familyName: 'Somerville', dateOfBirth: '1980-12-26', phone: '555 010 7788' });
  await dialog.reason('Follow-up');
  await dialog.book();
  await expect(dialog.root()).toBeHidden();
  await page.keyboard.press('t');
  await expect(day.title()).toHaveText('Wednesday, November 25, 2026');

  await page.keyboard.press('/');
  const finder = page.getByRole('dialog', { name: 'Find patient' });
  await finder.getByRole('combobox', { name: 'Find patient' }).fill('0107788');
  await finder.getByRole('option', { name: /Mary Somerville/ }).click();
  const visits = finder.getByTestId('patient-visits').getByRole('button');
  await expect(visits).toHaveCount(1);
  await expect(visits.first()).toContainText(/Dec 2, 2026, 3:00\s?PM/);
  await expect(visits.first()).toContainText('Follow-up');
  await visits.first().click();
  await expect(finder).toBeHidden();
  await expect(day.title()).toHaveText('Wednesday, December 2, 2026');
  await expect(page.getByTestId('selection-panel')).toContainText('Mary Somerville');

  const viewed = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('timedesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('audit').objectStore('audit').index('action').count('PATIENT_VIEWED');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
  expect(viewed).toBe(1);
});
