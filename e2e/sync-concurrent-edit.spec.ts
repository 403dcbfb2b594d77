import { expect, test } from '@playwright/test';
import { DayViewPage } from './pages/day-view';
import { sampleSetup } from './pages/first-run';
import { NeedsAttentionPage } from './pages/needs-attention';
import { bookNewHopper, twoDesks } from './pages/sync-desks';

/**
 * Concurrent edits (issue 6, baseVersion), end to end: two desks of one
 * clinic against the real sync server (see sync.spec.ts; desk B joins the
 * clinic) both have Ada's 09:00 visit, go offline, and move it — desk A to
 * 10:00, desk B to 11:00. Back online, neither move is lost: the server
 * keeps A's (applied first) and both desks see the concurrent-edit conflict
 * in words; desk B applies its own move after all, and desk A follows.
 * Clocks pinned to Wednesday 25 November 2026, 09:00 in New York.
 */
const now = new Date('2026-11-25T14:00:00Z');
const clinicName = 'Eastside Clinic';

// A first run and two sign-ins (600,000 PBKDF2 rounds each), a cold dev server and a 15 s sync poll.
test.describe.configure({ timeout: 240_000 });

test('two desks move the same appointment offline: both see the concurrent edit, one applies the other move and the other desk follows', async ({ browser }, testInfo) => {
  const { deskA, syncA, deskB, syncB } = await twoDesks(browser, clinicName, sampleSetup, now);
  const dayA = new DayViewPage(deskA);
  const dayB = new DayViewPage(deskB);

  // A books Ada at 09:00 online; B gets it (going back online syncs at once).
  await bookNewHopper(deskA, 'Dr Adams', '09:00', 'Ada');
  await syncA.open();
  await expect(syncA.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  await deskB.context().setOffline(true);
  await deskB.context().setOffline(false);
  await deskB.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  await expect(await dayB.appointmentIn('Dr Adams', 'Ada Hopper')).toHaveCount(1, { timeout: 30_000 });

  // Offline, A moves her to 10:00 and B to 11:00: each desk's own check sees a free slot.
  await deskA.context().setOffline(true);
  await deskB.context().setOffline(true);
  await deskA.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  await dayA.moveAppointment('Dr Adams', 'Ada Hopper', '10:00');
  await expect(dayA.notice()).toContainText(/Ada Hopper moved to 10:00/);
  await dayB.moveAppointment('Dr Adams', 'Ada Hopper', '11:00');
  await expect(dayB.notice()).toContainText(/Ada Hopper moved to 11:00/);

  // Back online, A first: A's move is applied, B's is kept in a concurrent-edit conflict; both desks see it.
  await deskA.context().setOffline(false);
  await syncA.open();
  await expect(syncA.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  await deskB.context().setOffline(false);
  await syncB.open();
  await expect(syncB.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  // On the day sheets, where the status bar's badge is the only one.
  for (const desk of [deskA, deskB]) await desk.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  await expect(syncB.conflictBadge()).toContainText('1 needs attention', { timeout: 30_000 });
  await expect(syncA.conflictBadge()).toContainText('1 needs attention', { timeout: 30_000 });

  const inboxA = new NeedsAttentionPage(deskA);
  await syncA.conflictBadge().click();
  await expect(inboxA.edits()).toHaveCount(1);
  await expect(inboxA.edits()).toContainText('Two desks changed Ada Hopper’s booking');
  await expect(inboxA.edits()).toContainText(/Front desk B moved this to .*11:00.* while this desk \(Front desk A\) moved it to .*10:00/);
  await expect(inboxA.conflicts()).toHaveCount(0);

  const inboxB = new NeedsAttentionPage(deskB);
  await inboxB.open();
  await expect(inboxB.edits()).toContainText(/This desk \(Front desk B\) moved this to .*11:00.* while Front desk A moved it to .*10:00/);
  // B's desk shows the kept move (10:00) until someone decides.
  await deskB.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  await expect(await dayB.appointmentIn('Dr Adams', 'Ada Hopper')).toContainText('10:00');
  await inboxB.open();
  await deskB.screenshot({ path: testInfo.outputPath('concurrent-edit.png') });

  // B applies its own move after all, with a reason: settled there at once…
  await inboxB.settleEdit('Ada Hopper', 'Apply the other', 'Ada asked for 11:00 on the phone');
  await expect(inboxB.empty()).toBeVisible();
  await expect(syncB.conflictBadge()).toBeHidden();
  await syncB.open();
  await expect(syncB.pending()).toHaveText('0 changes to send', { timeout: 30_000 });

  // …and A follows with its next sync: the inbox empties and Ada is at 11:00 on A's day sheet too.
  await expect(inboxA.empty()).toBeVisible({ timeout: 30_000 });
  await expect(syncA.conflictBadge()).toBeHidden();
  await deskA.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  await expect(await dayA.appointmentIn('Dr Adams', 'Ada Hopper')).toContainText('11:00');
});
