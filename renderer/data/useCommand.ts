import { useCallback } from 'react';
import type { CommandArgs, CommandName, CommandResult, CommandValue } from '../../core/commands';
import { useSession } from '../session/session-store';
import { useAppData } from './useAppData';

/** Runs a named engine command as the signed-in staff member. */
export type RunCommand = <Name extends CommandName>(name: Name, args: CommandArgs<Name>) => Promise<CommandResult<CommandValue<Name>>>;

/**
 * The UI's one way to change data: `run('appointment/book', args)` calls the
 * engine's command with the signed-in staff member as the session, and
 * answers `{ ok: true, value } | { ok: false, error }`. Live queries pick the
 * change up on their own, so callers never patch local copies.
 *
 * @example
 * const run = useCommand();
 * const result = await run('appointment/change-status', { appointmentId, to: 'arrived' });
 */
export function useCommand(): RunCommand {
  const { commands } = useAppData();
  const staff = useSession((state) => state.staff);
  return useCallback(
    (name, args) => {
      if (!staff) throw new Error(`Command ${name} needs a signed-in staff member.`);
      return commands.run(name, args, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role });
    },
    [commands, staff],
  ) as RunCommand;
}
