/**
 * Where backup files go: the desktop app's data folder, a folder the admin
 * picked (both through the shell's main process, which validates the path
 * and never takes one from the page), or the web build's download. Files are
 * written under a temporary name and given their real name only once they
 * have been read back and verified, so a half-written file never counts as
 * a backup and the previous generation is never touched by a failed write.
 */
export interface BackupTarget {
  /** Stable id: `app-data`, `chosen-folder`, `download`. */
  readonly id: string;
  /** Starts a file that becomes `name` on commit. */
  create(name: string): Promise<PendingBackupFile>;
  /** The committed file names in this target (for retention); others' files are listed too and ignored. */
  list(): Promise<string[]>;
  /** Deletes a committed backup (retention). */
  remove(name: string): Promise<void>;
}

/** A file being written. */
export interface PendingBackupFile {
  write(bytes: Uint8Array): Promise<void>;
  /** Flushes to the medium and closes the handle. */
  close(): Promise<void>;
  /** The bytes as written, read back from the medium. */
  read(): AsyncIterable<Uint8Array>;
  /** Renames the file to its real name (atomic). */
  commit(): Promise<void>;
  /** Deletes the temporary file; never throws (a vanished folder has nothing to delete). */
  discard(): Promise<void>;
}
