import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { AdminPage, setUpClinicAsAdmin, switchUser } from './pages/admin';
import { AuditViewerPage } from './pages/audit-viewer';
import { sampleSetup } from './pages/first-run';

/**
 * The audit log after a morning of setup: every step listed, filters by
 * action and staff member, the chain verified, and the CSV export (itself
 * audited) downloaded and parsed. Fresh context per test; clock pinned.
 */
const now = new Date('2026-11-25T14:00:00Z');
const csvColumns = ['seq', 'id', 'at', 'device_id', 'app_version', 'actor_id', 'actor_name', 'actor_role', 'action', 'entity_type', 'entity_id', 'patient_id', 'changes', 'reason', 'outcome', 'mutation_id', 'prev_hash', 'hash'];

test.describe.configure({ timeout: 180_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
}

async function downloaded(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

function parseCsv(text: string) {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(csvColumns);
  return parsed.data;
}

test('the audit log lists the setup, filters, verifies the chain and exports an audited CSV', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  const admin = new AdminPage(page);
  await admin.open();
  await admin.addResource({ kind: 'Provider', name: 'Dr Carter' });
  await admin.addResource({ kind: 'Room', name: 'Room 2' });
  await admin.addBlock('Dr Carter', '2026-12-01', 'Working hours', '09:00', '13:00');
  await expect(admin.dialog()).toBeHidden();
  await admin.addClosure('2026-11-26', '2026-11-27', 'Whole clinic', 'Thanksgiving');
  await expect(admin.dialog()).toBeHidden();
  await admin.addStaff({ displayName: 'Fran Desk', username: 'fran.desk', role: 'Front desk', passphrase: 'another long passphrase' });
  await expect(admin.dialog()).toBeHidden();
  // Fran signs in once, then Jo comes back: Fran's session is locked and signed out, all three audited.
  await switchUser(page, 'fran.desk', 'another long passphrase');
  await expect(page.getByTestId('signed-in-staff')).toHaveText('Fran Desk (Front desk)');
  await switchUser(page, sampleSetup.username, sampleSetup.passphrase);
  await expect(page.getByTestId('signed-in-staff')).toHaveText('Jo Admin (Admin)');

  const audit = new AuditViewerPage(page);
  await audit.open();
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'ok');
  await expect(audit.chainStatus()).toContainText('Chain verified');
  await expect(page.getByTestId('chain-head')).toHaveText(/^[0-9a-f]{64}$/);

  // Every setup step is listed, newest first.
  await expect(audit.rowsWithAction('RESOURCE_SAVED').filter({ hasText: 'Dr Carter' })).toHaveCount(1);
  await expect(audit.rowsWithAction('RESOURCE_SAVED').filter({ hasText: 'Room 2' })).toHaveCount(1);
  await expect(audit.rowsWithAction('SCHEDULE_BLOCK_SAVED')).not.toHaveCount(0);
  await expect(audit.rowsWithAction('CLOSURE_SAVED').filter({ hasText: 'Thanksgiving' })).toHaveCount(1);
  await expect(audit.rowsWithAction('STAFF_SAVED').filter({ hasText: 'Fran Desk' }).first()).toBeVisible();
  await expect(audit.rows().first()).toHaveAttribute('data-action', 'STAFF_SIGNED_IN');
  await expect(audit.rows().first()).toContainText('Jo Admin');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('audit-viewer.png') });

  // By action: only the closure.
  await audit.filterAction('Closure saved');
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows().first()).toContainText('Thanksgiving');
  await expect(audit.rows().first()).toContainText('Jo Admin');

  // By staff member: Fran's sign-in, the lock of her session and her sign-out, newest first.
  await audit.filterAction('Any action');
  await audit.filterStaff('Fran Desk');
  const franActions = ['STAFF_SIGNED_OUT', 'SESSION_LOCKED', 'STAFF_SIGNED_IN'];
  await expect(audit.rows()).toHaveCount(franActions.length);
  for (const [index, action] of franActions.entries()) {
    await expect(audit.rows().nth(index)).toHaveAttribute('data-action', action);
  }
  await page.screenshot({ path: testInfo.outputPath('audit-viewer-filtered.png') });

  // A backwards date range is refused beside "To" and the list keeps the last good filter.
  await audit.filterDates('2026-11-25', '2026-11-24');
  await expect(page.getByText('To must be after the start.')).toBeVisible();
  await expect(audit.exportButton()).toBeDisabled();
  await audit.filterDates('2026-11-25', '2026-11-25');
  await expect(audit.rows()).toHaveCount(franActions.length);

  // Export everything: the download is the CSV with BOM and header, one row per entry.
  await audit.filterStaff('Anyone');
  await audit.filterDates('', '');
  await expect(audit.rows().first()).toHaveAttribute('data-action', 'STAFF_SIGNED_IN');
  await expect(page.getByTestId('audit-count')).toHaveText(/^\d+ entries$/);
  const shownBefore = await audit.entryCount();
  const csvDownload = page.waitForEvent('download');
  await audit.exportButton().click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(/^timedesk-audit-\d{8}-\d{6}\.csv$/);
  const rows = parseCsv(await downloaded(csvFile));
  expect(rows.length).toBe(shownBefore);
  // The list is virtual: fewer rows are in the DOM than the log holds.
  expect(await audit.rows().count()).toBeLessThan(rows.length);
  expect(rows.map((row) => row['action'])).toEqual(expect.arrayContaining(['RESOURCE_SAVED', 'SCHEDULE_BLOCK_SAVED', 'CLOSURE_SAVED', 'STAFF_SAVED', 'STAFF_SIGNED_IN']));
  expect(rows.find((row) => row['action'] === 'CLOSURE_SAVED')?.['actor_name']).toBe('Jo Admin');
  expect(rows.map((row) => Number(row['seq']))).toEqual(rows.map((_, index) => index + 1));
  await expect(page.getByText(`Exported ${rows.length} entries to ${csvFile.suggestedFilename()}.`)).toBeVisible();

  // The export is itself in the log, on top, and the chain still verifies.
  await expect(audit.rows().first()).toHaveAttribute('data-action', 'AUDIT_EXPORTED');
  await expect(audit.rows().first()).toContainText('Jo Admin');
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'ok');

  // The manifest is offered beside it and describes the same rows.
  const manifestDownload = page.waitForEvent('download');
  await audit.manifestButton().click();
  const manifestFile = await manifestDownload;
  expect(manifestFile.suggestedFilename()).toBe(csvFile.suggestedFilename().replace('.csv', '.manifest.json'));
  const manifest = JSON.parse(await downloaded(manifestFile)) as { format: string; filtered: boolean; rows: number; heads: { lastSeq: number; headHash: string }[] };
  expect(manifest).toMatchObject({ format: 'timedesk-audit-csv/1', filtered: false, rows: rows.length });
  expect(manifest.heads[0]?.headHash).toBe(rows.at(-1)?.['hash']);

  // A filtered export holds only what the filter shows.
  await audit.filterAction('Closure saved');
  await expect(audit.rows()).toHaveCount(1);
  const filteredDownload = page.waitForEvent('download');
  await audit.exportButton().click();
  const filteredRows = parseCsv(await downloaded(await filteredDownload));
  expect(filteredRows.map((row) => row['action'])).toEqual(['CLOSURE_SAVED']);
  expect(await seriousViolations(page)).toEqual([]);
});

test('100,000 entries: only the rows in view are in the DOM, and older pages load as the list scrolls', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  // Another desk's history, synced earlier: 100,000 entries written straight into IndexedDB (the
  // viewer reads every device's entries; the chain check covers this desk's own chain).
  const seeded = await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('timedesk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const actions = ['APPOINTMENT_BOOKED', 'STATUS_CHANGED', 'PATIENT_VIEWED', 'APPOINTMENT_MOVED'];
    const transaction = db.transaction('audit', 'readwrite');
    const store = transaction.objectStore('audit');
    const start = Date.UTC(2025, 0, 6, 13);
    for (let seq = 1; seq <= count; seq++) {
      store.add({
        seq,
        id: `archive-e${seq}`,
        deviceId: 'desk-archive',
        appVersion: '0.1.0',
        at: new Date(start + seq * 60_000).toISOString(),
        actor: { kind: 'staff', staffId: `archive-staff-${seq % 7}`, displayName: `Archived Staff ${seq % 7}`, role: 'front_desk' },
        action: actions[seq % actions.length],
        entityType: 'appointment',
        entityId: `archive-a${seq}`,
        patientId: null,
        changes: {},
        reason: null,
        outcome: 'success',
        mutationId: null,
        prevHash: '0'.repeat(64),
        hash: '0'.repeat(64),
      });
    }
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
    return count;
  }, 100_000);
  expect(seeded).toBe(100_000);

  const audit = new AuditViewerPage(page);
  await audit.open();
  await expect(audit.rows().first()).toHaveAttribute('data-action', 'STAFF_SIGNED_IN');
  await expect(page.getByTestId('audit-count')).toContainText('more as you scroll');
  const domRows = () => audit.rows().count();
  expect(await domRows()).toBeLessThan(50);

  // Scroll to the end of what is loaded, several times: older pages arrive, the DOM stays small.
  const scroller = page.getByTestId('audit-list').locator('.audit-scroller');
  const loaded = async () => Number((/^([\d,]+)/.exec((await page.getByTestId('audit-count').textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''));
  for (let round = 0; round < 4; round++) {
    const before = await loaded();
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(loaded).toBeGreaterThan(before);
    expect(await domRows()).toBeLessThan(50);
  }
  expect(await loaded()).toBeGreaterThan(1000);
  await expect(audit.rows().filter({ hasText: 'Archived Staff' }).first()).toBeVisible();
  expect(await domRows()).toBeLessThan(50);
  await page.screenshot({ path: testInfo.outputPath('audit-viewer-100k.png') });

  // A filter over the whole log still answers from the first page.
  await audit.filterAction('Patient viewed');
  await expect(audit.rows().first()).toHaveAttribute('data-action', 'PATIENT_VIEWED');
  expect(await domRows()).toBeLessThan(50);
});

test('opening again checks only the new entries; an edit to an older one shows with "Verify the whole log"', async ({ page }) => {
  await setUpClinicAsAdmin(page, now);
  const audit = new AuditViewerPage(page);
  const admin = new AdminPage(page);

  // First opening: nothing verified yet, so the whole log is.
  await audit.open();
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'ok');
  await expect(audit.chainDetail()).toHaveText(/^\(checked the whole log, \d+ entries, at \d{1,2}:\d{2}\s[AP]M\)$/);
  const firstHead = await audit.verifiedUpTo();
  expect(firstHead).toBeGreaterThan(3);

  // Two more changes, then back: only those entries are checked, and the status says when the whole log was.
  await admin.open();
  await admin.addResource({ kind: 'Room', name: 'Room 2' });
  await audit.open();
  await expect(audit.chainDetail()).toHaveText(/^\(checked \d+ new entr(y|ies) at \d{1,2}:\d{2}\s[AP]M\)$/);
  const secondHead = await audit.verifiedUpTo();
  expect(secondHead).toBeGreaterThan(firstHead);
  const newEntries = Number(/checked (\d+) new/.exec((await audit.chainDetail().textContent()) ?? '')?.[1]);
  expect(newEntries).toBe(secondHead - firstHead);
  await expect(page.getByTestId('chain-last-whole')).toHaveText(/^Whole log last verified Nov 25, 2026, \d{1,2}:\d{2}\s[AP]M; older entries are checked again by “Verify the whole log”\.$/);

  // Someone edits entry 3, long verified: the quick check on opening does not hash it again…
  await admin.open();
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('timedesk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('audit', 'readwrite').objectStore('audit');
    const third = await new Promise<{ seq: number; reason: string | null }>((resolve, reject) => {
      const request = store.getAll();
      request.onsuccess = () => resolve((request.result as { seq: number; reason: string | null }[]).find((entry) => entry.seq === 3)!);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const request = store.put({ ...third, reason: 'quietly changed' });
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    db.close();
  });
  await audit.open();
  await expect(audit.chainDetail()).toHaveText(/^\(no new entries since the last check; checked at /);
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'ok');

  // …the whole-log check does, names it, and records the break once; from then on every opening checks the whole log.
  await audit.verifyWholeButton().click();
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'broken');
  await expect(audit.chainStatus()).toContainText('Chain broken at entry 3: edited.');
  await expect(audit.rowsWithAction('AUDIT_CHAIN_BROKEN')).toHaveCount(1);
  await admin.open();
  await audit.open();
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'broken');
  await expect(audit.chainStatus()).toContainText('Chain broken at entry 3: edited.');
  await expect(audit.rowsWithAction('AUDIT_CHAIN_BROKEN')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
});

test('an edited entry turns the chain status red, naming the first broken entry', async ({ page }, testInfo) => {
  await setUpClinicAsAdmin(page, now);
  // Someone edits entry 3 behind the app's back (straight in IndexedDB, past the append-only guard).
  const edited = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('timedesk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('audit', 'readwrite').objectStore('audit');
    const entries = await new Promise<{ seq: number; deviceId: string; reason: string | null }[]>((resolve, reject) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as { seq: number; deviceId: string; reason: string | null }[]);
      request.onerror = () => reject(request.error);
    });
    const third = entries.find((entry) => entry.seq === 3);
    if (!third) throw new Error('no entry 3');
    await new Promise<void>((resolve, reject) => {
      const request = store.put({ ...third, reason: 'quietly changed' });
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    db.close();
    return third.seq;
  });
  expect(edited).toBe(3);

  const audit = new AuditViewerPage(page);
  await audit.open();
  await expect(audit.chainStatus()).toHaveAttribute('data-state', 'broken');
  await expect(audit.chainStatus()).toContainText('Chain broken at entry 3: edited.');
  // The break is itself recorded, once.
  await expect(audit.rowsWithAction('AUDIT_CHAIN_BROKEN')).toHaveCount(1);
  await expect(audit.rowsWithAction('AUDIT_CHAIN_BROKEN')).toContainText('Audit integrity check');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('audit-viewer-broken.png') });
});
