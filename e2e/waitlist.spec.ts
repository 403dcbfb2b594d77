import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { AuditViewerPage } from './pages/audit-viewer';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';
import { WaitlistPage } from './pages/waitlist';

/**
 * The waitlist (issue 13, items 3–4): Grace wants to see Dr Adams sooner
 * and goes on the list (a missing reason refused beside its field first);
 * Ada cancels her 9:00, the desk says Grace fits the freed time with her
 * match focused, Enter books her there, the entry shows Booked and the
 * audit log has the three steps. Then a move: Ada's 9:00 dragged to 11:00
 * frees 9:00, the notice offers it to Grace, *Offer* records the offer on
 * her entry, *Declined* puts her back to waiting, and *Edit* makes her
 * urgent, each audited.
 */
const now = new Date('2026-11-25T19:00:00Z'); // Wednesday 14:00 in New York
test.describe.configure({ timeout: 60_000 });

/** A new clinic, signed in, with Ada at 9:00 and Grace at 14:00 with Dr Adams on Thursday 26 November. */
async function adaAndGraceBooked(page: Page): Promise<DayViewPage> {
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic(sampleSetup);
  await new SignInPage(page).signIn(sampleSetup.username, sampleSetup.passphrase);
  const day = new DayViewPage(page);
  await day.goTo('2026-11-26');
  await day.bookNewPatient('Dr Adams', '09:00', { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await expect(await day.appointmentIn('Dr Adams', 'Ada Lovelace')).toHaveCount(1);
  await day.bookNewPatient('Dr Adams', '14:00', { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1986-12-09' });
  await expect(await day.appointmentIn('Dr Adams', 'Grace Hopper')).toHaveCount(1);
  return day;
}

test('waitlist: add a waiting patient, cancel a visit, the notice offers the freed time, Enter books, the entry shows Booked', async ({ page }) => {
  const day = await adaAndGraceBooked(page);

  const waitlist = new WaitlistPage(page);
  await expect(page.getByRole('button', { name: 'Waitlist (0)' })).toBeVisible();
  await waitlist.open();
  // No reason: refused beside the field, nothing added.
  await waitlist.add('Grace', { provider: 'Dr Adams', length: '30', reason: '' });
  await expect(waitlist.addForm().getByLabel('Reason', { exact: true })).toHaveAccessibleDescription('Reason is required.');
  await expect(waitlist.entries()).toHaveCount(0);
  await waitlist.addForm().getByLabel('Reason', { exact: true }).fill('Wants to come sooner');
  await waitlist.addForm().getByRole('button', { name: 'Add', exact: true }).click();
  await expect(waitlist.entries()).toHaveCount(1);
  await expect(waitlist.entries().first()).toContainText('Grace Hopper');
  await expect(waitlist.entries().first()).toContainText('added today');
  await expect(page.getByRole('button', { name: 'Waitlist (1)' })).toBeVisible();

  // Ada cancels: the freed 9:00–9:30 fits Grace, whose match has focus.
  await day.select('Dr Adams', 'Ada Lovelace');
  await day.cancelOccurrence('Felt better');
  await expect(waitlist.notice()).toContainText(/1 waiting patient fits Dr Adams, 9:00\sAM–9:30\sAM on Nov 26/);
  const first = waitlist.notice().getByRole('button', { name: /^Book Grace Hopper at 9:00\sAM$/ });
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(waitlist.notice()).toHaveCount(0);
  await expect(await day.appointmentIn('Dr Adams', 'Grace Hopper')).toHaveCount(2);

  await waitlist.show('Booked');
  await expect(waitlist.entries()).toHaveCount(1);
  await expect(waitlist.entries().first()).toHaveAttribute('data-state', 'booked');
  await expect(waitlist.entries().first()).toContainText('Booked');
  await expect(page.getByRole('button', { name: 'Waitlist (0)' })).toBeVisible();

  const audit = new AuditViewerPage(page);
  await audit.open();
  // The three steps, done; the refused first try is in the log too.
  const done = (action: string) => audit.rowsWithAction(action).and(page.locator('.outcome-success')).filter({ hasText: 'Grace Hopper' });
  await expect(done('WAITLIST_ADDED')).toHaveCount(1);
  await expect(audit.rowsWithAction('WAITLIST_ADDED').and(page.locator('.outcome-refused'))).toContainText('request.reason');
  await expect(done('APPOINTMENT_BOOKED')).toHaveCount(2); // her 14:00, then the freed 9:00
  await expect(done('WAITLIST_BOOKED')).toHaveCount(1);
});

test('waitlist: moving a visit frees its old time, the notice offers it, Offer then Declined on the waitlist', async ({ page }) => {
  const day = await adaAndGraceBooked(page);
  const waitlist = new WaitlistPage(page);
  await waitlist.open();
  await waitlist.add('Grace', { provider: 'Dr Adams', length: '30', reason: 'Wants to come sooner' });
  await expect(waitlist.entries()).toHaveCount(1);

  // Ada moves to 11:00: her 9:00–9:30 is free, and Grace fits it.
  await day.moveAppointment('Dr Adams', 'Ada Lovelace', '11:00');
  await expect(day.notice()).toContainText(/Ada Lovelace moved to 11:00\sAM/);
  await expect(waitlist.notice()).toContainText(/1 waiting patient fits Dr Adams, 9:00\sAM–9:30\sAM on Nov 26/);
  await expect(waitlist.notice().getByRole('button', { name: /^Book Grace Hopper at 9:00\sAM$/ })).toBeFocused();
  // Phoned, not yet a yes: Tab reaches Offer; the offer leaves the matches, so the notice goes.
  await page.keyboard.press('Tab');
  await expect(waitlist.notice().getByRole('button', { name: /^Offer 9:00\sAM to Grace Hopper$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(waitlist.notice()).toHaveCount(0);
  const grace = waitlist.entry('Grace Hopper');
  await expect(grace).toHaveAttribute('data-state', 'offered');
  await expect(grace.getByTestId('waitlist-offered')).toHaveText(/^Offered Thu Nov 26, 9:00\sAM, with Dr Adams$/);

  await waitlist.decline('Grace Hopper', 'Cannot make mornings');
  await expect(grace).toHaveAttribute('data-state', 'waiting');
  await expect(grace.getByTestId('waitlist-offered')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Waitlist (1)' })).toBeVisible();

  // Edit: the add form filled in with her wants; she is urgent now.
  await grace.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = grace.getByRole('form', { name: 'Change the entry' });
  await expect(edit.getByLabel('Reason', { exact: true })).toHaveValue('Wants to come sooner');
  await edit.getByLabel('Priority', { exact: true }).selectOption({ label: 'Urgent' });
  await edit.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(edit).toHaveCount(0);
  await expect(grace.locator('.waitlist-priority')).toHaveText('Urgent');

  const audit = new AuditViewerPage(page);
  await audit.open();
  const done = (action: string) => audit.rowsWithAction(action).and(page.locator('.outcome-success')).filter({ hasText: 'Grace Hopper' });
  await expect(done('WAITLIST_UPDATED')).toHaveCount(1);
  await expect(done('WAITLIST_OFFERED')).toHaveCount(1);
  await expect(done('WAITLIST_DECLINED')).toHaveCount(1);
  await expect(done('WAITLIST_DECLINED')).toContainText('Cannot make mornings');
});
