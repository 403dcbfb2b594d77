import { describe, expect, it } from 'vitest';
import { signIn } from '../auth';
import type { AuthEnvironment } from '../auth';
import { dumpDatabase } from '../commands/commands.fixture';
import { joinClinic } from './join-clinic';
import { MemoryServer } from './memory-server.fixture';
import { shareClinicRecords } from './share-clinic';
import { joinedAs, openDesk } from './sync-desk.fixture';
import type { Desk } from './sync-desk.fixture';

const authEnv = (desk: Desk): AuthEnvironment => ({
  db: desk.db,
  clock: () => desk.clock.now,
  newId: () => `${desk.name}-auth-${++desk.ids.counter}`,
  randomBytes: (count) => new Uint8Array(count).fill(7),
  iterations: 1_000,
});

/** A desk as one set up before credentials synced: its staff and credential rows exist, its outbox does not carry them. */
async function olderDesk(): Promise<Desk> {
  const desk = await openDesk('desk-old', 4);
  await desk.db.meta.put({ key: 'clinic', name: 'Old Clinic', timeZone: 'Europe/London', locale: 'en-GB', idleLockMinutes: 5 });
  await desk.db.staff.put({ id: 'old-admin', displayName: 'Olive Admin', username: 'olive', role: 'admin', active: true });
  await desk.db.staffCredentials.put({ staffId: 'old-admin', algorithm: 'PBKDF2-SHA256', iterations: 1000, salt: '07'.repeat(16), hash: '', failedAttempts: 2, lockedUntil: 0 });
  return desk;
}

describe('shareClinicRecords', () => {
  it('offers the settings, staff and credentials once more as one mutation, changing nothing locally and auditing nothing', async () => {
    const desk = await olderDesk();
    // The hash as core/auth would derive it for this passphrase.
    const { deriveKey } = await import('../auth');
    await desk.db.staffCredentials.update('old-admin', { hash: await deriveKey('olive passphrase', '07'.repeat(16), 1000) });
    const before = await dumpDatabase(desk.db);
    const shared = await shareClinicRecords({ db: desk.db, clock: () => desk.clock.now, newId: () => 'share-1' });
    expect(shared).toEqual({ ok: true, value: { staff: 1, credentials: 1 } });
    const after = await dumpDatabase(desk.db);
    for (const table of ['staff', 'staffCredentials', 'audit', 'patients']) expect(after[table], table).toEqual(before[table]);
    const [queued] = await desk.db.outbox.toArray();
    expect(queued?.name).toBe('sync/share-clinic');
    expect(queued?.effects.map((effect) => `${effect.entity}:${effect.id}`)).toEqual(['clinic:clinic', 'staff:old-admin', 'staffCredential:old-admin']);
    expect(Object.keys(queued?.effects[2]?.data as object).sort()).toEqual(['algorithm', 'hash', 'id', 'iterations', 'salt']);

    // A desk joining afterwards can sign Olive in.
    const server = new MemoryServer(() => desk.clock.now);
    await server.transport().push({ deviceId: queued!.deviceId, mutations: [queued!], audit: [] });
    const joining = await openDesk('desk-new', 5);
    await joinClinic({ ...joinedAs(joining), db: joining.db, transport: server.transport() });
    expect(await signIn(authEnv(joining), 'olive', 'olive passphrase')).toMatchObject({ ok: true, session: { staffId: 'old-admin' } });
  });

  it('queues nothing on a desk with nothing to share', async () => {
    const desk = await openDesk('desk-empty', 6);
    expect(await shareClinicRecords({ db: desk.db, clock: () => desk.clock.now, newId: () => 'share-1' })).toEqual({ ok: true, value: { staff: 0, credentials: 0 } });
    expect(await desk.db.outbox.count()).toBe(0);
  });
});
