/**
 * The desk's backups and restores against its Dexie database: the streamed
 * snapshot of every table, a backup run (write to every target, read back,
 * verify, name, prune), the restore (verify all, safety copy, replace in one
 * transaction, audited), the ledger of runs kept apart from the database,
 * and the clinic identity and backup key rows. Browser-bound (Dexie).
 */
export { streamSnapshot, schemaString, defaultRowsPerSegment } from './database-snapshot';
export type { SnapshotFacts } from './database-snapshot';
export { runBackup, peekBackup } from './run-backup';
export type { RunBackupOptions, BackupRunResult } from './run-backup';
export { inspectBackup, restoreBackup } from './restore-backup';
export type { BackupEnrollment, BackupInspection, CatchUpOutcome, RestoreOptions, RestoreMarker } from './restore-backup';
export { BackupLedger, keptRuns } from './backup-ledger';
export type { BackupRun, TargetOutcome } from './backup-ledger';
export type { BackupTarget, PendingBackupFile } from './backup-target';
export { MemoryTarget, slicesOf } from './memory-target';
export { backupKeyKey, clinicIdentityKey, ensureClinicIdentity, readBackupKey, readBackupRecipient, readClinicIdentity } from './desk-backup-settings';
export { readScheduleFacts, defaultOpeningTime } from './schedule-facts';
