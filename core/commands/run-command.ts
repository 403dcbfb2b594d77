import Dexie from 'dexie';
import { GENESIS_HASH, appendEntry } from '../audit';
import type { AuditEntry, ChainLink } from '../audit';
import { currentSchemaVersion, readClinicSettings, readDevice } from '../db';
import type { ClinicSettings, DeviceMeta, OutboxMutation, TimedeskDb } from '../db';
import { parseWith } from '../model';
import { beginEffectCapture } from '../sync/capture-effects';
import { hlcSend, hlcToString } from '../sync/hlc';
import { ValidationError } from '../validation';
import type { CommandError, CommandResult } from './command-result';
import type { AuditNote, CommandDefinition, WriteScope } from './define-command';
import type { CommandSession } from './session';

/** What the wrapper needs from the running app. */
export interface CommandEnvironment {
  db: TimedeskDb;
  /** "Now" as epoch ms (the engine never reads the clock itself). */
  clock: () => number;
  /** Fresh ids for entities and mutations. */
  newId: () => string;
}

/** Thrown inside the transaction to roll it back when a command refuses. */
export class Refusal extends Error {
  constructor(readonly error: CommandError) {
    super(error.message);
  }
}

/**
 * Runs one parsed command inside the write transaction that
 * {@link inWriteTransaction} opened: its body, its audit entries appended to
 * the chain, its outbox mutation. Throws {@link Refusal} when the command
 * refuses (which rolls back everything the transaction wrote).
 */
export type StepExecutor = <Value>(name: string, definition: CommandDefinition<never, Value>, args: unknown, session: CommandSession) => Promise<Value>;

/**
 * Opens ONE read-write transaction over every table and hands `body` a
 * {@link StepExecutor} that runs commands in it, one after the other: each
 * with its own session check, audit entries and outbox mutation (its own
 * `mutationId`, next gapless `deviceSeq`, HLC stamp), exactly as when it runs
 * alone. The device row is read once; the chain head and counters advance in
 * memory and are stored once at the end. All of it commits or none of it
 * does: a refusal, a bug or a storage error in any step rolls back every
 * step. `body` must await nothing but Dexie and its steps.
 *
 * @example
 * const result = await inWriteTransaction(env, (step) => step('patient/register', definition, args, session));
 */
export async function inWriteTransaction<T>(env: CommandEnvironment, body: (step: StepExecutor) => Promise<T>): Promise<CommandResult<T>> {
  const { db } = env;
  try {
    const value = await db.transaction('rw', db.tables, async () => {
      // Every synced record a step writes becomes one of its mutation's effects.
      const recorder = beginEffectCapture();
      let device = await readDevice(db);
      let head: ChainLink | null | undefined;
      // Audit entries and outbox rows are appended in order and read by no command, so they are
      // written together at the end (one request each, not two per step); the chain is built in memory.
      const entries: AuditEntry[] = [];
      const mutations: OutboxMutation[] = [];
      // Read once per transaction, again only after a step changed them.
      let clinic: ClinicSettings | undefined;
      const checkedSessions = new Set<string>();
      const step: StepExecutor = async (name, definition, args, session) => {
        const now = env.clock();
        const sessionKey = `${session.staffId}\u0000${session.role}`;
        const [settings] = await Promise.all([clinic ?? readClinicSettings(db), checkedSessions.has(sessionKey) ? undefined : checkSessionStillValid(db, session)]);
        clinic = settings;
        checkedSessions.add(sessionKey);
        const notes: AuditNote[] = [];
        const mutationId = env.newId();
        const scope: WriteScope = {
          db,
          session,
          now,
          at: new Date(now).toISOString(),
          device,
          clinic,
          mutationId,
          newId: env.newId,
          audit: (note) => notes.push(note),
        };
        recorder.take(); // writes before this step (none, or the previous step's, already taken) are not this step's
        const outcome = await runBody(definition, scope, args);
        if (!outcome.ok) throw new Refusal(outcome.error);

        if (head === undefined) head = await chainHead(db, device, definition.reanchor === true);
        for (const note of notes) {
          const entry = appendEntry(head, auditDraft(note, scope, definition.sync !== false));
          entries.push(entry);
          head = entry;
        }

        let { deviceSeq, hlc } = device;
        const effects = recorder.take();
        if (effects.some((effect) => effect.entity === 'clinic')) clinic = undefined;
        if (effects.some((effect) => effect.entity === 'staff')) checkedSessions.clear();
        // A command that ended up changing nothing (a save with no new value) has nothing to sync either.
        const changedNothing = notes.length === 0 && effects.length === 0;
        if (definition.sync !== false && !changedNothing) {
          const stamp = hlcSend(device.hlc, device.deviceId, now);
          hlc = stamp.state;
          deviceSeq += 1;
          mutations.push({
            mutationId,
            deviceId: device.deviceId,
            deviceSeq,
            hlc: hlcToString(stamp.timestamp),
            name,
            args: outcome.intent ?? args,
            baseVersion: outcome.baseVersion ?? null,
            schemaVersion: currentSchemaVersion,
            effects,
          });
        }
        device = { ...device, auditSeq: head?.seq ?? 0, auditHead: head?.hash ?? GENESIS_HASH, deviceSeq, hlc };
        return outcome.value;
      };
      const result = await body(step);
      if (entries.length > 0) await db.audit.bulkAdd(entries);
      if (mutations.length > 0) await db.outbox.bulkAdd(mutations);
      await db.meta.put(device);
      return result;
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error };
    throw error;
  }
}

/**
 * Runs one command through the write path (Actual Budget's mutator idea):
 *
 * 1. parse the arguments with the command's zod schema (a bad field is a result);
 * 2. in ONE read-write Dexie transaction over every table: read the device
 *    row, run the command (its reads, booking check and writes), append its
 *    audit entries to the hash chain (previous head read in this transaction,
 *    hashed synchronously), add the outbox mutation stamped with the HLC and
 *    the next gapless `deviceSeq`, and store the new counters.
 *
 * All of it commits or none of it does: a refusal, a thrown bug or a storage
 * error anywhere rolls back the change, the audit entries, the outbox entry
 * and the counters together. Commands run one at a time because each
 * transaction spans every table. Several commands that must land together
 * (first run, the sample clinic) run in one transaction through
 * core/commands' `runCommandBatch`.
 *
 * @example
 * const result = await runCommand(env, 'patient/register', patientCommands['patient/register'], input, session);
 */
export async function runCommand<Value>(
  env: CommandEnvironment,
  name: string,
  definition: CommandDefinition<never, Value>,
  input: unknown,
  session: CommandSession,
): Promise<CommandResult<Value>> {
  let args: unknown;
  try {
    args = parseCommandArgs(definition, input);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error };
    throw error;
  }
  return inWriteTransaction(env, (step) => step(name, definition, args, session));
}

/**
 * A command's arguments through its zod schema; bad input throws a
 * {@link Refusal} naming the field.
 */
export function parseCommandArgs(definition: CommandDefinition<never, unknown>, input: unknown): unknown {
  try {
    return parseWith(definition.args as never, input);
  } catch (error) {
    if (error instanceof ValidationError) throw new Refusal(error.toJSON());
    throw error;
  }
}

/**
 * A session is what sign-in returned, possibly hours ago. If the staff
 * member has since been deactivated or given another role, it no longer
 * speaks for them: refuse (`not-permitted`, field `session`) until they sign
 * in again. Read in the command's transaction, so a deactivation and a
 * command cannot interleave. A session whose staff row does not exist yet
 * (first run creates the first admin with their own session) passes.
 */
async function checkSessionStillValid(db: TimedeskDb, session: CommandSession): Promise<void> {
  const member = await db.staff.get(session.staffId);
  if (!member) return;
  if (!member.active) throw new Refusal(new ValidationError('not-permitted', 'session', `${member.displayName}'s account is inactive; sign in with an active account.`).toJSON());
  if (member.role !== session.role) {
    throw new Refusal(new ValidationError('not-permitted', 'session', `${member.displayName}'s role changed to ${member.role.replace('_', ' ')}; sign in again.`).toJSON());
  }
}

async function runBody<Value>(definition: CommandDefinition<never, Value>, scope: WriteScope, args: unknown) {
  try {
    return await definition.run(scope, args as never);
  } catch (error) {
    // The engine's checks (state machine, booking check, recurrence) throw
    // ValidationError for bad input; for the caller that is a result.
    if (error instanceof ValidationError) throw new Refusal(error.toJSON());
    throw error;
  }
}

/**
 * The last entry of this device's chain, read in the command's transaction.
 * It must agree with the counters in the device row; if it does not, entries
 * were removed or added behind the app's back, and writing on top would hide
 * that, so the command fails loudly instead (until `checkStoredAuditChain`
 * records the break and re-anchors the device row).
 */
async function chainHead(db: TimedeskDb, device: DeviceMeta, reanchor: boolean): Promise<ChainLink | null> {
  const last: AuditEntry | undefined = await db.audit
    .where('[deviceId+seq]')
    .between([device.deviceId, Dexie.minKey], [device.deviceId, Dexie.maxKey])
    .last();
  const seq = last?.seq ?? 0;
  const hash = last?.hash ?? GENESIS_HASH;
  if (!reanchor && (seq !== device.auditSeq || hash !== device.auditHead)) {
    throw new Error(`Audit chain head (seq ${seq}) does not match the device's record (seq ${device.auditSeq}); refusing to write on top of it.`);
  }
  return last ?? null;
}

/** `synced`: whether this command queues an outbox mutation for the entry to point at. */
function auditDraft(note: AuditNote, scope: WriteScope, synced: boolean) {
  return {
    id: scope.newId(),
    deviceId: scope.device.deviceId,
    appVersion: scope.device.appVersion,
    at: scope.at,
    actor: note.actor ?? { kind: 'staff', staffId: scope.session.staffId, displayName: scope.session.displayName, role: scope.session.role },
    action: note.action,
    entityType: note.entityType,
    entityId: note.entityId,
    patientId: note.patientId ?? null,
    changes: note.changes ?? {},
    reason: note.reason ?? null,
    outcome: note.outcome ?? 'success',
    mutationId: synced ? scope.mutationId : null,
  };
}
