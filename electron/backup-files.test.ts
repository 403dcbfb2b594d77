import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleBackupFiles, handleChooseBackupFolder } from './backup-bridge-handlers';
import type { BackupBridgeHost } from './backup-bridge-handlers';
import { BackupFileStore, validateBackupFolder } from './backup-files';
import { QuitBackupCoordinator } from './quit-backup';

const name = 'timedesk-north-street-20261205T080200000Z-scheduled.tdbackup';
const made: string[] = [];
function temporary(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'timedesk-backup-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function host(userData: string, folderPick: string[] = []): BackupBridgeHost {
  return { files: new BackupFileStore(userData), showFolderDialog: async () => ({ canceled: folderPick.length === 0, filePaths: folderPick }), quit: new QuitBackupCoordinator(), quitNow: () => undefined };
}

describe('validateBackupFolder', () => {
  it('takes an existing writable folder outside the app data, with links resolved', async () => {
    const userData = temporary();
    const stick = temporary();
    const link = path.join(temporary(), 'stick-link');
    symlinkSync(stick, link);
    expect(await validateBackupFolder(link, userData)).toEqual({ ok: true, folder: stick });
  });

  it('refuses relative paths, roots, files, missing folders and the app\'s own data folder', async () => {
    const userData = temporary();
    const file = path.join(temporary(), 'file.txt');
    writeFileSync(file, 'x');
    mkdirSync(path.join(userData, 'inside'));
    expect(await validateBackupFolder('backups', userData)).toEqual({ ok: false, problem: 'not-absolute' });
    expect(await validateBackupFolder(path.parse(process.cwd()).root, userData)).toEqual({ ok: false, problem: 'filesystem-root' });
    expect(await validateBackupFolder(file, userData)).toEqual({ ok: false, problem: 'not-a-folder' });
    expect(await validateBackupFolder(path.join(userData, 'gone'), userData)).toEqual({ ok: false, problem: 'not-found' });
    expect(await validateBackupFolder(path.join(userData, 'inside'), userData)).toEqual({ ok: false, problem: 'inside-app-data' });
  });
});

describe('backupFiles over the bridge', () => {
  it('writes under a temporary name, reads back from disk, commits, lists and prunes only backup files', async () => {
    const userData = temporary();
    const bridge = host(userData);
    const created = await handleBackupFiles(bridge, [{ op: 'create', target: 'app-data', name }]);
    expect(created).toMatchObject({ outcome: 'created' });
    const handle = (created as { handle: string }).handle;
    await handleBackupFiles(bridge, [{ op: 'write', handle, bytes: new Uint8Array([1, 2, 3]) }]);
    await handleBackupFiles(bridge, [{ op: 'write', handle, bytes: new Uint8Array([4, 5]) }]);
    await handleBackupFiles(bridge, [{ op: 'close', handle }]);
    const folder = path.join(userData, 'backups');
    expect(readdirSync(folder)).toEqual([`${name}.partial`]);
    expect(await handleBackupFiles(bridge, [{ op: 'read', handle, offset: 1, length: 10 }])).toEqual({ outcome: 'read', bytes: new Uint8Array([2, 3, 4, 5]) });
    expect(await handleBackupFiles(bridge, [{ op: 'list', target: 'app-data' }])).toEqual({ outcome: 'listed', names: [] });
    await handleBackupFiles(bridge, [{ op: 'commit', handle }]);
    writeFileSync(path.join(folder, 'notes.txt'), 'not ours');
    expect(await handleBackupFiles(bridge, [{ op: 'list', target: 'app-data' }])).toEqual({ outcome: 'listed', names: [name] });
    expect([...readFileSync(path.join(folder, name))]).toEqual([1, 2, 3, 4, 5]);
    await handleBackupFiles(bridge, [{ op: 'remove', target: 'app-data', name }]);
    expect(readdirSync(folder)).toEqual(['notes.txt']);
  });

  it('refuses any name that is not a backup file name, naming the field, and writes nothing', async () => {
    const userData = temporary();
    const bridge = host(userData);
    for (const bad of ['../../etc/passwd', 'notes.txt', `${name}/../x`, `..${path.sep}${name}`]) {
      expect(await handleBackupFiles(bridge, [{ op: 'create', target: 'app-data', name: bad }])).toMatchObject({ outcome: 'refused', problem: { field: 'request.name' } });
      expect(await handleBackupFiles(bridge, [{ op: 'remove', target: 'app-data', name: bad }])).toMatchObject({ outcome: 'refused' });
    }
    expect(await handleBackupFiles(bridge, [{ op: 'write', handle: 'f'.repeat(32), bytes: new Uint8Array(1) }])).toMatchObject({ outcome: 'refused', problem: { field: 'request.handle' } });
    expect(await handleBackupFiles(bridge, [{ op: 'create', target: 'anywhere', name }])).toMatchObject({ outcome: 'refused', problem: { field: 'request.target' } });
    expect(await handleBackupFiles(bridge, [{ op: 'read', handle: 'f'.repeat(32), offset: 0, length: 64 * 1024 * 1024 }])).toMatchObject({ outcome: 'refused', problem: { field: 'request.length' } });
    expect(readdirSync(path.join(userData, 'backups'))).toEqual([]);
  });

  it('a folder that vanished mid-write fails that write; discarding leaves nothing and the earlier backup stays', async () => {
    const userData = temporary();
    const stick = temporary();
    const bridge = host(userData, [stick]);
    expect(await handleChooseBackupFolder(bridge, [])).toEqual({ outcome: 'chosen', folder: stick });
    writeFileSync(path.join(stick, 'timedesk-north-street-20261204T080200000Z-scheduled.tdbackup'), 'yesterday');
    const created = (await handleBackupFiles(bridge, [{ op: 'create', target: 'chosen-folder', name }])) as { handle: string };
    rmSync(path.join(stick, `${name}.partial`));
    rmSync(stick, { recursive: true });
    const write = await handleBackupFiles(bridge, [{ op: 'write', handle: created.handle, bytes: new Uint8Array(10) }]);
    const close = await handleBackupFiles(bridge, [{ op: 'close', handle: created.handle }]);
    const commit = await handleBackupFiles(bridge, [{ op: 'commit', handle: created.handle }]);
    expect([write.outcome, close.outcome, commit.outcome]).toContain('failed');
    await handleBackupFiles(bridge, [{ op: 'discard', handle: created.handle }]);
    expect(await handleBackupFiles(bridge, [{ op: 'folders' }])).toMatchObject({ outcome: 'folders', chosen: { folder: stick, available: false } });
    expect(await handleBackupFiles(bridge, [{ op: 'create', target: 'chosen-folder', name }])).toMatchObject({ outcome: 'failed' });
  });

  it('a folder pick that cannot be used is named and not remembered', async () => {
    const userData = temporary();
    const bridge = host(userData, [path.join(userData)]);
    expect(await handleChooseBackupFolder(bridge, [])).toEqual({ outcome: 'unusable', problem: 'inside-app-data' });
    expect(await handleBackupFiles(bridge, [{ op: 'folders' }])).toMatchObject({ chosen: null });
    expect(await handleChooseBackupFolder(host(userData), [])).toEqual({ outcome: 'cancelled' });
  });
});

describe('QuitBackupCoordinator', () => {
  it('defers the first quit while the renderer backs up, then quits on ready or after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const coordinator = new QuitBackupCoordinator();
      const quit = vi.fn();
      expect(coordinator.quitRequested(quit)).toBe(false); // nobody asked: nothing holds the quit
      const asked = coordinator.awaitQuit();
      expect(coordinator.quitRequested(quit)).toBe(true);
      await expect(asked).resolves.toEqual({ outcome: 'quitting' });
      expect(coordinator.quitRequested(quit)).toBe(true);
      coordinator.ready(quit);
      expect(quit).toHaveBeenCalledTimes(1);
      expect(coordinator.quitRequested(quit)).toBe(false);

      const slow = new QuitBackupCoordinator();
      const quitSlow = vi.fn();
      void slow.awaitQuit();
      expect(slow.quitRequested(quitSlow, 1000)).toBe(true);
      vi.advanceTimersByTime(1000);
      expect(quitSlow).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
