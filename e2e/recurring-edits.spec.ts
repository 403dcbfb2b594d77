import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { AuditViewerPage } from './pages/audit-viewer';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { EditAppointmentPage } from './pages/recurring-edits';
import { SignInPage } from './pages/sign-in';

/**
 * Changing a weekly series from the day sheet: one visit (and undoing a
 * move), this and the following ones, all of them, cancelling one and
 * cancelling all that is left. The clock
 * is pinned to Wednesday 16 December 2026, 12:00 in New York; the series
 * runs on Wednesdays at 10:00 from 2 December, eight times (2 Dec – 20 Jan),
 * so three visits are already over when the test starts. "Cancel all"
 * reaches the visits "this and following" split off into a part of their own.
 */
const now = new Date('2026-12-16T17:00:00Z');

test.describe.configure({ timeout: 180_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`);
}

test('a weekly series: move one visit (and undo a move), change this and following, change all (both parts), cancel one, cancel all with a reason', async ({ page }, testInfo) => {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  await expect(day.title()).toHaveText('Wednesday, December 16, 2026');

  // Book Grace Hopper, weekly on Wednesdays at 10:00 from 2 December, 8 visits.
  await day.clickSlot('Dr Adams', '10:00');
  const dialog = new AppointmentDialogPage(page);
  await dialog.date().fill('2026-12-02');
  await dialog.registerPatient({ givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await dialog.reason('Physiotherapy');
  await dialog.repeat('Weekly', 8);
  await expect(dialog.repeatSummary()).toHaveText('Every week on Wed, 8 times');
  await dialog.bookAndConfirm();

  const grace = () => day.appointmentIn('Dr Adams', 'Grace Hopper');
  /** Grace's visit on a date: at `time` (a regex of the clock time), or none. */
  async function expectVisit(date: string, time: RegExp | null) {
    await day.goTo(date);
    if (time === null) await expect(await grace()).toHaveCount(0);
    else await expect((await grace()).getByRole('button', { name: /^Grace Hopper, / })).toHaveAccessibleName(time);
  }
  const at10 = /^Grace Hopper, 10:00\sAM, 30 minutes, Booked, Physiotherapy$/;
  const at11 = /^Grace Hopper, 11:00\sAM, 30 minutes, Booked, Physiotherapy$/;
  const at2pm = /^Grace Hopper, 2:00\sPM, 45 minutes, Booked, Hydrotherapy$/;
  const rehabAt10 = /^Grace Hopper, 10:00\sAM, 30 minutes, Booked, Rehabilitation$/;
  const rehabAt2pm = /^Grace Hopper, 2:00\sPM, 45 minutes, Booked, Rehabilitation$/;

  // 1. Drag the 23 December visit to 11:00: the app asks first; Escape saves nothing.
  await day.goTo('2026-12-23');
  await day.moveAppointment('Dr Adams', 'Grace Hopper', '11:00');
  const edit = new EditAppointmentPage(page);
  await expect(edit.scopeDialog()).toBeVisible();
  await expect(edit.scopeDialog().getByRole('radio', { name: 'This visit only' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('scope-question.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(edit.scopeDialog()).toBeHidden();
  await expect((await grace()).getByRole('button', { name: /^Grace Hopper, / })).toHaveAccessibleName(at10);
  // Again, and "this visit only": only 23 December moves.
  await day.moveAppointment('Dr Adams', 'Grace Hopper', '11:00');
  await edit.chooseScope('This visit only');
  await expect((await grace()).getByRole('button', { name: /^Grace Hopper, / })).toHaveAccessibleName(at11);
  await expectVisit('2026-12-16', at10);
  await expectVisit('2026-12-30', at10);
  // Dragged and saved for this visit only, a series visit has Undo on the notice, like a single appointment: 30 December goes back to 10:00.
  await day.moveAppointment('Dr Adams', 'Grace Hopper', '11:00');
  await edit.chooseScope('This visit only');
  await expect((await grace()).getByRole('button', { name: /^Grace Hopper, / })).toHaveAccessibleName(at11);
  await day.notice().getByRole('button', { name: 'Undo' }).click();
  await expect(day.notice()).toContainText('Undone: Grace Hopper’s visit is back at');
  await expect((await grace()).getByRole('button', { name: /^Grace Hopper, / })).toHaveAccessibleName(at10);
  await expectVisit('2026-12-23', at11);

  // 2. Edit the 13 January visit (E on the focused booking): 14:00, 45 minutes, new reason, this and following.
  await day.goTo('2027-01-13');
  await day.select('Dr Adams', 'Grace Hopper');
  await page.keyboard.press('e');
  await expect(edit.root()).toBeVisible();
  await expect(edit.patient()).toContainText('Grace Hopper');
  await expect(edit.date()).toHaveValue('2027-01-13');
  await expect(edit.time()).toHaveValue('10:00');
  await expect(edit.visitReason()).toHaveValue('Physiotherapy');
  expect(await seriousViolations(page)).toEqual([]);
  await edit.time().fill('14:00');
  await edit.root().getByText('45 min', { exact: true }).click();
  await edit.visitReason().fill('Hydrotherapy');
  await edit.save();
  // From the keyboard this time: focus starts on "This visit only"; ↓ chooses the next option, Enter saves.
  await expect(edit.scopeDialog().getByRole('radio', { name: 'This visit only' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(edit.scopeDialog().getByRole('radio', { name: 'This and following visits' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(day.notice()).toContainText('Grace Hopper’s visits from');
  await expect((await grace()).getByRole('button', { name: /^Grace Hopper, / })).toHaveAccessibleName(at2pm);
  await expectVisit('2027-01-20', at2pm);
  await expectVisit('2027-01-06', at10);
  await expectVisit('2026-12-23', at11);

  // 2b. A new reason for all visits in the series, from 6 January: the part split off from 13 January takes it too.
  await day.goTo('2027-01-06');
  await day.select('Dr Adams', 'Grace Hopper');
  await page.keyboard.press('e');
  await expect(edit.visitReason()).toHaveValue('Physiotherapy');
  await edit.visitReason().fill('Rehabilitation');
  await edit.save();
  await edit.chooseScope('All visits in the series');
  await expect((await grace()).getByRole('button', { name: /^Grace Hopper, / })).toHaveAccessibleName(rehabAt10);
  await expectVisit('2027-01-13', rehabAt2pm);
  await expectVisit('2027-01-20', rehabAt2pm);
  // The visit moved on its own keeps its own fields.
  await expectVisit('2026-12-23', at11);

  // 3. Cancel the 30 December visit alone, with a reason.
  await day.goTo('2026-12-30');
  await day.select('Dr Adams', 'Grace Hopper');
  await day.statusButton('Cancel').click();
  await edit.cancelVisits('This visit only', 'Patient travelling');
  await expect(await grace()).toHaveCount(0);
  await expectVisit('2027-01-06', rehabAt10);

  // 4. Cancel all that has not happened yet, from 6 January: the past visits stay (16 December is over at noon).
  await day.select('Dr Adams', 'Grace Hopper');
  await page.keyboard.press('x');
  await expect(edit.cancelDialog().getByRole('radio', { name: 'This visit only' })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('cancel-all.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await edit.cancelVisits('All visits that have not happened yet (past ones are kept)', 'Treatment moved to another clinic');
  await expect(day.notice()).toContainText('Cancelled Grace Hopper’s remaining visits in the series.');
  await expect(await grace()).toHaveCount(0);
  await expectVisit('2026-12-23', null);
  await expectVisit('2026-12-16', rehabAt10);
  await expectVisit('2026-12-02', rehabAt10);
  // "This and following" made the visits from 13 January a part of their own, linked to the series: "all" reaches them too.
  await expectVisit('2027-01-13', null);
  await expectVisit('2027-01-20', null);

  // The audit log names each part's change, and the cancellations with their reasons.
  const audit = new AuditViewerPage(page);
  await audit.open();
  await audit.filterAction('Series edited');
  await expect(audit.rowsWithAction('SERIES_EDITED')).toHaveCount(2);
  await audit.filterAction('Series cancelled');
  await expect(audit.rowsWithAction('SERIES_CANCELLED')).toHaveCount(2);
  for (const row of await audit.rowsWithAction('SERIES_CANCELLED').all()) await expect(row).toContainText('Treatment moved to another clinic');
  await audit.filterAction('Occurrence cancelled');
  await expect(audit.rowsWithAction('OCCURRENCE_CANCELLED')).toHaveCount(1);
  await expect(audit.rowsWithAction('OCCURRENCE_CANCELLED')).toContainText('Patient travelling');
  await page.screenshot({ path: testInfo.outputPath('audit-series-cancelled.png') });
});

test('a single appointment opens pre-filled in the edit dialog and saves its new time and notes at once', async ({ page }) => {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  await day.bookNewPatient('Dr Brown', '15:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(await day.appointmentIn('Dr Brown', 'Ada Lovelace')).toHaveCount(1);

  const panel = await day.select('Dr Brown', 'Ada Lovelace');
  await panel.getByRole('button', { name: /^Edit/ }).click();
  const edit = new EditAppointmentPage(page);
  await expect(edit.patient()).toContainText('Ada Lovelace');
  await expect(edit.time()).toHaveValue('15:00');
  await edit.time().fill('16:00');
  await edit.notes().fill('Bring last year’s X-rays');
  await edit.save();
  // A single appointment has no series to ask about: it is saved straight away.
  await expect(edit.root()).toBeHidden();
  await expect(edit.scopeDialog()).toHaveCount(0);
  await expect(day.notice()).toContainText('Saved Ada Lovelace’s appointment');
  await expect((await day.appointmentIn('Dr Brown', 'Ada Lovelace')).getByRole('button', { name: /^Ada Lovelace, / })).toHaveAccessibleName(/^Ada Lovelace, 4:00\sPM, 30 minutes, Booked/);
  await day.select('Dr Brown', 'Ada Lovelace');
  await expect(day.selectionPanel()).toContainText('Bring last year’s X-rays');
});
