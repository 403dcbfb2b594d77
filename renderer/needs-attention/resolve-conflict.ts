import type { CommandResult } from '../../core/commands';
import type { SyncConflict } from '../../core/sync';
import type { RunCommand } from '../data/useCommand';

/** How the receptionist (or a manager) settles one double booking. */
export type ConflictDecision =
  | { action: 'cancelled'; appointmentId: string; reason: string; alreadyCancelled?: boolean }
  | { action: 'rescheduled'; appointmentId: string; wallStart: string; reason: string }
  | { action: 'kept-both'; reason: string };

/**
 * Settles a double booking the way core/commands' `conflict/resolve` expects:
 * the change first with the ordinary command (`appointment/cancel` with the
 * reason, or `appointment/move`), then `conflict/resolve` recording how —
 * both audited mutations that sync, so every desk's inbox clears. Keeping
 * both is only `conflict/resolve` (the engine refuses it for non-managers).
 * A cancel that already went through (a retry after the resolve was refused)
 * is not repeated.
 *
 * @example await resolveConflict(run, 'cf_1', { action: 'cancelled', appointmentId: 'a2', reason: 'Patient rebooked for Friday' })
 */
export async function resolveConflict(run: RunCommand, conflictId: string, decision: ConflictDecision): Promise<CommandResult<SyncConflict>> {
  if (decision.action === 'cancelled' && !decision.alreadyCancelled) {
    const cancelled = await run('appointment/cancel', { appointmentId: decision.appointmentId, reason: decision.reason });
    if (!cancelled.ok) return cancelled;
  }
  if (decision.action === 'rescheduled') {
    const moved = await run('appointment/move', { appointmentId: decision.appointmentId, wallStart: decision.wallStart });
    if (!moved.ok) return moved;
  }
  return run('conflict/resolve', {
    conflictId,
    action: decision.action,
    ...(decision.action === 'kept-both' ? {} : { appointmentId: decision.appointmentId }),
    reason: decision.reason,
  });
}
