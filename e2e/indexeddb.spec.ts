import { expect, test } from '@playwright/test';

/**
 * The store on Chromium's real IndexedDB (the unit tests use fake-indexeddb):
 * booking writes the appointment, its chained audit entry and its outbox
 * mutation; the audit table refuses edits and deletes; a transaction failing
 * half-way leaves nothing behind.
 */
const harnessUrl = `http://127.0.0.1:${process.env.TIMEDESK_IDB_HARNESS_PORT ?? 5175}/`;

test('commands write appointment, audit entry and outbox entry atomically on real IndexedDB', async ({ page }) => {
  await page.goto(harnessUrl);
  await expect(page.locator('#status')).toHaveText('ready');
  const deviceId = await page.evaluate(() => window.timedeskHarness.setup());
  expect(deviceId).toMatch(/^[0-9a-f]{32}$/);

  const booked = await page.evaluate(() => window.timedeskHarness.book('p1', '2026-03-09T09:00'));
  expect(booked).toMatchObject({ ok: true, value: { appointment: { start: '2026-03-09T13:00:00.000Z', status: 'booked' } } });
  const conflict = await page.evaluate(() => window.timedeskHarness.book('p2', '2026-03-09T09:15'));
  expect(conflict).toMatchObject({ ok: false, error: { code: 'booking-conflict' } });

  const state = await page.evaluate(() => window.timedeskHarness.snapshot());
  const appointmentId = booked.ok ? booked.value.appointment.id : '';
  expect(state.appointments.map((row) => row.id)).toEqual([appointmentId]);
  expect(state.bookings).toEqual([expect.objectContaining({ appointmentId, resourceId: 'dr-lee' })]);
  const entry = state.audit.at(-2);
  expect(entry).toMatchObject({ action: 'APPOINTMENT_BOOKED', outcome: 'success', entityId: appointmentId, deviceId, appVersion: '0.1.0-e2e', actor: { staffId: 'staff-desk', role: 'front_desk' } });
  // The refused attempt is in the log too, after it, and nothing of it is queued for sync.
  expect(state.audit.at(-1)).toMatchObject({ action: 'APPOINTMENT_BOOKED', outcome: 'refused', patientId: 'p2', mutationId: null, reason: expect.stringMatching(/^booking-conflict/) });
  const mutation = state.outbox.at(-1);
  expect(mutation).toMatchObject({ name: 'appointment/book', deviceId, mutationId: entry?.mutationId, deviceSeq: state.outbox.length });
  // Its effects (core/sync's capture middleware, keyed by the real IDBTransaction here): the appointment as stored, without its index key.
  const { day: _day, ...stored } = state.appointments[0]!;
  expect(mutation?.effects).toEqual([{ entity: 'appointment', id: appointmentId, op: 'put', data: stored }]);
  expect(state.device).toMatchObject({ auditSeq: state.audit.length, auditHead: state.audit.at(-1)?.hash, deviceSeq: state.outbox.length });
  expect(state.chain).toMatchObject({ ok: true });

  expect(await page.evaluate(() => window.timedeskHarness.tamper())).toEqual(['ReadOnlyError', 'ReadOnlyError']);

  const failure = await page.evaluate(() => window.timedeskHarness.bookWithFailingOutbox('p1', '2026-03-10T09:00'));
  expect(failure).toContain('Injected outbox failure');
  const after = await page.evaluate(() => window.timedeskHarness.snapshot());
  expect(after.appointments).toHaveLength(state.appointments.length);
  expect(after.audit).toHaveLength(state.audit.length);
  expect(after.outbox).toHaveLength(state.outbox.length);
  expect(after.device).toEqual(state.device);
  expect(after.chain).toMatchObject({ ok: true });
});

test('sign-in hashes with WebCrypto outside the transaction, a day sheet liveQuery updates, and the export verifies, on real IndexedDB', async ({ page }) => {
  await page.goto(harnessUrl);
  await expect(page.locator('#status')).toHaveText('ready');
  await page.evaluate(() => window.timedeskHarness.setup());

  const signIn = await page.evaluate(() => window.timedeskHarness.signInRoundTrip());
  expect(signIn.wrong).toEqual({ ok: false, reason: 'wrong-credentials' });
  expect(signIn.right).toMatchObject({ ok: true, session: { staffId: 'staff-jo', role: 'front_desk' } });
  expect(signIn.actions).toEqual(['SIGN_IN_FAILED', 'STAFF_SIGNED_IN']);
  expect(signIn.credential).toMatchObject({ iterations: 600_000, failedAttempts: 0 });

  expect(await page.evaluate(() => window.timedeskHarness.liveDay('2026-03-11T09:00'))).toEqual([0, 1]);

  const exported = await page.evaluate(() => window.timedeskHarness.exportAudit());
  expect(exported.bom).toBe(true);
  expect(exported.chain).toMatchObject({ ok: true });
  expect(exported.verified).toMatchObject({ ok: true, count: exported.manifest.rows });
  expect(exported.lastAction).toBe('AUDIT_EXPORTED');
});
