import { expect, test } from '@playwright/test';
import { seriousViolations } from './pages/accessibility';
import { AdminPage, switchUser } from './pages/admin';
import type { StaffInput } from './pages/admin';
import { AppointmentDialogPage } from './pages/appointment-dialog';
import { AuditViewerPage, auditCsvColumns } from './pages/audit-viewer';
import { DayViewPage } from './pages/day-view';
import { FirstRunPage, sampleSetup } from './pages/first-run';
import { SignInPage } from './pages/sign-in';

/**
 * The single journey, in order, as the people at a clinic's front
 * desk would go through it in the browser build (`npm run web`, a fresh
 * browser profile): first run with the sample clinic → the admin adds a
 * receptionist and a manager → the receptionist books a visit and a weekly
 * series across the autumn clock change → a double booking is refused →
 * the manager books it anyway with a reason → check-in to completed → one
 * visit of the series cancelled with a reason → the audit log shows each
 * step by the right person → the CSV export is downloaded and parsed.
 *
 * The clock is pinned to Wednesday 28 October 2026, 11:00 in New York (the
 * context's zone, so the clinic's); clocks there go back on Sunday
 * 1 November, so a Thursday series from 29 October has visits on both sides.
 * The sample clinic books its single visits from 08:00 to at most 16:15 and
 * its series at 9:00, 10:30 and 14:00, so 16:30 is free in every column on
 * every day, inside the 08:00–17:00 working hours.
 */
const now = new Date('2026-10-28T15:00:00Z');
const fran = { displayName: 'Fran Desk', username: 'fran.desk', role: 'Front desk', passphrase: 'front desk long passphrase' } satisfies StaffInput;
const max = { displayName: 'Max Manager', username: 'max.manager', role: 'Manager', passphrase: 'manager long passphrase' } satisfies StaffInput;
// A comma and quotes, so the export's quoting is exercised on the way.
const overrideReason = 'Interpreter only free at 4:30, "agreed" with Dr Carter';
// Starts like a spreadsheet formula would: the export must defuse it.
const cancelReason = '-Snowed in; patient will call to rebook';
const dayTitles: Record<string, string> = {
  '2026-10-28': 'Wednesday, October 28, 2026',
  '2026-10-29': 'Thursday, October 29, 2026',
  '2026-11-05': 'Thursday, November 5, 2026',
  '2026-11-12': 'Thursday, November 12, 2026',
};

test('one front-desk journey: sample clinic, a booking, a series across the clock change, a refusal, a manager’s override, check-in to completed, a cancelled visit, the audit log and its CSV', async ({ page }, testInfo) => {
  // The sample clinic is about 1,500 audited commands; on a busy machine that alone takes minutes.
  test.setTimeout(480_000);
  const signedIn = page.getByTestId('signed-in-staff');
  const day = new DayViewPage(page);
  const dialog = new AppointmentDialogPage(page);
  const signIn = new SignInPage(page);
  const showDay = async (date: string) => {
    await day.goTo(date);
    await expect(day.title()).toHaveText(dayTitles[date] ?? date);
  };

  // First run: the clinic with the sample data, set up by its first admin.
  await page.clock.setFixedTime(now);
  await page.goto('/');
  await new FirstRunPage(page).createClinic({ ...sampleSetup, sample: true });
  await expect(page.getByText('Loading the sample clinic…')).toBeVisible();
  await expect(signIn.heading()).toHaveText('Sign in', { timeout: 300_000 });
  expect(await seriousViolations(page)).toEqual([]);
  await signIn.signIn(sampleSetup.username, sampleSetup.passphrase);
  await expect(signedIn).toHaveText('Jo Admin (Admin)');
  await expect(day.title()).toHaveText(dayTitles['2026-10-28'] ?? '');
  await expect(day.columnNames()).toHaveText(['Dr Amara Okafor', 'Dr Ben Carter', 'Dr Chen Li', 'Dr Dana Fischer', 'Dr Elias Haddad', 'Dr Farah Khan']);
  await expect(page.getByTestId('appointment').filter({ hasText: 'Completed' }).first()).toBeVisible();

  // The sample clinic has only its admin: she adds a receptionist and a manager.
  const admin = new AdminPage(page);
  await admin.open();
  await admin.addStaff(fran);
  await expect(admin.dialog()).toBeHidden();
  await admin.addStaff(max);
  await expect(admin.dialog()).toBeHidden();
  const staffTable = admin.table('Staff accounts');
  await expect(staffTable.getByRole('row', { name: /Fran Desk/ })).toContainText('Front desk');
  await expect(staffTable.getByRole('row', { name: /Max Manager/ })).toContainText('Manager');

  // Fran takes over the desk; a mistyped passphrase is refused first.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn.signIn(fran.username, 'not the right passphrase');
  await expect(signIn.problem()).toHaveText('The username or passphrase is not right.');
  await expect(page.getByLabel('Passphrase')).toHaveValue('');
  expect(await seriousViolations(page)).toEqual([]);
  await signIn.signIn(fran.username, fran.passphrase);
  await expect(signedIn).toHaveText('Fran Desk (Front desk)');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  await expect(day.title()).toHaveText(dayTitles['2026-10-28'] ?? '');

  // Book: Rosalind Franklin with Dr Ben Carter at 16:30 today, from the empty slot.
  await day.clickSlot('Dr Ben Carter', '16:30');
  await expect(dialog.time()).toHaveValue('16:30');
  await expect(dialog.resource('Dr Ben Carter')).toBeChecked();
  await dialog.registerPatient({ givenName: 'Rosalind', familyName: 'Franklin', dateOfBirth: '1980-07-25', phone: '555 014 2020' });
  await expect(dialog.chosenPatient()).toContainText('Rosalind Franklin');
  await dialog.reason('X-ray review');
  await dialog.bookAndConfirm();
  const rosalind = await day.appointmentIn('Dr Ben Carter', 'Rosalind Franklin');
  await expect(rosalind).toHaveAttribute('data-status', 'booked');
  await expect(rosalind.getByRole('button').first()).toHaveAccessibleName(/^Rosalind Franklin, 4:30\s?PM, 30 minutes, Booked, X-ray review/);
  await expect(day.notice()).toContainText(/Booked Rosalind Franklin at 4:30\s?PM/);

  // A weekly series: Lise Meitner, Thursdays 16:30 with Dr Chen Li, three visits around the clock change.
  await showDay('2026-10-29');
  await day.clickSlot('Dr Chen Li', '16:30');
  await dialog.registerPatient({ givenName: 'Lise', familyName: 'Meitner', dateOfBirth: '1978-11-07' });
  await dialog.reason('Physiotherapy');
  await dialog.repeat('Weekly', 3);
  await expect(dialog.repeatSummary()).toHaveText('Every week on Thu, 3 times');
  await expect(dialog.repeatPreview()).toHaveCount(3);
  await expect(dialog.repeatPreview().nth(0)).toHaveText(/^Oct 29 4:30\s?PM/);
  await expect(dialog.repeatPreview().nth(0)).not.toContainText('clock change');
  await expect(dialog.repeatPreview().nth(1)).toHaveText(/^Nov 5 4:30\s?PM — after a clock change/);
  await expect(dialog.repeatPreview().nth(2)).toHaveText(/^Nov 12 4:30\s?PM/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('journey-series-dialog.png') });
  await dialog.bookAndConfirm();
  await expect(day.notice()).toContainText('Booked Lise Meitner: Every week on Thu, 3 times (3 visits checked).');

  // On the sheet the visits keep their wall time on both sides of the change: same label, same place.
  const seriesTops: string[] = [];
  for (const date of ['2026-10-29', '2026-11-05', '2026-11-12']) {
    await showDay(date);
    const visit = await day.appointmentIn('Dr Chen Li', 'Lise Meitner');
    await expect(visit).toHaveCount(1);
    await expect(visit.getByRole('button').first()).toHaveAccessibleName(/^Lise Meitner, 4:30\s?PM, 30 minutes, Booked, Physiotherapy/);
    await expect(visit).toContainText('Repeats');
    seriesTops.push(await visit.evaluate((block) => (block as HTMLElement).style.top));
  }
  expect(new Set(seriesTops).size, seriesTops.join(', ')).toBe(1);

  // Fran tries to give Emmy Noether the same 16:30 with Dr Ben Carter: refused, naming Rosalind's visit; front desk cannot override.
  await showDay('2026-10-28');
  await day.openNewAppointment();
  await dialog.registerPatient({ givenName: 'Emmy', familyName: 'Noether', dateOfBirth: '1982-03-23' });
  await expect(dialog.chosenPatient()).toContainText('Emmy Noether');
  await dialog.resource('Dr Ben Carter').check();
  await dialog.time().fill('16:30');
  await dialog.length('30 min');
  await dialog.book();
  await expect(dialog.conflicts()).toContainText('Dr Ben Carter is already booked at that time');
  await expect(dialog.conflicts()).toContainText(/Rosalind Franklin, 4:30\s?PM \(30 min\)/);
  await expect(dialog.overrideBox()).toHaveCount(0);
  await expect(dialog.root()).toBeVisible();
  await expect(day.appointments('Emmy Noether')).toHaveCount(0);
  await dialog.conflicts().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('journey-refused.png') });
  await dialog.root().getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog.root()).toBeHidden();

  // The manager comes to the desk and books Emmy anyway, saying why.
  await switchUser(page, max.username, max.passphrase);
  await expect(signedIn).toHaveText('Max Manager (Manager)');
  await expect(day.title()).toHaveText(dayTitles['2026-10-28'] ?? '');
  await day.openNewAppointment();
  await dialog.choosePatient('Noether', 'Emmy Noether');
  await dialog.resource('Dr Ben Carter').check();
  await dialog.time().fill('16:30');
  await dialog.length('30 min');
  await dialog.book();
  await expect(dialog.conflicts()).toContainText(/Rosalind Franklin, 4:30\s?PM \(30 min\)/);
  await expect(dialog.overrideBox()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.overrideBox().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('journey-override.png') });
  await dialog.overrideAndConfirm(overrideReason);
  const emmy = await day.appointmentIn('Dr Ben Carter', 'Emmy Noether');
  await expect(emmy).toHaveAttribute('data-status', 'booked');
  // Both visits show, side by side at the same time.
  const rosalindBox = await rosalind.boundingBox();
  const emmyBox = await emmy.boundingBox();
  if (!rosalindBox || !emmyBox) throw new Error('both 16:30 visits must be on the sheet');
  expect(rosalindBox.y).toBeCloseTo(emmyBox.y, 0);
  expect(rosalindBox.x + rosalindBox.width <= emmyBox.x || emmyBox.x + emmyBox.width <= rosalindBox.x).toBe(true);

  // Fran again: Rosalind arrives, goes in, and her visit is completed.
  await switchUser(page, fran.username, fran.passphrase);
  await expect(signedIn).toHaveText('Fran Desk (Front desk)');
  await day.setStatus('Dr Ben Carter', 'Rosalind Franklin', 'Arrived', 'arrived');
  await expect(day.notice()).toContainText('Rosalind Franklin: Arrived.');
  await expect(rosalind).toContainText('Arrived');
  await day.setStatus('Dr Ben Carter', 'Rosalind Franklin', 'In room', 'in_room');
  await day.setStatus('Dr Ben Carter', 'Rosalind Franklin', 'Completed', 'completed');
  await expect(rosalind).toContainText('Completed');
  await expect(emmy).toHaveAttribute('data-status', 'booked');
  await page.screenshot({ path: testInfo.outputPath('journey-day-sheet.png') });

  // Lise cannot come on 5 November: Fran cancels that one visit, with the reason.
  await showDay('2026-11-05');
  await day.select('Dr Chen Li', 'Lise Meitner');
  await day.openCancel();
  expect(await seriousViolations(page)).toEqual([]);
  await day.answerCancel(cancelReason);
  await expect(day.notice()).toContainText('Lise Meitner: Cancelled.');
  await expect(day.appointments('Lise Meitner')).toHaveCount(0); // cancelled visits are hidden by default
  await day.showCancelled().check();
  await expect(await day.appointmentIn('Dr Chen Li', 'Lise Meitner')).toHaveAttribute('data-status', 'cancelled');
  await day.showCancelled().uncheck();
  // Only that visit: the ones before and after the change are still booked.
  for (const date of ['2026-10-29', '2026-11-12']) {
    await showDay(date);
    await expect(await day.appointmentIn('Dr Chen Li', 'Lise Meitner')).toHaveAttribute('data-status', 'booked');
  }

  // The manager reviews the day in the audit log: each step, by whom, with the reasons.
  await switchUser(page, max.username, max.passphrase);
  const audit = new AuditViewerPage(page);
  await audit.open();
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'ok');
  await expect(audit.chainStatus()).toContainText('Chain verified');
  const steps: { staff: string; action: string; count: number; text: (string | RegExp)[] }[] = [
    // Jo's own account at first run, then each new account and its passphrase.
    { staff: 'Jo Admin', action: 'Staff account saved', count: 5, text: ['Fran Desk', 'Max Manager', 'Jo Admin', 'Changed: passphrase'] },
    { staff: 'Fran Desk', action: 'Patient registered', count: 3, text: ['Rosalind Franklin', 'Lise Meitner', 'Emmy Noether'] },
    // Booked, and the refused attempt at Emmy's double booking (recorded as refused, nothing stored).
    { staff: 'Fran Desk', action: 'Appointment booked', count: 2, text: ['Rosalind Franklin', 'Emmy Noether'] },
    { staff: 'Fran Desk', action: 'Series created', count: 1, text: ['Lise Meitner'] },
    // The first try refused, then booked with the override.
    { staff: 'Max Manager', action: 'Appointment booked', count: 2, text: ['Emmy Noether'] },
    { staff: 'Max Manager', action: 'Conflict overridden', count: 1, text: ['Emmy Noether', overrideReason] },
    { staff: 'Fran Desk', action: 'Status changed', count: 3, text: ['Rosalind Franklin'] },
    { staff: 'Fran Desk', action: 'Occurrence cancelled', count: 1, text: ['Lise Meitner', cancelReason] },
  ];
  for (const step of steps) {
    await audit.filterStaff(step.staff);
    await audit.filterAction(step.action);
    await expect(audit.rows(), `${step.staff}: ${step.action}`).toHaveCount(step.count);
    for (const words of step.text) await expect(audit.rows().filter({ hasText: words }).first()).toBeVisible();
    for (const row of await audit.rows().all()) await expect(row.getByRole('cell').nth(1)).toHaveText(step.staff);
  }
  // The override and the cancellation are nobody else's.
  await audit.filterStaff('Anyone');
  await audit.filterAction('Conflict overridden');
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows().first().getByRole('cell').nth(1)).toHaveText('Max Manager');
  await audit.filterAction('Occurrence cancelled');
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows().first().getByRole('cell').nth(1)).toHaveText('Fran Desk');
  // Fran's mistyped passphrase: recorded by the sign-in screen against her account, as denied.
  await audit.filterAction('Sign-in failed');
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows().first().getByRole('cell').nth(1)).toHaveText('Sign-in screen');
  await expect(audit.rows().first().getByRole('cell').nth(3)).toHaveText('Fran Desk');
  await expect(audit.rows().first()).toHaveClass(/outcome-denied/);
  await page.screenshot({ path: testInfo.outputPath('journey-audit-viewer.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // Export the whole log: a real download, read the way a spreadsheet would.
  await audit.filterAction('Any action');
  await expect(audit.rows().first()).toHaveAttribute('data-action', 'STAFF_SIGNED_IN');
  const csv = await audit.exportCsv();
  expect(csv.fileName).toMatch(/^timedesk-audit-\d{8}-\d{6}\.csv$/);
  expect(csv.bom).toBe(true);
  expect(csv.errors).toEqual([]);
  expect(csv.header).toEqual(auditCsvColumns);
  expect(csv.rows.map((row) => Number(row['seq']))).toEqual(csv.rows.map((_, index) => index + 1));
  await expect(page.getByText(`Exported ${csv.rows.length.toLocaleString('en-US')} entries to ${csv.fileName}.`)).toBeVisible();

  // Nothing a spreadsheet would run: every cell starting like a formula carries the guard.
  const formulaLike = /^\s*[=+\-@]/;
  expect(csv.rows.flatMap((row) => Object.values(row).filter((cell) => formulaLike.test(cell)))).toEqual([]);

  // One row per step, by the right person, in the order they happened.
  const patientIdOf = (familyName: string) => {
    const registered = csv.rows.filter((row) => row['action'] === 'PATIENT_REGISTERED' && (row['changes'] ?? '').includes(`"${familyName}"`));
    expect(registered, familyName).toHaveLength(1);
    return registered[0]?.['patient_id'] ?? '';
  };
  const [rosalindId, liseId, emmyId] = [patientIdOf('Franklin'), patientIdOf('Meitner'), patientIdOf('Noether')];
  const rowsOf = (action: string, patientId?: string) => csv.rows.filter((row) => row['action'] === action && row['outcome'] !== 'refused' && (patientId === undefined || row['patient_id'] === patientId));
  const only = (action: string, patientId?: string) => {
    const found = rowsOf(action, patientId);
    expect(found, `${action} ${patientId ?? ''}`).toHaveLength(1);
    return found[0] ?? {};
  };
  const staffSaved = (name: string) => rowsOf('STAFF_SAVED').filter((row) => (row['changes'] ?? '').includes(`"${name}"`))[0] ?? {};
  const journey = [
    staffSaved('Fran Desk'),
    staffSaved('Max Manager'),
    only('SIGN_IN_FAILED'),
    only('APPOINTMENT_BOOKED', rosalindId),
    only('SERIES_CREATED', liseId),
    only('CONFLICT_OVERRIDDEN', emmyId),
    ...rowsOf('STATUS_CHANGED', rosalindId),
    only('OCCURRENCE_CANCELLED', liseId),
  ];
  expect(journey.map((row) => [row['action'], row['actor_name'], row['actor_role']])).toEqual([
    ['STAFF_SAVED', 'Jo Admin', 'admin'],
    ['STAFF_SAVED', 'Jo Admin', 'admin'],
    ['SIGN_IN_FAILED', 'Sign-in screen', 'system'],
    ['APPOINTMENT_BOOKED', 'Fran Desk', 'front_desk'],
    ['SERIES_CREATED', 'Fran Desk', 'front_desk'],
    ['CONFLICT_OVERRIDDEN', 'Max Manager', 'manager'],
    ['STATUS_CHANGED', 'Fran Desk', 'front_desk'],
    ['STATUS_CHANGED', 'Fran Desk', 'front_desk'],
    ['STATUS_CHANGED', 'Fran Desk', 'front_desk'],
    ['OCCURRENCE_CANCELLED', 'Fran Desk', 'front_desk'],
  ]);
  const seqs = journey.map((row) => Number(row['seq']));
  expect(seqs).toEqual([...seqs].sort((left, right) => left - right));
  expect(only('SIGN_IN_FAILED')).toMatchObject({ outcome: 'denied', entity_id: staffSaved('Fran Desk')['entity_id'] });
  expect(only('APPOINTMENT_BOOKED', emmyId)['actor_name']).toBe('Max Manager');
  // The two refused attempts at Emmy's 16:30: who tried, whom for, and the refusal's code — no mutation, as nothing was stored.
  const refused = csv.rows.filter((row) => row['outcome'] === 'refused');
  expect(refused.map((row) => [row['action'], row['actor_name'], row['patient_id'], row['mutation_id']])).toEqual([
    ['APPOINTMENT_BOOKED', 'Fran Desk', emmyId, ''],
    ['APPOINTMENT_BOOKED', 'Max Manager', emmyId, ''],
  ]);
  for (const row of refused) expect(row['reason']).toMatch(/^booking-conflict: resource-double-booked/);
  expect(only('CONFLICT_OVERRIDDEN', emmyId)['reason']).toBe(overrideReason);
  // The cancel reason comes back guarded, so a spreadsheet shows it as text; removing the one quote gives it back.
  expect(only('OCCURRENCE_CANCELLED', liseId)['reason']).toBe(`'${cancelReason}`);
  expect(rowsOf('STATUS_CHANGED', rosalindId).map((row) => JSON.parse(row['changes'] ?? '{}').status?.after)).toEqual(['arrived', 'in_room', 'completed']);

  // The export is itself audited, on top, and the chain still verifies.
  await expect(audit.rows().first()).toHaveAttribute('data-action', 'AUDIT_EXPORTED');
  await expect(audit.rows().first()).toContainText('Max Manager');
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'ok');
  await expect(audit.chainStatus()).toContainText('Chain verified');
});
