import { isBackupProblem } from '../../core/backup';
import { text } from '../i18n';

/**
 * The sentence for a backup or restore failure: the code's own words, or the
 * unexpected-error sentence (with the message for the log) for anything else.
 *
 * @example backupProblemSentence(new BackupError('wrong-passphrase', '…')) // 'That passphrase does not open this backup.'
 */
export function backupProblemSentence(error: unknown): string {
  const problem = error instanceof Error && 'toJSON' in error ? (error as { toJSON(): unknown }).toJSON() : error;
  if (isBackupProblem(problem)) return text.backup.problems[problem.code];
  console.error(error);
  return text.app.unexpectedError;
}
