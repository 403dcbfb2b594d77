import { expect, test } from '@playwright/test';
import { setUpClinicAsAdmin } from './pages/admin';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { AuditViewerPage } from './pages/audit-viewer';
import { DayViewPage } from './pages/day-view';

/**
 * The printed day sheet: one page per provider (print stylesheet in
 * renderer/print), each listing its bookings, and the print audited. Fresh
 * context per test; clock pinned to Wednesday 25 November 2026, 09:00 New York.
 */
const now = new Date('2026-11-25T14:00:00Z');

test.describe.configure({ timeout: 150_000 });

test('the day sheet prints one page per provider and the print is audited', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  const day = new DayViewPage(page);
  await expect(day.columnNames()).toHaveText(['Dr Adams', 'Dr Brown']);
  await day.clickSlot('Dr Adams', '10:00');
  const dialog = new AppointmentDialogPage(page);
  await dialog.registerPatient({ givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-12-10' });
  await dialog.reason('Annual check-up');
  await dialog.book();
  await expect(dialog.root()).toBeHidden();

  // On screen the printed sheet does not show.
  await expect(page.getByTestId('print-sheet')).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  const pages = page.getByTestId('print-page');
  await expect(pages).toHaveCount(2);
  await expect(pages.nth(0).getByRole('heading')).toHaveText('Dr Adams');
  await expect(pages.nth(0)).toContainText('Wednesday, November 25, 2026');
  await expect(pages.nth(0).getByRole('row', { name: /Ada Lovelace/ })).toContainText('Annual check-up');
  await expect(pages.nth(1).getByRole('heading')).toHaveText('Dr Brown');
  await expect(pages.nth(1)).toContainText('Nothing booked.');
  // The interactive sheet is not printed.
  await expect(page.getByTestId('day-title')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('print-day-sheet.png'), fullPage: true });

  // Paper: exactly one page per provider. Chromium fires beforeprint for this print too, as for the print dialog.
  const pdf = await page.pdf({ format: 'A4' });
  const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pageCount).toBe(2);
  await page.emulateMedia({ media: 'screen' });

  // The print was recorded for each patient on the sheet.
  const audit = new AuditViewerPage(page);
  await audit.open();
  await expect(audit.rowsWithAction('DAY_SHEET_PRINTED')).toHaveCount(1);
  await expect(audit.rowsWithAction('DAY_SHEET_PRINTED')).toContainText('Ada Lovelace');

  // Ada's access history: everything that named her, and nothing else.
  await page.getByLabel('Patient').fill('lovel');
  await page.getByRole('list', { name: 'Matching patients' }).getByRole('button', { name: /Ada Lovelace/ }).click();
  await expect(page.getByTestId('audit-patient')).toContainText('Ada Lovelace');
  await expect(audit.rows()).toHaveCount(3);
  expect(await audit.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')).sort())).toEqual(['APPOINTMENT_BOOKED', 'DAY_SHEET_PRINTED', 'PATIENT_REGISTERED']);
});
