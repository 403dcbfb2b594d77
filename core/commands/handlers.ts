import type { z } from 'zod';
import { appointmentCommands } from './appointment-commands';
import { backupCommands } from './backup-commands';
import { calendarFileCommands } from './calendar-file-commands';
import { clinicCommands } from './clinic-commands';
import { daySheetCommands } from './day-sheet-commands';
import { downtimeCommands } from './downtime-commands';
import type { CommandResult } from './command-result';
import { confirmationCommands } from './confirmation-commands';
import { consentCommands } from './consent-commands';
import { conflictCommands } from './conflict-commands';
import type { CommandDefinition } from './define-command';
import { patientCommands } from './patient-commands';
import { patientFileCommands } from './patient-file-commands';
import { commandIntents, recordRefusal } from './refusal-audit';
import { runCommand } from './run-command';
import type { CommandEnvironment } from './run-command';
import { scheduleCommands } from './schedule-commands';
import { waitlistCommands } from './waitlist-commands';
import { seriesCommands } from './series-commands';
import { occurrenceUndoCommands } from './occurrence-undo-commands';
import type { CommandSession } from './session';
import { setupCommands } from './setup-commands';

/**
 * Every command by its `area/verb` name. The types below are derived from
 * these definitions (Actual Budget's handlers.ts idea), so a caller's
 * arguments and results cannot drift from the implementations.
 */
export const commandHandlers = {
  ...appointmentCommands,
  ...seriesCommands,
  ...occurrenceUndoCommands,
  ...patientCommands,
  ...setupCommands,
  ...scheduleCommands,
  ...waitlistCommands,
  ...conflictCommands,
  ...clinicCommands,
  ...daySheetCommands,
  ...backupCommands,
  ...calendarFileCommands,
  ...patientFileCommands,
  ...downtimeCommands,
  ...confirmationCommands,
  ...consentCommands,
};

/** The command map's type. */
export type CommandHandlers = typeof commandHandlers;

/** Every command name, e.g. `'appointment/book'`. */
export type CommandName = keyof CommandHandlers;

/** What a caller passes to a command (the zod schema's input type). */
export type CommandArgs<Name extends CommandName> = z.input<CommandHandlers[Name]['args']>;

/** What a command returns on success. */
export type CommandValue<Name extends CommandName> = CommandHandlers[Name] extends CommandDefinition<z.ZodType, infer Value> ? Value : never;

/** The typed entry point the UI (or the sync client replaying intents) calls. */
export interface CommandRunner {
  run<Name extends CommandName>(name: Name, args: CommandArgs<Name>, session: CommandSession): Promise<CommandResult<CommandValue<Name>>>;
}

/**
 * Binds the command map to a database, clock and id source.
 *
 * @example
 * const commands = createCommandRunner({ db, clock: () => Date.now(), newId: () => newId(randomBytes) });
 * const result = await commands.run('patient/view', { patientId: 'p1' }, session);
 */
export function createCommandRunner(env: CommandEnvironment): CommandRunner {
  return {
    async run(name, args, session) {
      const definition = commandHandlers[name] as unknown as CommandDefinition<never, never>;
      if (!definition) throw new Error(`No command named "${String(name)}".`);
      const result = await runCommand(env, String(name), definition, args, session);
      // An intent-aware audit: a refused attempt is recorded (who tried what, where, and why not)
      // in a transaction of its own, after the command's rolled back.
      const intent = commandIntents[name];
      if (!result.ok && intent) {
        await runCommand(env, 'audit/record-refusal', recordRefusal as unknown as CommandDefinition<never, null>, { command: String(name), intent, input: args, error: result.error }, session);
      }
      return result;
    },
  };
}
