import { displacedVisits } from '../queries';
import type { ScheduleDisplacedConflict } from '../sync/schedule-displaced-conflict';
import type { SyncConflict } from '../sync/conflict-record';
import { refuse } from './command-result';
import type { CommandStep, WriteScope } from './define-command';
import { settleConflict } from './settle-conflict';

/**
 * `conflict/resolve` for the visits a schedule change left outside the
 * hours: `handled` once every one of them has been moved into bookable time,
 * cancelled or is under way — each with its own checked, audited command
 * first (`appointment/move`, `occurrence/edit`, `appointment/cancel`, …), so
 * nothing is moved or cancelled by this. A reason is required, as for every
 * resolution.
 *
 * @example await resolveScheduleDisplaced(scope, record, { action: 'handled', reason: 'All seven rebooked with Dr Patel' })
 */
export async function resolveScheduleDisplaced(scope: WriteScope, conflict: ScheduleDisplacedConflict, args: { action: string; reason: string }): Promise<CommandStep<SyncConflict>> {
  if (args.action !== 'handled') return refuse('invalid-format', 'action', 'Visits outside the new hours are handled by moving or cancelling each one.');
  if (args.reason === '') return refuse('reason-required', 'reason', 'Say how the visits were dealt with.');
  const left = (await displacedVisits(scope.db, conflict)).filter((visit) => visit.state === 'outside');
  if (left.length > 0) {
    return refuse('invalid-status-transition', 'action', `${left.length} of these visits ${left.length === 1 ? 'is' : 'are'} still outside the hours: move or cancel ${left.length === 1 ? 'it' : 'them'} first.`);
  }
  const resolution = { action: 'handled' as const, reason: args.reason, by: scope.session.staffId, at: scope.at };
  return settleConflict(scope, { ...conflict, status: 'resolved', resolution }, 'CONFLICT_RESOLVED', { blockId: { before: conflict.blockId, after: conflict.blockId } });
}
