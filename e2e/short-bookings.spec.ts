import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { setUpClinicAsAdmin } from './pages/admin';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { DayViewPage } from './pages/day-view';

/**
 * What fits on the screen (issue 11, items 4 and 9): booking blocks at
 * 5/10/15/30-minute rows never draw their text over itself and show the whole
 * text on hover; a repeating booking's dialog keeps Book in sight at
 * 1280×800, and says "after a clock change" once.
 */
const now = new Date('2026-10-28T13:00:00Z'); // Wednesday 09:00 in New York; clocks go back on Sunday 1 November
const longReason = 'Follow-up on the blood test results and a repeat prescription';
test.describe.configure({ timeout: 120_000 });

/** The shown text parts of a block: each drawn inside the block, none over another. */
async function textParts(block: Locator) {
  return block.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const parts = [...element.querySelectorAll<HTMLElement>('.appointment-name, .appointment-time, .appointment-icon, .appointment-status, .appointment-reason')]
      .filter((part) => part.getClientRects().length > 0 && part.getBoundingClientRect().width > 0)
      .map((part) => ({ name: part.className, rect: part.getBoundingClientRect() }));
    const inside = parts.every(({ rect }) => rect.top >= box.top - 0.5 && rect.bottom <= box.bottom + 0.5 && rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5);
    const overlapping = parts.flatMap((a, i) => parts.slice(i + 1).filter((b) => a.rect.left < b.rect.right - 0.5 && b.rect.left < a.rect.right - 0.5 && a.rect.top < b.rect.bottom - 0.5 && b.rect.top < a.rect.bottom - 0.5).map((b) => `${a.name} × ${b.name}`));
    return { shown: parts.map((part) => part.name.replace('appointment-', '')), inside, overlapping };
  });
}

test('short bookings stay readable at every row size, and open to their full text on hover', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  const book = async (time: string, patient: { givenName: string; familyName: string }, minutes: string) => {
    await day.clickSlot('Dr Adams', time);
    await dialog.registerPatient({ ...patient, dateOfBirth: '1980-01-01' });
    await dialog.root().getByLabel('Minutes').fill(minutes);
    await dialog.reason(longReason);
    await dialog.bookAndConfirm();
  };
  await book('10:00', { givenName: 'Katherine', familyName: 'Johnson-Goble' }, '15');
  await book('10:30', { givenName: 'Margaret', familyName: 'Hamilton' }, '30');
  await book('11:00', { givenName: 'Ada', familyName: 'Lovelace' }, '10');
  await page.keyboard.press('Escape');

  const slot = page.getByRole('toolbar', { name: 'Day sheet' }).getByLabel('Slot');
  for (const minutes of ['5', '10', '15', '30']) {
    await slot.selectOption(minutes);
    await page.mouse.move(0, 0);
    const blocks = page.getByTestId('appointment');
    await expect(blocks).toHaveCount(3);
    for (const patient of ['Katherine Johnson-Goble', 'Margaret Hamilton', 'Ada Lovelace']) {
      const block = await day.appointmentIn('Dr Adams', patient);
      const parts = await textParts(block);
      expect(parts.overlapping, `${patient} at ${minutes}-minute rows`).toEqual([]);
      expect(parts.inside, `${patient} at ${minutes}-minute rows: ${parts.shown.join(', ')}`).toBe(true);
      expect(parts.shown, `${patient} at ${minutes}-minute rows`).toEqual(expect.arrayContaining(['name', 'time']));
      // Every block keeps its status in sight: a word, or on one line its mark.
      expect(parts.shown.some((part) => part === 'status' || part === 'icon'), `${patient} at ${minutes}-minute rows: ${parts.shown.join(', ')}`).toBe(true);
    }
    const column = await day.column('Dr Adams');
    await testInfo.attach(`bookings at ${minutes}-minute rows`, { body: await column.screenshot(), contentType: 'image/png' });
  }

  // At 30-minute rows the 10-minute visit is one line; hovering it shows everything, the reason in full.
  const ada = await day.appointmentIn('Dr Adams', 'Ada Lovelace');
  await expect(ada).toHaveClass(/lines-1/);
  await ada.hover({ position: { x: 6, y: 3 } });
  const reason = ada.locator('.appointment-reason');
  await expect(reason).toBeVisible();
  const opened = await textParts(ada);
  expect(opened.inside && opened.overlapping.length === 0, JSON.stringify(opened)).toBe(true);
  expect(await reason.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await testInfo.attach('hovered 10-minute visit at 30-minute rows', { body: await (await day.column('Dr Adams')).screenshot(), contentType: 'image/png' });
  await expect(ada.getByRole('button').first()).toHaveAttribute('title', /^Ada Lovelace, 11:00\s?AM, 10 minutes, Booked, Follow-up on the blood test results/);
});

test('a repeating booking’s dialog keeps Book in sight at 1280×800 and flags the clock change once', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  await day.clickSlot('Dr Adams', '10:00');
  await dialog.registerPatient({ givenName: 'Lise', familyName: 'Meitner', dateOfBirth: '1978-11-07' });
  await dialog.reason('Physiotherapy');
  await dialog.repeat('Weekly', 6);
  await expect(dialog.repeatPreview()).toHaveCount(6);
  // Six Wednesdays from 28 October: only 4 November is the first after the clocks go back.
  await expect(dialog.repeatPreview().filter({ hasText: 'after a clock change' })).toHaveCount(1);
  await expect(dialog.repeatPreview().nth(1)).toContainText('after a clock change');

  const root = dialog.root();
  expect(await root.evaluate((element) => element.scrollHeight > element.clientHeight), 'the dialog is taller than the window').toBe(true);
  const bookButton = root.getByRole('button', { name: 'Book repeating appointment' });
  const inView = async () => {
    const box = await bookButton.boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= 800;
  };
  expect(await inView()).toBe(true);
  await root.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
  expect(await inView()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('series-dialog-1280x800.png') });
  await bookButton.click();
  await expect(root).toBeHidden();
});
