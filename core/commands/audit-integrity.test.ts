import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit';
import { readDevice } from '../db';
import { checkStoredAuditChain } from './audit-integrity';
import { admin, clinicFixture, commandFixture, frontDesk, rawAudit } from './commands.fixture';

async function withHistory() {
  const fixture = await clinicFixture();
  const env = { db: fixture.db, clock: () => fixture.clock.now, newId: () => `check-${Math.random().toString(16).slice(2, 10)}` };
  await fixture.must('patient/view', { patientId: 'p1' }, frontDesk);
  await fixture.must('patient/update', { patientId: 'p1', changes: { phone: '555 0100' } }, frontDesk);
  const entries = await fixture.db.audit.orderBy('[deviceId+seq]').toArray();
  return { ...fixture, env, entries };
}

describe('checkStoredAuditChain', () => {
  it('passes an untouched log', async () => {
    const { env, entries } = await withHistory();
    expect(await checkStoredAuditChain(env)).toMatchObject({ ok: true, count: entries.length, headSeq: entries.length });
  });

  it('passes the empty log of a new desk (before first run) and records nothing', async () => {
    const { db, clock } = await commandFixture();
    const env = { db, clock: () => clock.now, newId: () => 'unused' };
    expect(await checkStoredAuditChain(env)).toMatchObject({ ok: true, count: 0 });
    expect(await db.audit.count()).toBe(0);
  });

  it('records no break when commands commit while it reads (the start-up check runs as the desk starts working)', async () => {
    // An empty log (a desk before first run) and entries committed between reading the device row and the pages.
    const { db, commands, clock } = await commandFixture();
    const env = { db, clock: () => clock.now, newId: () => `check-${Math.random().toString(16).slice(2, 10)}` };
    const check = checkStoredAuditChain(env);
    const writes = Array.from({ length: 5 }, (_, index) => commands.run('resource/save', { kind: 'room', name: `Room ${index}`, timeZone: 'UTC' }, admin));
    const [report] = await Promise.all([check, ...writes]);
    expect(report.ok).toBe(true);
    expect(await db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(0);
    expect(await checkStoredAuditChain(env)).toMatchObject({ ok: true, count: 5 });
  });

  it('names an edited entry, records AUDIT_CHAIN_BROKEN once, and keeps the desk working', async () => {
    const { db, env, entries, commands } = await withHistory();
    const victim = entries[3] as AuditEntry;
    await rawAudit(db, (store) => store.put({ ...victim, reason: 'nothing to see here' }));
    const report = await checkStoredAuditChain(env);
    expect(report).toMatchObject({ ok: false, problem: 'edited', seq: victim.seq });
    const broken = await db.audit.orderBy('[deviceId+seq]').last();
    expect(broken).toMatchObject({ action: 'AUDIT_CHAIN_BROKEN', actor: { kind: 'system' }, outcome: 'error', changes: { problem: { after: 'edited' }, seq: { after: victim.seq } } });
    await checkStoredAuditChain(env);
    expect(await db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(1);
    expect((await commands.run('patient/view', { patientId: 'p2' }, frontDesk)).ok).toBe(true);
  });

  it('catches a cut-off tail against the head the device row remembers, then re-anchors', async () => {
    const { db, env, entries, commands } = await withHistory();
    const last = entries.at(-1) as AuditEntry;
    await rawAudit(db, (store) => store.delete([last.deviceId, last.seq]));
    // Writing on top of a cut-off chain is refused until the break is recorded.
    await expect(commands.run('patient/view', { patientId: 'p2' }, frontDesk)).rejects.toThrow(/does not match/);
    expect(await checkStoredAuditChain(env)).toMatchObject({ ok: false, problem: 'truncated' });
    const device = await readDevice(db);
    expect(device.auditSeq).toBe(last.seq); // the break entry took the missing seq's place after the real last entry
    expect((await commands.run('patient/view', { patientId: 'p2' }, frontDesk)).ok).toBe(true);
  });

  it('names a removed entry in the middle and two swapped entries', async () => {
    const removed = await withHistory();
    const gone = removed.entries[2] as AuditEntry;
    await rawAudit(removed.db, (store) => store.delete([gone.deviceId, gone.seq]));
    expect(await checkStoredAuditChain(removed.env)).toMatchObject({ ok: false, problem: 'removed', seq: gone.seq });

    const swapped = await withHistory();
    const [first, second] = [swapped.entries[2] as AuditEntry, swapped.entries[3] as AuditEntry];
    // Each entry's content under the other's key: the chain order no longer matches the seq order.
    await rawAudit(swapped.db, (store) => {
      store.delete([first.deviceId, first.seq]);
      store.delete([second.deviceId, second.seq]);
      store.put({ ...second, seq: first.seq });
      store.put({ ...first, seq: second.seq });
    });
    const report = await checkStoredAuditChain(swapped.env);
    expect(report).toMatchObject({ ok: false, seq: first.seq });
    expect(await swapped.db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(1);
  });

  it('records a break once even when two checks run at the same time', async () => {
    const { db, env, entries } = await withHistory();
    const victim = entries[2] as AuditEntry;
    await rawAudit(db, (store) => store.put({ ...victim, reason: 'nothing to see here' }));
    const reports = await Promise.all([checkStoredAuditChain(env), checkStoredAuditChain(env), checkStoredAuditChain(env)]);
    expect(reports.map((report) => report.ok)).toEqual([false, false, false]);
    expect(await db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(1);
  });
});
