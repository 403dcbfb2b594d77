import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { access, constants, mkdir, open, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseBackupFileName, partialSuffix } from '../core/backup';

/**
 * Main's side of backups: writing, reading back, naming and pruning backup
 * files in the two folders a desk may use — `<userData>/backups` and one
 * folder the admin picked in the native folder dialog. The page never names
 * a path: it names a target (`app-data`, `chosen-folder`) and a backup file
 * name, which must parse as one (core/backup `parseBackupFileName`), so a
 * compromised page can neither write nor delete anything else.
 */

/** The two places backups go. */
export const backupTargetIds = ['app-data', 'chosen-folder'] as const;

/** One of {@link backupTargetIds}. */
export type BackupTargetId = (typeof backupTargetIds)[number];

/** The file in userData remembering the chosen folder. */
export const backupFolderFileName = 'backup-folder.json';

const folderFileSchema = z.object({ folder: z.string().min(1).max(4096) });

/** Why a folder cannot take backups. */
export type FolderProblem = 'not-absolute' | 'filesystem-root' | 'not-found' | 'not-a-folder' | 'not-writable' | 'inside-app-data';

/**
 * Checks a folder the admin picked: an absolute path to an existing,
 * writable directory, not a filesystem root (`/`, `C:\`) and not inside the
 * app's own data folder (that is the first copy already); returned with
 * symlinks resolved, so the stored path is the real one.
 *
 * @example await validateBackupFolder('/media/usb/backups', userData) // { ok: true, folder: '/media/usb/backups' }
 */
export async function validateBackupFolder(candidate: string, userDataDir: string): Promise<{ ok: true; folder: string } | { ok: false; problem: FolderProblem }> {
  if (!path.isAbsolute(candidate)) return { ok: false, problem: 'not-absolute' };
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return { ok: false, problem: 'not-found' };
  }
  if (path.parse(real).root === real) return { ok: false, problem: 'filesystem-root' };
  const info = await stat(real);
  if (!info.isDirectory()) return { ok: false, problem: 'not-a-folder' };
  let appData: string;
  try {
    appData = await realpath(userDataDir);
  } catch {
    appData = path.resolve(userDataDir);
  }
  const relative = path.relative(appData, real);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return { ok: false, problem: 'inside-app-data' };
  try {
    await access(real, constants.W_OK);
  } catch {
    return { ok: false, problem: 'not-writable' };
  }
  return { ok: true, folder: real };
}

/** A backup file name the store accepts, or an Error naming the field. */
function checkedName(name: string): string {
  if (parseBackupFileName(name) === null) throw new BackupFileError('name', 'Not a Timedesk backup file name.');
  return name;
}

/** A refusal or failure of a file operation, with the argument it concerns. */
export class BackupFileError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly kind: 'refused' | 'failed' = 'refused',
  ) {
    super(message);
    this.name = 'BackupFileError';
  }
}

interface OpenFile {
  target: BackupTargetId;
  folder: string;
  name: string;
  handle: FileHandle | null;
  /** The file is still named `<name>.partial`. */
  partial: boolean;
}

/**
 * Backup files on disk for one userData directory.
 *
 * @example
 * const store = new BackupFileStore(app.getPath('userData'));
 * const handle = await store.create('app-data', name); await store.write(handle, bytes); await store.close(handle);
 */
export class BackupFileStore {
  private readonly files = new Map<string, OpenFile>();

  constructor(private readonly userDataDir: string) {}

  /** `<userData>/backups`. */
  get appDataFolder(): string {
    return path.join(this.userDataDir, 'backups');
  }

  /** The chosen folder as stored (it may be unplugged now), or null. */
  async chosenFolder(): Promise<string | null> {
    try {
      const parsed = folderFileSchema.safeParse(JSON.parse(await readFile(path.join(this.userDataDir, backupFolderFileName), 'utf8')));
      return parsed.success ? parsed.data.folder : null;
    } catch {
      return null;
    }
  }

  /** Validates and remembers a folder the admin picked in the native dialog. */
  async choose(candidate: string): Promise<{ ok: true; folder: string } | { ok: false; problem: FolderProblem }> {
    const checked = await validateBackupFolder(candidate, this.userDataDir);
    if (!checked.ok) return checked;
    const file = path.join(this.userDataDir, backupFolderFileName);
    await writeFile(`${file}.tmp`, JSON.stringify({ folder: checked.folder }), 'utf8');
    await rename(`${file}.tmp`, file);
    return checked;
  }

  /** Stops using the chosen folder (its files stay where they are). */
  async forget(): Promise<void> {
    await unlink(path.join(this.userDataDir, backupFolderFileName)).catch(() => undefined);
  }

  /** Both folders, and whether the chosen one can be reached now. */
  async folders(): Promise<{ appData: string; chosen: { folder: string; available: boolean } | null }> {
    const chosen = await this.chosenFolder();
    if (chosen === null) return { appData: this.appDataFolder, chosen: null };
    const available = (await validateBackupFolder(chosen, this.userDataDir)).ok;
    return { appData: this.appDataFolder, chosen: { folder: chosen, available } };
  }

  private async folderOf(target: BackupTargetId): Promise<string> {
    if (target === 'app-data') {
      await mkdir(this.appDataFolder, { recursive: true });
      return this.appDataFolder;
    }
    const chosen = await this.chosenFolder();
    if (chosen === null) throw new BackupFileError('target', 'No backup folder is chosen.');
    const checked = await validateBackupFolder(chosen, this.userDataDir);
    if (!checked.ok) throw new BackupFileError('target', `The backup folder cannot be used now (${checked.problem}).`, 'failed');
    return checked.folder;
  }

  /** The chosen folder checked now (the downtime pack goes there), or null when none is chosen; a folder that cannot be used now throws, as for a backup. */
  async usableChosenFolder(): Promise<string | null> {
    if ((await this.chosenFolder()) === null) return null;
    return this.folderOf('chosen-folder');
  }

  private fileOf(handleId: string): OpenFile {
    const file = this.files.get(handleId);
    if (!file) throw new BackupFileError('handle', 'No such open backup file.');
    return file;
  }

  /** Starts `<name>.partial` in the target's folder (never over an existing file); returns its handle id. */
  async create(target: BackupTargetId, name: string): Promise<string> {
    const folder = await this.folderOf(target);
    checkedName(name);
    let handle: FileHandle;
    try {
      handle = await open(path.join(folder, `${name}${partialSuffix}`), 'wx');
    } catch (error) {
      throw new BackupFileError('name', `Cannot create the backup file: ${(error as Error).message}`, 'failed');
    }
    const id = randomBytes(16).toString('hex');
    this.files.set(id, { target, folder, name, handle, partial: true });
    return id;
  }

  /** Appends bytes. */
  async write(handleId: string, bytes: Uint8Array): Promise<void> {
    const file = this.fileOf(handleId);
    if (!file.handle || !file.partial) throw new BackupFileError('handle', 'The backup file is closed.');
    try {
      await file.handle.write(bytes);
    } catch (error) {
      throw new BackupFileError('bytes', `Writing failed: ${(error as Error).message}`, 'failed');
    }
  }

  /** Flushes to the disk (fsync) and closes. */
  async close(handleId: string): Promise<void> {
    const file = this.fileOf(handleId);
    if (!file.handle) return;
    try {
      await file.handle.sync();
    } catch (error) {
      throw new BackupFileError('handle', `Flushing failed: ${(error as Error).message}`, 'failed');
    } finally {
      await file.handle.close().catch(() => undefined);
      file.handle = null;
    }
  }

  /** Reads up to `length` bytes at `offset` of the written file, from the disk; an empty array at the end. */
  async read(handleId: string, offset: number, length: number): Promise<Uint8Array> {
    const file = this.fileOf(handleId);
    const fullPath = path.join(file.folder, file.partial ? `${file.name}${partialSuffix}` : file.name);
    const reader = await open(fullPath, 'r');
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await reader.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await reader.close();
    }
  }

  /** Gives the verified file its real name; refuses to replace an existing backup. */
  async commit(handleId: string): Promise<void> {
    const file = this.fileOf(handleId);
    const final = path.join(file.folder, file.name);
    if (await stat(final).then(() => true, () => false)) throw new BackupFileError('name', 'A backup of that name exists already.', 'failed');
    await rename(path.join(file.folder, `${file.name}${partialSuffix}`), final);
    file.partial = false;
    this.files.delete(handleId);
  }

  /** Deletes the temporary file; never throws (a vanished folder has nothing to delete). */
  async discard(handleId: string): Promise<void> {
    const file = this.files.get(handleId);
    if (!file) return;
    this.files.delete(handleId);
    await file.handle?.close().catch(() => undefined);
    if (file.partial) await unlink(path.join(file.folder, `${file.name}${partialSuffix}`)).catch(() => undefined);
  }

  /** The backup files (by name) in a target's folder; anything else there is not listed. */
  async list(target: BackupTargetId): Promise<string[]> {
    const folder = await this.folderOf(target);
    return (await readdir(folder)).filter((name) => parseBackupFileName(name) !== null);
  }

  /** Deletes one backup file (retention). */
  async remove(target: BackupTargetId, name: string): Promise<void> {
    const folder = await this.folderOf(target);
    await unlink(path.join(folder, checkedName(name)));
  }
}
