import type { CommandResult } from '../../core/commands';
import type { SyncConflict } from '../../core/sync';
import type { RunCommand } from '../data/useCommand';
import type { OpenEdit } from './open-edits';

/** How a concurrent edit is settled: the stored change stands, or the other desk's change is made after all. */
export type EditDecision = { action: 'kept-current'; reason: string } | { action: 'applied-other'; reason: string };

const seriesKeys = ['dtstart', 'timeZone', 'durationMinutes', 'resourceIds', 'rrule', 'exdates', 'rdates'] as const;

/**
 * Settles a concurrent edit the way core/commands' `conflict/resolve`
 * expects. Applying the other change runs the ordinary commands first —
 * `appointment/move` to its time, length and resources, then
 * `appointment/change-status` to its status (the state machine decides
 * whether that is still possible: a cancelled visit cannot be checked in),
 * or `series/edit-all` for a series — then `conflict/resolve` records the
 * decision; all audited mutations that sync, so every desk's inbox clears.
 *
 * @example await resolveEdit(run, edit, { action: 'applied-other', reason: 'She asked for 11:00' })
 */
export async function resolveEdit(run: RunCommand, edit: OpenEdit, decision: EditDecision): Promise<CommandResult<SyncConflict>> {
  // Without a reason the engine refuses the resolution: ask before moving anything.
  if (decision.action === 'applied-other' && decision.reason.trim() !== '') {
    const values = edit.otherValues;
    if (edit.entity === 'appointment') {
      if (edit.slotChanged) {
        const moved = await run('appointment/move', {
          appointmentId: edit.recordId,
          wallStart: String(values['wallStart']).slice(0, 16),
          ...(typeof values['timeZone'] === 'string' ? { timeZone: values['timeZone'] } : {}),
          ...(typeof values['durationMinutes'] === 'number' ? { durationMinutes: values['durationMinutes'] } : {}),
          ...(Array.isArray(values['resourceIds']) ? { resourceIds: values['resourceIds'] as string[] } : {}),
        });
        if (!moved.ok) return moved;
      }
      if (edit.statusChanged && edit.other.status !== null) {
        const changed = await run('appointment/change-status', { appointmentId: edit.recordId, to: edit.other.status, reason: decision.reason });
        if (!changed.ok) return changed;
      }
    } else if (edit.entity === 'series') {
      const changes = Object.fromEntries(seriesKeys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
      const edited = await run('series/edit-all', { seriesId: edit.recordId, changes });
      if (!edited.ok) return edited;
    }
  }
  return run('conflict/resolve', { conflictId: edit.id, action: decision.action, reason: decision.reason });
}
