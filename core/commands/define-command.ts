import type { z } from 'zod';
import type { AuditAction, AuditActor, AuditOutcome } from '../audit';
import type { ClinicSettings, DeviceMeta, TimedeskDb } from '../db';
import type { CommandError } from './command-result';
import type { CommandSession } from './session';

/** One field's before/after in an audit entry (plain JSON; `null` for absent). */
export type FieldChange = { before: unknown; after: unknown };

/**
 * What a command says about itself for the audit log; the wrapper adds who,
 * when, device, app version, mutation id, seq and hashes.
 */
export interface AuditNote {
  action: AuditAction;
  /** kebab-case kind of record: `appointment`, `series`, `patient`… */
  entityType: string;
  entityId: string;
  patientId?: string | null;
  changes?: Record<string, FieldChange>;
  reason?: string | null;
  outcome?: AuditOutcome;
  /** Who acted, when it is not the session's staff member (sign-in attempts: the app itself). */
  actor?: AuditActor;
}

/**
 * What a command's `run` sees. Everything in it belongs to the command's one
 * read-write transaction: use `db` freely, but never await anything that is
 * not Dexie (no fetch, no WebCrypto, no timers), or IndexedDB commits early.
 */
export interface WriteScope {
  readonly db: TimedeskDb;
  readonly session: CommandSession;
  /** "Now" for this command, epoch ms, read once. */
  readonly now: number;
  /** The same instant as a canonical ISO string. */
  readonly at: string;
  readonly device: DeviceMeta;
  readonly clinic: ClinicSettings;
  /** The id of this command's outbox mutation; audit entries link to it. */
  readonly mutationId: string;
  /** A fresh entity id. */
  newId(): string;
  /** Queues an audit entry; the wrapper appends them, in order, after the change. */
  audit(note: AuditNote): void;
}

/**
 * How a command ended: its value plus what the outbox mutation needs, or a
 * refusal. A refusal after writes is safe: the wrapper aborts the transaction.
 */
export type CommandStep<Value> =
  | {
      ok: true;
      value: Value;
      /** Version of the record the command started from (null for a creation). */
      baseVersion?: number | null;
      /** The intent to sync, when it differs from the parsed args (e.g. it carries the new id). */
      intent?: unknown;
    }
  | { ok: false; error: CommandError };

/**
 * A command: its argument schema (zod, at the edge), whether it produces a
 * sync mutation, and its body. Types of the whole command map are derived
 * from these definitions (see handlers.ts), so the UI's calls cannot drift.
 */
export interface CommandDefinition<Args extends z.ZodType, Value> {
  args: Args;
  /** False for commands that change nothing to sync (patient/view): audit only, no outbox entry. */
  sync?: boolean;
  /**
   * Only for recording a broken chain: append after the entry actually
   * stored last even when it disagrees with the device row (a cut-off tail),
   * instead of refusing to write.
   */
  reanchor?: boolean;
  run(scope: WriteScope, args: z.output<Args>): Promise<CommandStep<Value>>;
}

/**
 * Declares a command with its types inferred.
 *
 * @example
 * const view = defineCommand({
 *   args: z.object({ patientId: idSchema }),
 *   sync: false,
 *   async run(scope, args) { … return { ok: true, value: patient }; },
 * });
 */
export function defineCommand<Args extends z.ZodType, Value>(definition: CommandDefinition<Args, Value>): CommandDefinition<Args, Value> {
  return definition;
}
