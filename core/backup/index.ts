/**
 * Backup files: the versioned format (plain header, AES-256-GCM chunks),
 * the passphrase-derived key, the contents check, retention and schedule.
 * Pure: no Dexie, DOM or Node (the database side is core/backup-restore).
 */
export { BackupError, backupProblemCodes, isBackupProblem } from './backup-error';
export type { BackupProblem, BackupProblemCode } from './backup-error';
export {
  backupKeyMetaKey,
  backupKeyRowSchema,
  backupRecipientSchema,
  createBackupRecipient,
  defaultKdf,
  fileKeyForReading,
  fileKeyForWriting,
  kdfSchema,
  minBackupPassphraseLength,
  passphraseMatches,
  recipientKeyId,
} from './backup-key';
export type { BackupKeyRow, BackupRecipient, FileKeyForWriting, KdfSettings } from './backup-key';
export { backupFormatVersion, backupHeaderSchema, backupKinds, sameClinic, summarizeHeader } from './backup-header';
export type { BackupAuditHead, BackupHeader, BackupKind, BackupSummary } from './backup-header';
export { BackupWriter, backupMark, decryptBackupSegments, readBackupHeader } from './backup-file';
export type { BackupWriterOptions } from './backup-file';
export { platformDeflate } from './deflate';
export type { ChunkCodec } from './deflate';
export { parsePrelude, parseTableSegment, preludeText, tableSegmentText, toDexieExportText } from './payload';
export type { BackupPrelude, TableSegment } from './payload';
export { ContentsCheck, auditTableName } from './contents-check';
export type { CheckedSegment, ContentsReport } from './contents-check';
export { backupExtension, backupFileName, parseBackupFileName, partialSuffix } from './backup-file-name';
export type { NamedBackup } from './backup-file-name';
export { defaultRetention, planRetention } from './generations';
export type { RetentionPlan, RetentionPolicy } from './generations';
export { backupWarningAfterMs, decideScheduledBackup } from './backup-schedule';
export type { BackupScheduleDecision, BackupScheduleInput } from './backup-schedule';
export { compareWithAnchors } from './audit-anchors';
export type { AnchorFinding } from './audit-anchors';
