import { z } from 'zod';
import { backupKeyMetaKey, backupKeyRowSchema, backupKinds, backupProblemCodes, backupRecipientSchema, recipientKeyId } from '../backup';
import type { BackupKeyRow } from '../backup';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import { nobodySignedIn } from './session';

/** The automatic backup's actor in the audit log (no one is at the keyboard). */
export const automaticBackupActor = { kind: 'system', systemId: 'backup', displayName: 'Automatic backup' } as const;

/**
 * Backups are desk-level: the key row lives in this desk's `meta` and a
 * backup changes no record, so neither command syncs; their audit entries
 * reach the server with the rest of the chain.
 */
export const backupCommands = {
  /**
   * Stores the public half of a new backup passphrase (admins only). The
   * passphrase itself never reaches a command: the renderer derives the key
   * pair first (core/backup `createBackupRecipient`, scrypt outside any
   * transaction) and passes only the public key, salt and settings.
   *
   * @example run('backup/set-passphrase', { recipient }, admin)
   */
  'backup/set-passphrase': defineCommand({
    args: z.object({ recipient: backupRecipientSchema }),
    sync: false,
    async run(scope, args) {
      if (scope.session.role !== 'admin') return refuse('not-permitted', 'session', 'Only an admin can set the backup passphrase.');
      const previous = backupKeyRowSchema.safeParse(await scope.db.table('meta').get(backupKeyMetaKey));
      const row: BackupKeyRow = { key: backupKeyMetaKey, recipient: args.recipient, setAt: scope.at, setBy: scope.session.staffId };
      await scope.db.table('meta').put(row);
      scope.audit({
        action: 'BACKUP_PASSPHRASE_SET',
        entityType: 'backup-key',
        entityId: recipientKeyId(args.recipient),
        changes: { keyId: { before: previous.success ? recipientKeyId(previous.data.recipient) : null, after: recipientKeyId(args.recipient) } },
      });
      return { ok: true, value: row };
    },
  }),

  /**
   * Records a backup in the audit log: a copy of every patient's data left
   * the database (ASTM E2147 counts exports), or an attempt failed and why.
   * Under `nobodySignedIn` (the schedule, the quit backup) the entry names
   * the automatic backup as its actor.
   *
   * @example run('backup/record', { kind: 'scheduled', createdAt, outcome: 'verified', rows: 1234, targets: [{ target: 'app-data', outcome: 'verified' }] }, nobodySignedIn)
   */
  'backup/record': defineCommand({
    args: z.object({
      kind: z.enum(backupKinds),
      createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      outcome: z.enum(['verified', 'failed']),
      rows: z.number().int().min(0),
      targets: z.array(z.object({ target: z.string().min(1).max(50), outcome: z.enum(['verified', 'failed']), problem: z.enum(backupProblemCodes).optional() })).max(10),
    }),
    sync: false,
    async run(scope, args) {
      const automatic = scope.session.staffId === nobodySignedIn.staffId;
      const failures = args.targets.filter((target) => target.outcome === 'failed').map((target) => `${target.target}: ${target.problem ?? 'failed'}`);
      scope.audit({
        action: 'BACKUP_CREATED',
        entityType: 'backup',
        entityId: args.createdAt,
        changes: {
          kind: { before: null, after: args.kind },
          rows: { before: null, after: args.rows },
          targets: { before: null, after: args.targets.map((target) => `${target.target}: ${target.outcome}`).join(', ') },
        },
        reason: failures.length > 0 ? failures.join('; ') : null,
        outcome: args.outcome === 'verified' ? 'success' : 'error',
        ...(automatic ? { actor: automaticBackupActor } : {}),
      });
      return { ok: true, value: null };
    },
  }),
};
