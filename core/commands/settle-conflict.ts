import type { SyncConflict } from '../sync/conflict-record';
import type { CommandStep, FieldChange, WriteScope } from './define-command';

/** A conflict with its resolution filled in. */
type Settled = SyncConflict & { status: 'resolved'; resolution: { action: string; reason: string } };

/**
 * The end of every `conflict/resolve`, whatever the kind: the settled
 * conflict is stored (it syncs, so every desk's inbox clears) with one audit
 * entry carrying the reason, the action and what the conflict was about
 * (`subject`: the appointments of a double booking, the record of a
 * concurrent edit). Keeping both bookings is a manager's override and is
 * audited as such.
 *
 * @example return settleConflict(scope, resolved, 'CONFLICT_RESOLVED', { recordId: { before: 'a1', after: 'a1' } });
 */
export async function settleConflict(
  scope: WriteScope,
  settled: Settled,
  action: 'CONFLICT_RESOLVED' | 'CONFLICT_OVERRIDDEN',
  subject: Record<string, FieldChange>,
): Promise<CommandStep<SyncConflict>> {
  await scope.db.conflicts.put(settled);
  scope.audit({
    action,
    entityType: 'conflict',
    entityId: settled.id,
    reason: settled.resolution.reason,
    changes: { status: { before: 'open', after: 'resolved' }, resolution: { before: null, after: settled.resolution.action }, ...subject },
  });
  return { ok: true, value: settled, baseVersion: settled.version ?? null };
}
