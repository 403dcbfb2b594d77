/**
 * The write path: every change to local data goes through one of these
 * commands, which writes the change, its audit entry and its outbox mutation
 * in one transaction (see README.md).
 */
export { createCommandRunner, commandHandlers } from './handlers';
export type { CommandRunner, CommandHandlers, CommandName, CommandArgs, CommandValue } from './handlers';
export { runCommand } from './run-command';
export { runCommandBatch } from './command-batch';
export type { CommandBatch, CommandBatchOptions } from './command-batch';
export type { CommandEnvironment } from './run-command';
export { defineCommand } from './define-command';
export type { AuditNote, CommandDefinition, CommandStep, FieldChange, WriteScope } from './define-command';
export { succeed, refuse, isConflictReport } from './command-result';
export type { CommandResult, CommandError, ConflictReport } from './command-result';
export { isManager, nobodySignedIn } from './session';
export type { CommandSession } from './session';
export { overrideSchema } from './conflict-gate';
export { seriesCheckHorizonMs } from '../overlap';
export type { SavedSeries, SplitResult } from './series-commands';
export type { CancelledSeries } from './series-cancel';
export type { BookedAppointment } from './appointment-commands';
export type { ScheduleChangeResult } from './schedule-commands';
export { checkStoredAuditChain, checkAuditChainSinceVerified } from './audit-integrity';
export { exportAuditLog } from './audit-export';
export type { AuditExportRequest, AuditExportOutcome } from './audit-export';
export type { PrintedDaySheet } from './day-sheet-commands';
export { maxExportDays } from './calendar-file-commands';
export type { ExportedCalendarFile } from './calendar-file-commands';
export { importCalendarDrafts } from './calendar-import';
export type { ImportedCalendarFile, CalendarImportResult } from './calendar-import';
export type { ExportedPatientFile } from './patient-file-commands';
export { importPatientDrafts } from './patient-import';
export type { ImportedPatientFile, PatientImportResult } from './patient-import';
export { runFirstRunSetup, firstRunArgsSchema } from './first-run-command';
export type { FirstRunOutcome, PreparedCredential } from './first-run-command';
export { visitRefSchema, deskConfirmationStatuses } from './confirmation-commands';
export type { ConfirmationResult } from './confirmation-commands';
