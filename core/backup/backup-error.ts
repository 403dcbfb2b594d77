/**
 * Why a backup file could not be read, verified or restored. A closed list:
 * the renderer has one sentence per code (renderer/i18n), so a new code is a
 * type error there until it is worded.
 *
 * - `not-a-backup`: the file does not start with the Timedesk backup mark;
 * - `newer-format`: made by a newer Timedesk (file format or database version);
 * - `header-damaged`: the plain header is not a valid header;
 * - `wrong-passphrase`: the passphrase does not open this file's key;
 * - `file-altered`: a chunk fails its AES-GCM check (content, order or header changed);
 * - `file-truncated`: the file ends before its last chunk;
 * - `trailing-data`: bytes follow the last chunk;
 * - `contents-invalid`: the decrypted contents are not what the header says (counts, tables, JSON);
 * - `audit-chain-broken`: the audit log inside does not verify against the header's heads;
 * - `other-clinic`: the file belongs to another clinic and the replacement was not confirmed;
 * - `write-failed`: the destination could not be written (full disk, folder gone);
 * - `not-permitted`: only an administrator may restore on a desk that is set up.
 */
export const backupProblemCodes = [
  'not-a-backup',
  'newer-format',
  'header-damaged',
  'wrong-passphrase',
  'file-altered',
  'file-truncated',
  'trailing-data',
  'contents-invalid',
  'audit-chain-broken',
  'other-clinic',
  'write-failed',
  'not-permitted',
] as const;

/** One of {@link backupProblemCodes}. */
export type BackupProblemCode = (typeof backupProblemCodes)[number];

/** The cloneable form of a {@link BackupError} (crosses IPC and React state). */
export interface BackupProblem {
  code: BackupProblemCode;
  message: string;
  /** Where in the file, when it is known: the chunk index, the table, the audit seq. */
  detail?: { chunk?: number; table?: string; seq?: number; deviceId?: string };
}

/**
 * A backup file problem with a stable code; `message` is English for logs,
 * the renderer words the code itself.
 *
 * @example throw new BackupError('file-truncated', 'The file ends after chunk 3 of a longer backup.', { chunk: 3 });
 */
export class BackupError extends Error {
  constructor(
    readonly code: BackupProblemCode,
    message: string,
    readonly detail: BackupProblem['detail'] = {},
  ) {
    super(message);
    this.name = 'BackupError';
  }

  /** The plain-object form. */
  toJSON(): BackupProblem {
    return { code: this.code, message: this.message, detail: this.detail };
  }
}

/**
 * Narrows a value that crossed a boundary to a {@link BackupProblem}.
 *
 * @example isBackupProblem({ code: 'file-altered', message: '…' }) // true
 */
export function isBackupProblem(value: unknown): value is BackupProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BackupProblem).message === 'string' &&
    (backupProblemCodes as readonly string[]).includes((value as BackupProblem).code)
  );
}
