import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit';
import { readDevice } from '../db';
import { checkAuditChainSinceVerified, checkStoredAuditChain } from './audit-integrity';
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

describe('checkAuditChainSinceVerified (the audit screen)', () => {
  it('verifies the whole chain first, then only the entries written since, keeping the head it reached', async () => {
    const { db, env, entries, clock, must } = await withHistory();
    const device = await readDevice(db);
    const monday = new Date(clock.now).toISOString();
    const first = await checkAuditChainSinceVerified(env);
    expect(first).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'no-verified-head', report: { ok: true, count: entries.length } });
    expect(await db.auditVerification.get(device.deviceId)).toEqual({ deviceId: device.deviceId, seq: entries.length, hash: (entries.at(-1) as AuditEntry).hash, verifiedAt: monday, fullVerifiedAt: monday });

    clock.now += 86_400_000;
    await must('patient/view', { patientId: 'p1' }, frontDesk);
    await must('patient/view', { patientId: 'p2' }, frontDesk);
    const second = await checkAuditChainSinceVerified(env);
    expect(second).toMatchObject({ scope: 'new-entries', hashed: 3, report: { ok: true, count: 2, headSeq: entries.length + 2 } });
    const tuesday = new Date(clock.now).toISOString();
    expect(await db.auditVerification.get(device.deviceId)).toMatchObject({ seq: entries.length + 2, verifiedAt: tuesday, fullVerifiedAt: monday });

    // Asked for the whole chain: every entry again, and the time of this full verification kept.
    const whole = await checkAuditChainSinceVerified(env, { wholeChain: true });
    expect(whole).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'asked', hashed: entries.length + 2 });
    expect(await db.auditVerification.get(device.deviceId)).toMatchObject({ verifiedAt: tuesday, fullVerifiedAt: tuesday });
    expect(await db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(0);
  });

  it('passes the empty log of a new desk, keeping nothing and recording nothing', async () => {
    const { db, clock } = await commandFixture();
    const env = { db, clock: () => clock.now, newId: () => 'unused' };
    expect(await checkAuditChainSinceVerified(env)).toMatchObject({ report: { ok: true, count: 0 }, next: null });
    expect(await db.auditVerification.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('names an entry edited after the verified head and records the break once', async () => {
    const { db, env, must } = await withHistory();
    await checkAuditChainSinceVerified(env);
    await must('patient/view', { patientId: 'p2' }, frontDesk);
    const fresh = (await db.audit.orderBy('[deviceId+seq]').last()) as AuditEntry;
    await rawAudit(db, (store) => store.put({ ...fresh, reason: 'nothing to see here' }));
    expect(await checkAuditChainSinceVerified(env)).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'new-entries-broken', report: { ok: false, problem: 'edited', seq: fresh.seq } });
    expect(await db.auditVerification.count()).toBe(0);
    // The next check finds no head, verifies the whole chain and shows the same break, recorded once.
    expect(await checkAuditChainSinceVerified(env)).toMatchObject({ wholeChainBecause: 'no-verified-head', report: { ok: false, problem: 'edited', seq: fresh.seq } });
    expect(await db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(1);
  });

  it('an edit before the verified head shows in the whole-chain check, which forgets the head', async () => {
    const { db, env, entries } = await withHistory();
    await checkAuditChainSinceVerified(env);
    const victim = entries[1] as AuditEntry;
    await rawAudit(db, (store) => store.put({ ...victim, reason: 'nothing to see here' }));
    // Only the entries after the head are hashed: this edit is not among them.
    expect(await checkAuditChainSinceVerified(env)).toMatchObject({ scope: 'new-entries', report: { ok: true, count: 0 } });
    expect(await checkAuditChainSinceVerified(env, { wholeChain: true })).toMatchObject({ report: { ok: false, problem: 'edited', seq: victim.seq } });
    expect(await db.auditVerification.count()).toBe(0);
    expect(await checkAuditChainSinceVerified(env)).toMatchObject({ scope: 'whole-chain', report: { ok: false, seq: victim.seq } });
  });

  it('a verified entry that vanished (a rolled-back log) is reported, not skipped', async () => {
    const { db, env, entries, must } = await withHistory();
    await must('patient/view', { patientId: 'p2' }, frontDesk);
    await checkAuditChainSinceVerified(env);
    const head = (await db.audit.orderBy('[deviceId+seq]').last()) as AuditEntry;
    // The log and the device row put back as they were before the last entry: only the kept head knows better.
    await rawAudit(db, (store) => store.delete([head.deviceId, head.seq]));
    const device = await readDevice(db);
    await db.meta.put({ ...device, auditSeq: head.seq - 1, auditHead: (entries.at(-1) as AuditEntry).hash });
    const check = await checkAuditChainSinceVerified(env);
    expect(check).toMatchObject({ scope: 'whole-chain', wholeChainBecause: 'verified-head-missing', report: { ok: false, problem: 'truncated', seq: head.seq } });
    expect(await db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(1);
    expect(await db.auditVerification.count()).toBe(0);
  });

  it('a break the start-up check records forgets the head, so the screen verifies the whole chain and shows it', async () => {
    const { db, env, entries } = await withHistory();
    await checkAuditChainSinceVerified(env);
    const victim = entries[2] as AuditEntry;
    await rawAudit(db, (store) => store.put({ ...victim, reason: 'nothing to see here' }));
    expect(await checkStoredAuditChain(env)).toMatchObject({ ok: false, seq: victim.seq });
    expect(await db.auditVerification.count()).toBe(0);
    expect(await checkAuditChainSinceVerified(env)).toMatchObject({ wholeChainBecause: 'no-verified-head', report: { ok: false, problem: 'edited', seq: victim.seq } });
    expect(await db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(1);
  });

  it('records no break when commands commit while it reads', async () => {
    const { db, env, commands } = await withHistory();
    await checkAuditChainSinceVerified(env);
    const check = checkAuditChainSinceVerified(env);
    const writes = Array.from({ length: 5 }, (_, index) => commands.run('resource/save', { kind: 'room', name: `Room ${index}`, timeZone: 'UTC' }, admin));
    const [report] = await Promise.all([check, ...writes]);
    expect(report.report.ok).toBe(true);
    expect(await db.audit.where('action').equals('AUDIT_CHAIN_BROKEN').count()).toBe(0);
    expect(await checkAuditChainSinceVerified(env)).toMatchObject({ scope: 'new-entries', report: { ok: true } });
  });
});
