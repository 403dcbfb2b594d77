/**
 * The tamper-evident audit log: entry format, hash chain, CSV export and its
 * verification. Pure (no Dexie, no Node built-ins); storage lives elsewhere.
 */
export {
  auditActions,
  auditOutcomes,
  auditActorSchema,
  auditDraftSchema,
  auditEntrySchema,
  parseAuditDraft,
  parseAuditEntry,
  GENESIS_HASH,
  SYSTEM_ROLE,
} from './entry';
export type { AuditAction, AuditOutcome, AuditActor, AuditDraft, AuditEntry, UnhashedAuditEntry } from './entry';
export { canonicalJson } from './canonical-json';
export { appendEntry, computeEntryHash, hashedBody, sha256Hex } from './chain';
export type { ChainLink } from './chain';
export { AuditChainVerifier, verifyAuditChain } from './verify-chain';
export type { AuditChainProblem, AuditCheckpoint, ChainEntry, AuditHead, AuditChainOk, AuditChainFailure, AuditChainReport, VerifyChainOptions } from './verify-chain';
export { verifyChainIncrementally } from './verify-incrementally';
export type { VerifiedHead, StoredChainSource, WholeChainReason, IncrementalCheck, IncrementalCheckOptions } from './verify-incrementally';
export { csvCell, guardFormula, unguardFormula, needsFormulaGuard, quoteField } from './csv-cell';
export { auditCsvColumns, entryToCells, cellsToEntry, cellsToRow } from './csv-columns';
export type { AuditCsvColumn, CellProblem, AuditRow } from './csv-columns';
export { exportAuditCsv, auditCsvRow, auditFilterMatcher, parseAuditExportFilter, CSV_BOM } from './csv-export';
export type { AuditExportFilter, AuditExportOptions } from './csv-export';
export { CsvRecordReader, CsvSyntaxError } from './csv-reader';
export { AUDIT_CSV_FORMAT, auditManifestSchema, auditExportHeadSchema, auditManifestPath, manifestCheckpoints } from './manifest';
export type { AuditManifest, AuditExportHead } from './manifest';
export { verifyAuditCsv } from './verify-csv';
export type { VerifyCsvOptions, CsvVerifyReport, CsvVerifyOk, CsvVerifyFailure } from './verify-csv';
