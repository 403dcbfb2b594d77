import { z } from 'zod';
import { backupKeyMetaKey, backupKeyRowSchema, type BackupKeyRow, type BackupRecipient } from '../backup';
import type { TimedeskDb } from '../db';
import { newId } from '../model';

/**
 * The `meta` rows this folder owns (meta keys other than `clinic` never
 * sync, core/sync/capture-effects.ts):
 *
 * - `clinic-identity`: a random id made once per clinic database, carried
 *   by every backup and restored with it, so "a backup of another clinic"
 *   means another database, not another desk of the same clinic;
 * - `backup-key`: the public half of the backup passphrase (backup-key.ts):
 *   what automatic backups encrypt to. Restored with the data, so a desk
 *   rebuilt from a backup keeps encrypting to the same passphrase.
 */
export const clinicIdentityKey = 'clinic-identity';
export const backupKeyKey = backupKeyMetaKey;

const identitySchema = z.object({ key: z.literal(clinicIdentityKey), clinicId: z.string().min(1) });

const enrollmentSchema = z.object({ key: z.literal('enrollment'), clinicId: z.string().min(1) });

// These rows share untyped tables with core/db's and core/sync's own rows.
function meta(db: TimedeskDb) {
  return db.table<unknown, string>('meta');
}

/**
 * This database's clinic identity, made on first call (a random 32-hex id),
 * and the sync server's clinic id when the desk is enrolled.
 *
 * @example (await ensureClinicIdentity(db, randomBytes)).id // '9f1c…'
 */
export async function ensureClinicIdentity(db: TimedeskDb, randomBytes: (count: number) => Uint8Array): Promise<{ id: string; serverClinicId: string | null }> {
  return db.transaction('rw', [db.meta, db.syncState], async () => {
    const stored = identitySchema.safeParse(await meta(db).get(clinicIdentityKey));
    let id: string;
    if (stored.success) id = stored.data.clinicId;
    else {
      id = newId(randomBytes);
      await meta(db).put({ key: clinicIdentityKey, clinicId: id });
    }
    return { id, serverClinicId: await serverClinicId(db) };
  });
}

/**
 * The identity without creating one (null on a database that never made a backup).
 *
 * @example (await readClinicIdentity(db))?.id
 */
export async function readClinicIdentity(db: TimedeskDb): Promise<{ id: string | null; serverClinicId: string | null }> {
  const stored = identitySchema.safeParse(await meta(db).get(clinicIdentityKey));
  return { id: stored.success ? stored.data.clinicId : null, serverClinicId: await serverClinicId(db) };
}

async function serverClinicId(db: TimedeskDb): Promise<string | null> {
  const enrollment = enrollmentSchema.safeParse(await db.table<unknown, string>('syncState').get('enrollment'));
  return enrollment.success ? enrollment.data.clinicId : null;
}

/**
 * The backup key row, or null while no backup passphrase is set.
 *
 * @example (await readBackupKey(db))?.recipient.publicKey
 */
export async function readBackupKey(db: TimedeskDb): Promise<BackupKeyRow | null> {
  const parsed = backupKeyRowSchema.safeParse(await meta(db).get(backupKeyKey));
  return parsed.success ? parsed.data : null;
}

/** The recipient automatic backups encrypt to, or null. */
export async function readBackupRecipient(db: TimedeskDb): Promise<BackupRecipient | null> {
  return (await readBackupKey(db))?.recipient ?? null;
}
