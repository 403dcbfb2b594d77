import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditCsvColumns, verifyAuditCsv } from '../audit';
import type { AuditEntry } from '../audit';
import type { TimedeskDb } from '../db';
import { exportAuditLog } from './audit-export';
import { clinicFixture, dumpDatabase, frontDesk, manager, rawAudit } from './commands.fixture';

async function withHistory() {
  const fixture = await clinicFixture();
  let counter = 0;
  const env = { db: fixture.db, clock: () => fixture.clock.now, newId: () => `export-${++counter}` };
  await fixture.must('patient/view', { patientId: 'p1' }, frontDesk);
  await fixture.must('patient/update', { patientId: 'p2', changes: { notes: '=HYPERLINK("http://x","y"), "quoted"\nsecond line' } }, frontDesk);
  return { ...fixture, env };
}

/** Runs an export into memory; returns the result and the chunks written. */
async function exportToMemory(env: Awaited<ReturnType<typeof withHistory>>['env'], session = manager, filter = {}, rowsPerChunk?: number) {
  const chunks: string[] = [];
  const result = await exportAuditLog(env, session, { fileName: 'audit-2026-01.csv', filter, write: (chunk) => void chunks.push(chunk), ...(rowsPerChunk === undefined ? {} : { rowsPerChunk }) });
  return { result, chunks, text: chunks.join('') };
}

const lastEntry = (db: TimedeskDb) => db.audit.orderBy('[deviceId+seq]').last();

describe('exportAuditLog', () => {
  it('streams the whole stored log as a CSV the verifier accepts, then records AUDIT_EXPORTED', async () => {
    const { db, env } = await withHistory();
    const stored = await db.audit.orderBy('[deviceId+seq]').toArray();
    const { result, chunks, text } = await exportToMemory(env, manager, {}, 2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.chain).toMatchObject({ ok: true, count: stored.length });
    expect(result.value.manifest).toMatchObject({ filtered: false, rows: stored.length, heads: [{ lastSeq: stored.length, headHash: stored.at(-1)?.hash }] });
    expect(chunks.length).toBeGreaterThan(2); // streamed in chunks of two rows, not built whole

    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...auditCsvColumns]);
    expect(parsed.data.map((row) => row['hash'])).toEqual(stored.map((entry) => entry.hash));
    expect(await verifyAuditCsv(chunks, { manifest: result.value.manifest })).toMatchObject({ ok: true, count: stored.length });

    // The export is itself audited, after the rows it exported.
    expect(await lastEntry(db)).toMatchObject({
      action: 'AUDIT_EXPORTED',
      seq: stored.length + 1,
      entityType: 'audit-log',
      entityId: 'audit-2026-01.csv',
      actor: { staffId: manager.staffId, role: 'manager' },
      outcome: 'success',
      patientId: null,
      changes: { rows: { after: stored.length }, chainVerified: { after: true }, heads: { after: [{ lastSeq: stored.length, headHash: stored.at(-1)?.hash }] } },
    });
  });

  it('filters by patient and names the patient in the AUDIT_EXPORTED entry', async () => {
    const { db, env } = await withHistory();
    const { result, text } = await exportToMemory(env, manager, { patientId: 'p2', actions: ['PATIENT_UPDATED', 'PATIENT_REGISTERED'] });
    expect(result).toMatchObject({ ok: true, value: { manifest: { filtered: true, rows: 2 } } });
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row['action'])).toEqual(['PATIENT_REGISTERED', 'PATIENT_UPDATED']);
    expect(await lastEntry(db)).toMatchObject({ action: 'AUDIT_EXPORTED', patientId: 'p2', changes: { filter: { after: { patientId: 'p2', actions: ['PATIENT_UPDATED', 'PATIENT_REGISTERED'] } } } });
  });

  it('verifies the stored chain first: a tampered entry is recorded as AUDIT_CHAIN_BROKEN, reported, and named again in the file', async () => {
    const { db, env } = await withHistory();
    const stored = await db.audit.orderBy('[deviceId+seq]').toArray();
    const victim = stored[4] as AuditEntry;
    await rawAudit(db, (store) => store.put({ ...victim, reason: 'nothing to see here' }));

    const { result, chunks } = await exportToMemory(env);
    expect(result).toMatchObject({ ok: true, value: { chain: { ok: false, problem: 'edited', seq: victim.seq } } });
    if (!result.ok) return;
    const all = await db.audit.orderBy('[deviceId+seq]').toArray();
    expect(all.at(-2)).toMatchObject({ action: 'AUDIT_CHAIN_BROKEN', changes: { seq: { after: victim.seq } } });
    expect(all.at(-1)).toMatchObject({ action: 'AUDIT_EXPORTED', changes: { chainVerified: { after: false } } });
    // The file carries the break too, so the officer's own check finds it.
    expect(await verifyAuditCsv(chunks, { manifest: result.value.manifest })).toMatchObject({ ok: false, problem: 'edited', seq: victim.seq });
  });

  it('refuses front-desk staff, writing no file, and records the refused attempt', async () => {
    const { db, env } = await withHistory();
    const { result, chunks } = await exportToMemory(env, frontDesk);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'session' } });
    expect(chunks).toEqual([]);
    expect(await lastEntry(db)).toMatchObject({ action: 'AUDIT_EXPORTED', outcome: 'denied', actor: { staffId: frontDesk.staffId }, changes: { rows: { after: null } } });
  });

  it('refuses a bad filter or a blank file name naming the field, before doing anything', async () => {
    const { db, env } = await withHistory();
    const before = await dumpDatabase(db);
    expect((await exportToMemory(env, manager, { from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' })).result).toMatchObject({ ok: false, error: { code: 'end-not-after-start', field: 'filter.to' } });
    expect((await exportToMemory(env, manager, { actions: ['NOT_AN_ACTION'] })).result).toMatchObject({ ok: false, error: { field: 'filter.actions.0' } });
    const blank = await exportAuditLog(env, manager, { fileName: '  ', write: () => undefined });
    expect(blank).toMatchObject({ ok: false, error: { code: 'required', field: 'fileName' } });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('records a write that failed half-way (outcome error) and passes the error on', async () => {
    const { db, env } = await withHistory();
    let written = 0;
    const failing = exportAuditLog(env, manager, {
      fileName: 'audit.csv',
      rowsPerChunk: 5,
      write: () => {
        if (++written === 2) throw new Error('Disk full');
      },
    });
    await expect(failing).rejects.toThrow('Disk full');
    expect(await lastEntry(db)).toMatchObject({ action: 'AUDIT_EXPORTED', outcome: 'error', reason: 'The export stopped: Disk full', changes: { rows: { after: null } } });
  });
});
