import { expect, test } from '@playwright/test';
import { DayViewPage } from './pages/day-view';
import { sampleSetup } from './pages/first-run';
import { NeedsAttentionPage } from './pages/needs-attention';
import { bookNewHopper, enrollDesk, joinDesk, openDesk } from './pages/sync-desks';
import { clinicWithCodes, syncServerUrl } from './pages/sync-server';
import { SyncSettingsPage } from './pages/sync-settings';

/**
 * Two front desks of one clinic against the real sync server (started by
 * playwright.config.ts on its own port with a fresh SQLite file): two browser
 * contexts, so two IndexedDB databases and two device ids; desk A sets the
 * clinic up, desk B joins it ("Join your clinic"). Both desks work
 * offline, book the same provider at the same time, come back online, and
 * both see the double booking; settling it on one clears it on the other.
 * The desks' clocks are pinned to Wednesday 25 November 2026, 09:00 in New
 * York; the server keeps its own clock.
 */
const now = new Date('2026-11-25T14:00:00Z');

// Two first runs (600,000 PBKDF2 rounds each), a cold dev server and a 15 s sync poll.
test.describe.configure({ timeout: 240_000 });

test('two desks book the same slot offline, both see the conflict, one settles it and the other follows', async ({ browser }, testInfo) => {
  const { codes } = await clinicWithCodes('Northside Family Clinic', 2);
  const [codeA, codeB] = codes as [string, string];

  // Desk A sets up the clinic and shares it; desk B (a fresh computer) joins it and gets A's providers, hours and staff.
  const deskA = await openDesk(browser, sampleSetup, now);
  const syncA = await enrollDesk(deskA, codeA, 'Front desk A', 'Northside Family Clinic');
  await expect(syncA.lastSync()).toHaveText('Synced now');
  const deskB = await joinDesk(browser, codeB, 'Front desk B', sampleSetup, now);
  const syncB = new SyncSettingsPage(deskB);
  await syncB.open();
  await expect(syncB.enrolled()).toContainText(`Connected to Northside Family Clinic at ${syncServerUrl}`);
  await expect(syncB.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  await deskB.screenshot({ path: testInfo.outputPath('sync-settings.png') });

  // Both lose the network and book Dr Adams at 10:00 for different patients: each desk's own check sees a free slot.
  await deskA.context().setOffline(true);
  await deskB.context().setOffline(true);
  await bookNewHopper(deskA, 'Dr Adams', '10:00', 'Ada');
  await bookNewHopper(deskB, 'Dr Adams', '10:00', 'Grace');
  await expect(syncA.pending()).not.toHaveText('0 changes to send');
  await expect(syncB.pending()).not.toHaveText('0 changes to send');

  // Back online: A's booking reaches the server first, B's collides; both bookings are kept and both desks see the conflict.
  await deskA.context().setOffline(false);
  await expect(syncA.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  await deskB.context().setOffline(false);
  await expect(syncB.pending()).toHaveText('0 changes to send', { timeout: 30_000 });
  await expect(syncB.conflictBadge()).toContainText('1 needs attention', { timeout: 30_000 });
  await expect(syncA.conflictBadge()).toContainText('1 needs attention', { timeout: 30_000 });
  // Desk A is still on its day sheet: both bookings carry the red double-booking marker.
  const dayA = new DayViewPage(deskA);
  await expect(await dayA.appointmentIn('Dr Adams', 'Ada Hopper')).toHaveAttribute('data-double-booked', 'true');
  await expect(await dayA.appointmentIn('Dr Adams', 'Grace Hopper')).toHaveAttribute('data-double-booked', 'true');

  const inboxA = new NeedsAttentionPage(deskA);
  await syncA.conflictBadge().click();
  await expect(inboxA.heading()).toBeVisible();
  await expect(inboxA.conflicts()).toHaveCount(1);
  await expect(inboxA.conflicts()).toContainText('Double booking — Dr Adams');
  await expect(inboxA.appointment('Ada Hopper')).toContainText('10:00');
  await expect(inboxA.appointment('Grace Hopper')).toContainText('10:00');
  // The desks by the names they enrolled under, not their ids.
  await expect(inboxA.conflicts()).toContainText('booked on this desk (Front desk A), Front desk B');

  const inboxB = new NeedsAttentionPage(deskB);
  await inboxB.open();
  await expect(inboxB.conflicts()).toHaveCount(1);
  await expect(inboxB.appointment('Ada Hopper')).toBeVisible();
  await expect(inboxB.conflicts()).toContainText('booked on this desk (Front desk B), Front desk A');
  await deskB.screenshot({ path: testInfo.outputPath('needs-attention.png') });

  // B cancels its own booking with a reason: the conflict is settled there at once…
  await inboxB.cancel('Grace Hopper', 'Patient rebooked for Friday');
  await expect(inboxB.empty()).toBeVisible();
  await expect(syncB.conflictBadge()).toBeHidden();
  await expect(syncB.pending()).toHaveText('0 changes to send', { timeout: 30_000 });

  // …and A follows with its next sync: the inbox empties, the badge goes, Grace's cancelled booking leaves the day sheet and Ada's stays.
  await expect(inboxA.empty()).toBeVisible({ timeout: 30_000 });
  await expect(syncA.conflictBadge()).toBeHidden();
  await deskA.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Day sheet' }).click();
  await expect(await dayA.appointmentIn('Dr Adams', 'Ada Hopper')).toHaveCount(1);
  await expect(await dayA.appointmentIn('Dr Adams', 'Ada Hopper')).not.toHaveAttribute('data-double-booked');
  await expect(await dayA.appointmentIn('Dr Adams', 'Grace Hopper')).toHaveCount(0);
});
