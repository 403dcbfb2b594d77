import { refuse } from '../../core/commands';
import type { CommandResult } from '../../core/commands';
import { allowedTransitions, canTransition } from '../../core/model';
import type { AppointmentStatus } from '../../core/model';
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
 * Everything that can be checked up front is checked before the first
 * command runs (the appointment is still here, a move needs it booked, the
 * state machine allows the new status), because a refused status change
 * after a successful move would leave the visit moved and the conflict open.
 *
 * @example await resolveEdit(run, edit, { action: 'applied-other', reason: 'She asked for 11:00' })
 */
export async function resolveEdit(run: RunCommand, edit: OpenEdit, decision: EditDecision): Promise<CommandResult<SyncConflict>> {
  // Without a reason the engine refuses the resolution: ask before moving anything.
  if (decision.action === 'applied-other' && decision.reason.trim() !== '') {
    const values = edit.otherValues;
    if (edit.entity === 'appointment') {
      const problem = applyOtherProblem(edit);
      if (problem) return problem;
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
      if (edit.statusChanged && edit.other.status !== null && edit.other.status !== edit.currentStatus) {
        const changed = await run('appointment/change-status', { appointmentId: edit.recordId, to: edit.other.status, reason: decision.reason });
        if (!changed.ok) return changed;
      }
    } else if (edit.entity === 'series') {
      const changes = Object.fromEntries(seriesKeys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
      // The other desk's values are this record's: its rule and dates are its own, not every part's of a split series.
      const edited = await run('series/edit-all', { seriesId: edit.recordId, changes, reach: 'series' });
      if (!edited.ok) return edited;
    }
  }
  return run('conflict/resolve', { conflictId: edit.id, action: decision.action, reason: decision.reason });
}

const statusWords: Record<AppointmentStatus, string> = { booked: 'booked', arrived: 'checked in', in_room: 'in the room', completed: 'completed', no_show: 'a no-show', cancelled: 'cancelled' };

// The checks appointment/move and appointment/change-status would make, run
// against the appointment as this desk holds it now, so nothing is half-applied.
function applyOtherProblem(edit: OpenEdit): CommandResult<never> | null {
  const from = edit.currentStatus;
  if (from === null) return refuse('unknown-entity', 'appointmentId', 'This desk no longer holds the appointment, so the other change cannot be applied. Keep the current change instead.');
  if (edit.slotChanged && from !== 'booked') {
    return refuse('invalid-status-transition', 'status', `The other change moves the visit, but it is ${statusWords[from]} now and only a booked visit can be moved. Keep the current change instead.`);
  }
  const to = edit.statusChanged ? edit.other.status : null;
  if (to !== null && to !== from && !canTransition(from, to)) {
    const next = allowedTransitions(from);
    const hint = next.length === 0 ? ' It can only be undone.' : ` From ${statusWords[from]} it can only be marked ${next.map((status) => statusWords[status]).join(', ')}.`;
    return refuse('invalid-status-transition', 'status', `The other change marks the visit ${statusWords[to]}, but it is ${statusWords[from]} now.${hint} Nothing was changed; keep the current change instead.`);
  }
  return null;
}
