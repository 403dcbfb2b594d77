import { expect, test } from '@playwright/test';
import { DayViewPage } from './pages/day-view';
import { sampleSetup } from './pages/first-run';
import { NeedsAttentionPage } from './pages/needs-attention';
import { bookNewHopper, twoDesks } from './pages/sync-desks';

/**
 * Needs attention → Reschedule, end to end: two desks of one clinic against
 * the real sync server (see sync.spec.ts; desk B joins the clinic) double-book Dr Adams
 * while offline; desk A settles it by moving desk B's booking to 11:00, and
 * desk B follows with its next sync — its own booking now at 11:00, no
 * conflict left on either desk. Clocks pinned to Wednesday 25 November 2026,
 * 09:00 in New York.
 */
const now = new Date('2026-11-25T14:00:00Z');
const clinicName = 'Southside Clinic';

// A first run and two sign-ins (600,000 PBKDF2 rounds each), a cold dev server and a 15 s sync poll.
test.describe.configure({ timeout: 240_000 });

test('a double booking is settled by rescheduling the other desk’s booking, and that desk follows', async ({ browser }, testInfo) => {
  // Desk B joins the clinic from its first-run screen and signs in with desk A's admin account.
  const { deskA, syncA, deskB, syncB } = await twoDesks(browser, clinicName, sampleSetup, now);

  // Offline, both desks give Dr Adams' 10:00 to different patients.
  await deskA.context().setOffline(true);
  await deskB.context().setOffline(true);
  await bookNewHopper(deskA, 'Dr Adams', '10:00', 'Ada');
  await bookNewHopper(deskB, 'Dr Adams', '10:00', 'Grace');
  await deskA.context().setOffline(false);
  await expect(syncA.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  await deskB.context().setOffline(false);
  await expect(syncB.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  await expect(syncA.conflictBadge()).toContainText('1 needs attention', { timeout: 30_000 });
  await expect(syncB.conflictBadge()).toContainText('1 needs attention', { timeout: 30_000 });
  const dayB = new DayViewPage(deskB);
  await expect(await dayB.appointmentIn('Dr Adams', 'Grace Hopper')).toHaveAttribute('data-double-booked', 'true');

  // Desk A moves Grace (booked on desk B) to 11:00: settled on A at once.
  const inboxA = new NeedsAttentionPage(deskA);
  await inboxA.open();
  await expect(inboxA.conflicts()).toHaveCount(1);
  await expect(inboxA.appointment('Grace Hopper')).toContainText('10:00');
  await inboxA.reschedule('Grace Hopper', '2026-11-25', '11:00');
  await expect(deskA.locator('.notice')).toContainText('Moved Grace Hopper; the double booking is settled on every desk.');
  await expect(inboxA.empty()).toBeVisible();
  await expect(syncA.conflictBadge()).toBeHidden();
  await expect(syncA.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  await deskA.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  const dayA = new DayViewPage(deskA);
  await expect((await dayA.appointmentIn('Dr Adams', 'Grace Hopper')).getByRole('button', { name: /Grace Hopper/ })).toHaveAccessibleName(/Grace Hopper, 11:00\s?AM, 30 minutes/);
  await expect(await dayA.appointmentIn('Dr Adams', 'Ada Hopper')).not.toHaveAttribute('data-double-booked');

  // Desk B, still on its day sheet, follows with its next sync: Grace at 11:00, Ada at 10:00, no marker, no badge, empty inbox.
  const graceOnB = (await dayB.appointmentIn('Dr Adams', 'Grace Hopper')).getByRole('button', { name: /Grace Hopper/ });
  await expect(graceOnB).toHaveAccessibleName(/Grace Hopper, 11:00\s?AM, 30 minutes/, { timeout: 30_000 });
  await expect(await dayB.appointmentIn('Dr Adams', 'Grace Hopper')).not.toHaveAttribute('data-double-booked');
  await expect((await dayB.appointmentIn('Dr Adams', 'Ada Hopper')).getByRole('button', { name: /Ada Hopper/ })).toHaveAccessibleName(/Ada Hopper, 10:00\s?AM, 30 minutes/);
  await expect(await dayB.appointmentIn('Dr Adams', 'Ada Hopper')).not.toHaveAttribute('data-double-booked');
  await expect(syncB.conflictBadge()).toBeHidden();
  const inboxB = new NeedsAttentionPage(deskB);
  await inboxB.open();
  await expect(inboxB.empty()).toBeVisible();
  await deskB.screenshot({ path: testInfo.outputPath('needs-attention-after-reschedule.png') });
});
