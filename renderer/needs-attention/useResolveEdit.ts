import { useCallback } from 'react';
import type { CommandResult } from '../../core/commands';
import type { SyncConflict } from '../../core/sync';
import { useCommand } from '../data/useCommand';
import type { OpenEdit } from './open-edits';
import { resolveEdit } from './resolve-edit';
import type { EditDecision } from './resolve-edit';

/**
 * Settles a concurrent edit as the signed-in staff member (see
 * {@link resolveEdit}); the sync runner sends it at once because the outbox grew.
 *
 * @example const resolve = useResolveEdit(); await resolve(edit, { action: 'kept-current', reason: 'Confirmed by phone' });
 */
export function useResolveEdit(): (edit: OpenEdit, decision: EditDecision) => Promise<CommandResult<SyncConflict>> {
  const run = useCommand();
  return useCallback((edit: OpenEdit, decision: EditDecision) => resolveEdit(run, edit, decision), [run]);
}
