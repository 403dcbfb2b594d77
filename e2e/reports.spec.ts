import { expect, test } from '@playwright/test';
import { setUpClinicAsAdmin } from './pages/admin';
import { DayViewPage } from './pages/day-view';
import { ReportsPage } from './pages/reports';

/**
 * Issue 17's reports in Chromium: three visits booked and settled at the
 * counter (a completed visit its patient confirmed, a no-show, a
 * cancellation an hour ahead), then
 * Reports for that day: utilisation from the day's hours, attendance with the
 * late cancellation, confirmations (does calling work?), the charts with their words for screen readers, the
 * previous period beside it, a CSV of a table, a refused range, and print.
 * The clock is Wednesday 25 November 2026, 09:00 New York.
 */
const now = new Date('2026-11-25T14:00:00Z');
test.describe.configure({ timeout: 180_000 });

test('a manager reads the day’s utilisation and attendance, exports a table and prints', async ({ page }) => {
  await setUpClinicAsAdmin(page, now); // Dr Adams, Dr Brown, Room 1: Mon–Fri 09:00–17:00
  const day = new DayViewPage(page);
  const book = async (provider: string, time: string, givenName: string, familyName: string) => {
    await day.bookNewPatient(provider, time, { givenName, familyName, dateOfBirth: '1980-01-01' });
    await expect(page.getByRole('dialog')).toBeHidden();
  };
  await book('Dr Adams', '10:00', 'Ada', 'Lovelace');
  await book('Dr Adams', '11:00', 'Alan', 'Turing');
  await book('Dr Brown', '10:00', 'Grace', 'Hopper');
  // Ada confirms on the phone (F) before she comes; nobody answers for Alan or Grace.
  await day.select('Dr Adams', 'Ada Lovelace');
  await page.keyboard.press('f');
  await expect(day.notice()).toContainText('Ada Lovelace: confirmed.');
  await day.setStatus('Dr Adams', 'Ada Lovelace', 'Arrived', 'arrived');
  await day.setStatus('Dr Adams', 'Ada Lovelace', 'In room', 'in_room');
  await day.setStatus('Dr Adams', 'Ada Lovelace', 'Completed', 'completed');
  await day.setStatus('Dr Adams', 'Alan Turing', 'No-show', 'no_show');
  await day.select('Dr Brown', 'Grace Hopper');
  await day.cancelOccurrence('Called at nine: car broke down'); // an hour before: late

  const reports = new ReportsPage(page);
  await reports.open();
  await reports.range('2026-11-25', '2026-11-25');
  await page.getByRole('combobox', { name: 'By', exact: true }).selectOption('day');
  await expect(page.getByTestId('report-range')).toContainText('Nov 25, 2026');
  await expect(page.getByTestId('report-range')).toContainText('Previous period: Nov 24, 2026 – Nov 24, 2026');

  // Utilisation: 8 bookable hours each; Dr Adams held an hour (the no-show held its half hour), Dr Brown's cancellation freed his.
  expect(await reports.row('utilisation', 'Dr Adams')).toEqual(['Dr Adams', '8.0', '1.0', '12.5%', '0.0%', '+12.5', '0.0']);
  expect(await reports.row('utilisation', 'Dr Brown')).toEqual(['Dr Brown', '8.0', '0.0', '0.0%', '0.0%', '0.0', '0.0']);
  const chart = page.getByTestId('utilisation-chart');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute('aria-label', /Dr Adams 12\.5%; Dr Brown 0\.0%; Room 1 0\.0%/);
  await expect(chart.locator('canvas')).toBeVisible();
  const box = await chart.locator('canvas').boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);

  // Attendance: 3 visits, 1 completed, 1 no-show (50 %), 1 cancelled, late.
  expect(await reports.row('attendance-resource', 'All visits')).toEqual(['All visits', '3', '1', '1', '1', '1', '0', '50.0%', 'no visits']);
  await expect(page.getByTestId('attendance-chart')).toHaveAttribute('aria-label', '3 visits; no-show rate 50.0%; 1 late cancellation.');
  expect(await reports.row('patients', 'New patients')).toEqual(['New patients', '1', '0']);

  // Confirmations: Ada confirmed and came; Alan, unconfirmed, did not; the day before had no answers.
  await expect(page.getByRole('heading', { name: 'Confirmations', level: 2 })).toBeVisible();
  expect(await reports.row('confirmations', 'All visits')).toEqual(['All visits', '3', '2', '0', '1', '0', '0', '100.0%', 'no answers']);
  expect(await reports.row('confirmations-no-shows', 'All visits')).toEqual(['All visits', '1', '0', '0.0%', '0', '1', '100.0%', 'no visits', 'no visits']);
  await expect(page.getByTestId('confirmations-chart')).toHaveAttribute('aria-label', 'Confirmed rate 100.0% (1 answer); no-show rate 0.0% when confirmed, 100.0% when not confirmed.');
  await expect(page.getByTestId('waitlist-chart')).toHaveAttribute('aria-label', 'No waitlist entries in this period.');

  // CSV of a table: the audit export's safe writer, plain numbers.
  const csv = await reports.exportCsv('utilisation');
  expect(csv.name).toBe('timedesk-utilisation-2026-11-25-2026-11-25.csv');
  const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('Provider or room,Bookable (hours),Booked (hours),Utilisation,Previous,Change,Booked outside hours (hours)');
  expect(lines).toContain('Dr Adams,8,1,0.125,0,12.5,0');
  await expect(page.getByText('Saved timedesk-utilisation-2026-11-25-2026-11-25.csv.')).toBeVisible();

  // A late window of 30 minutes is refused by name; an hour counts the same cancellation as not late.
  await page.getByLabel('Late cancellation: under (hours)').fill('0');
  await expect(page.getByText('Late cancellation hours: a whole number from 1 to 168.')).toBeVisible();
  await page.getByLabel('Late cancellation: under (hours)').fill('1');
  await expect.poll(() => reports.row('attendance-resource', 'All visits')).toEqual(['All visits', '3', '1', '1', '1', '0', '0', '50.0%', 'no visits']);

  // An end before the start: a clear message, no figures.
  await reports.range('2026-11-25', '2026-11-20');
  await expect(page.getByRole('alert')).toHaveText('The end date is before the start date.');
  await expect(reports.table('utilisation')).toHaveCount(0);
  await reports.range('2026-11-01', '2026-11-30');
  await expect(reports.table('utilisation')).toBeVisible();

  // Print: the report alone, without the desk's bars and buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export CSV' }).first()).toBeHidden();
  await expect(reports.table('utilisation')).toBeVisible();
  await expect(page.getByTestId('utilisation-chart').locator('canvas')).toBeVisible();
});
