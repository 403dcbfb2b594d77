import { useCallback } from 'react';
import type { CommandResult } from '../../core/commands';
import type { SyncConflict } from '../../core/sync';
import { useCommand } from '../data/useCommand';
import { resolveConflict } from './resolve-conflict';
import type { ConflictDecision } from './resolve-conflict';

/**
 * Settles a double booking as the signed-in staff member (see
 * {@link resolveConflict}); the sync runner sends it at once because the
 * outbox grew.
 *
 * @example const resolve = useResolveConflict(); await resolve('cf_1', { action: 'kept-both', reason: 'Two chairs free' });
 */
export function useResolveConflict(): (conflictId: string, decision: ConflictDecision) => Promise<CommandResult<SyncConflict>> {
  const run = useCommand();
  return useCallback((conflictId: string, decision: ConflictDecision) => resolveConflict(run, conflictId, decision), [run]);
}
