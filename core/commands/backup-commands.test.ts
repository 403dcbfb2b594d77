import { describe, expect, it } from 'vitest';
import { admin, clinicFixture, manager } from './commands.fixture';
import { nobodySignedIn } from './session';

const recipient = { kdf: { name: 'scrypt' as const, N: 2 ** 17, r: 8, p: 1 }, salt: '1'.repeat(32), publicKey: 'b'.repeat(64) };

describe('backup commands', () => {
  it('backup/set-passphrase stores only the public key, admins only, audited with the key ids', async () => {
    const { commands, db } = await clinicFixture();
    const queued = await db.outbox.count();
    expect(await commands.run('backup/set-passphrase', { recipient }, manager)).toMatchObject({ ok: false, error: { code: 'not-permitted', field: 'session' } });
    expect(await commands.run('backup/set-passphrase', { recipient: { ...recipient, publicKey: 'not hex' } }, admin)).toMatchObject({ ok: false, error: { field: 'recipient.publicKey' } });
    expect((await commands.run('backup/set-passphrase', { recipient }, admin)).ok).toBe(true);
    expect(await db.meta.get('backup-key' as never)).toMatchObject({ recipient, setBy: admin.staffId });
    const second = { ...recipient, publicKey: 'c'.repeat(64) };
    expect((await commands.run('backup/set-passphrase', { recipient: second }, admin)).ok).toBe(true);
    const attempts = await db.audit.where('action').equals('BACKUP_PASSPHRASE_SET').toArray();
    // The manager's and the bad key's attempts are recorded as refused; two keys were set.
    expect(attempts.map((entry) => entry.outcome)).toEqual(['refused', 'refused', 'success', 'success']);
    const entries = attempts.filter((entry) => entry.outcome === 'success');
    expect(entries[1]!.changes.keyId!.before).toBe(entries[0]!.changes.keyId!.after);
    expect(JSON.stringify(entries)).not.toContain('c'.repeat(64));
    expect(await db.outbox.count()).toBe(queued);
  });

  it('backup/record names the automatic backup as actor when nobody is signed in, and records failures with their reason', async () => {
    const { commands, db } = await clinicFixture();
    const base = { kind: 'scheduled' as const, createdAt: '2026-01-02T12:00:00.000Z', rows: 10 };
    await commands.run('backup/record', { ...base, outcome: 'verified', targets: [{ target: 'app-data', outcome: 'verified' }] }, nobodySignedIn);
    await commands.run('backup/record', { ...base, outcome: 'failed', targets: [{ target: 'chosen-folder', outcome: 'failed', problem: 'write-failed' }] }, admin);
    const [automatic, failed] = await db.audit.where('action').equals('BACKUP_CREATED').toArray();
    expect(automatic).toMatchObject({ actor: { kind: 'system', systemId: 'backup' }, outcome: 'success', reason: null });
    expect(failed).toMatchObject({ actor: { kind: 'staff', staffId: admin.staffId }, outcome: 'error', reason: 'chosen-folder: write-failed' });
  });
});
