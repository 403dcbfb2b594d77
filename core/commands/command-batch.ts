import type { CommandResult } from './command-result';
import type { CommandDefinition } from './define-command';
import { commandHandlers } from './handlers';
import type { CommandArgs, CommandName, CommandValue } from './handlers';
import { inWriteTransaction, parseCommandArgs } from './run-command';
import type { CommandEnvironment, StepExecutor } from './run-command';
import type { CommandSession } from './session';

/**
 * Commands run as one unit. Each `run` is a whole command — its zod parse,
 * its checks, its audit entries, its outbox mutation — and answers its value;
 * a refusal ends the whole unit (nothing of it is kept), so `run` never
 * answers a refusal. What a later step needs from an earlier one (the id the
 * resource got) is simply the earlier step's value.
 */
export interface CommandBatch {
  run<Name extends CommandName>(name: Name, args: CommandArgs<Name>): Promise<CommandValue<Name>>;
}

/** Options of {@link runCommandBatch}. */
export interface CommandBatchOptions {
  /** Called after each command that has run (1, 2, …), for a progress bar. Synchronous: the transaction is open. */
  onStep?: (done: number) => void;
}

/**
 * Runs `body`'s commands, as `session`, in ONE transaction: every command
 * is checked, audited and queued for sync as if it ran alone (the same
 * definitions from `commandHandlers`), but the whole batch commits or none
 * of it does. A refusal anywhere is the batch's result and leaves the
 * database as it was; so does closing the window half-way (IndexedDB aborts
 * an unfinished transaction). First run and the sample clinic use it, so a
 * desk never holds half a clinic.
 *
 * `body` runs inside the transaction: it may await its `run` calls (and
 * Dexie) but nothing else — no fetch, timers or WebCrypto, or IndexedDB
 * commits early.
 *
 * @example
 * const result = await runCommandBatch(env, admin, async (batch) => {
 *   const room = await batch.run('resource/save', { kind: 'room', name: 'Room 1', timeZone: 'Europe/London' });
 *   await batch.run('schedule/save-block', { block: { resourceId: room.id, kind: 'working', wallStart: '2026-01-05T09:00', wallEnd: '2026-01-05T17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' } });
 *   return room;
 * });
 */
export function runCommandBatch<T>(env: CommandEnvironment, session: CommandSession, body: (batch: CommandBatch) => Promise<T>, options: CommandBatchOptions = {}): Promise<CommandResult<T>> {
  return inWriteTransaction(env, (step) => body(batchOver(step, session, options)));
}

/**
 * The same, for a batch whose first command is not in `commandHandlers`
 * (first run's `setup/first-run`, which closes over the hashed passphrase):
 * `first` runs as the batch's first step, then `body` gets its value.
 */
export function runCommandBatchAfter<First, T>(
  env: CommandEnvironment,
  session: CommandSession,
  first: { name: string; definition: CommandDefinition<never, First>; input: unknown },
  body: (batch: CommandBatch, first: First) => Promise<T>,
  options: CommandBatchOptions = {},
): Promise<CommandResult<{ first: First; rest: T }>> {
  return inWriteTransaction(env, async (step) => {
    const value = await step(first.name, first.definition, parseCommandArgs(first.definition as CommandDefinition<never, unknown>, first.input), session);
    const batch = batchOver(step, session, options);
    return { first: value, rest: await body(batch, value) };
  });
}

function batchOver(step: StepExecutor, session: CommandSession, options: CommandBatchOptions): CommandBatch {
  let done = 0;
  return {
    async run(name, args) {
      const definition = commandHandlers[name] as unknown as CommandDefinition<never, never>;
      if (!definition) throw new Error(`No command named "${String(name)}".`);
      const value = await step(String(name), definition, parseCommandArgs(definition, args), session);
      done += 1;
      options.onStep?.(done);
      return value;
    },
  };
}
