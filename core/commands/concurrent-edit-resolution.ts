import type { TimedeskDb } from '../db';
import { concurrentEditActions } from '../sync/concurrent-edit-conflict';
import type { ConcurrentEditConflict } from '../sync/concurrent-edit-conflict';
import type { SyncConflict } from '../sync/conflict-record';
import { refuse } from './command-result';
import type { CommandStep, WriteScope } from './define-command';
import { settleConflict } from './settle-conflict';

/** The arguments of `conflict/resolve` this part reads. */
interface ResolveArgs {
  action: string;
  reason: string;
}

/** The local copy of the record a concurrent edit names. */
async function editedRecord(db: TimedeskDb, conflict: ConcurrentEditConflict): Promise<Record<string, unknown> | undefined> {
  const table = { appointment: db.appointments, series: db.series, seriesException: db.seriesExceptions, scheduleBlock: db.scheduleBlocks, visitConfirmation: db.visitConfirmations, waitlistEntry: db.waitlist, contactConsent: db.contactConsents }[conflict.entity];
  return (await table.get(conflict.recordId)) as Record<string, unknown> | undefined;
}

const wallTimeFields: ReadonlySet<string> = new Set(['wallStart', 'wallEnd', 'dtstart', 'originalStart']);
const instantFields: ReadonlySet<string> = new Set(['start', 'end']);

/**
 * One slot/status value compared as the record holds it: wall times to the
 * minute (the server normalises `10:00` to `10:00:00`), instants as instants,
 * everything else as JSON whatever the order of object keys.
 *
 * @example sameFieldValue('wallStart', '2026-03-02T11:00:00', '2026-03-02T11:00') // true
 */
export function sameFieldValue(field: string, local: unknown, other: unknown): boolean {
  if (typeof local === 'string' && typeof other === 'string') {
    if (wallTimeFields.has(field)) return local.slice(0, 16) === other.slice(0, 16);
    if (instantFields.has(field)) return Date.parse(local) === Date.parse(other);
  }
  return sameJson(local, other);
}

// Key order is not compared: the server's PostgreSQL (jsonb) hands objects back with their keys reordered.
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].every((key) => sameJson(left[key], right[key]));
}

/**
 * `conflict/resolve` for a concurrent edit (two desks changed the slot or
 * status of one record offline; the server kept the first). `kept-current`
 * records that the stored change stands; `applied-other` records that the
 * other desk's change was made after all — with the ordinary commands first
 * (`appointment/move`, `appointment/change-status`, `series/edit-all`), so
 * the state machine and the booking check apply as to any change; this only
 * checks the record now holds the other values. Either way a reason is
 * required, as for every resolution, and the resolved record syncs so every
 * desk's inbox clears.
 *
 * @example await resolveConcurrentEdit(scope, conflict, { action: 'kept-current', reason: 'Patient confirmed 10:00 by phone' })
 */
export async function resolveConcurrentEdit(scope: WriteScope, conflict: ConcurrentEditConflict, args: ResolveArgs): Promise<CommandStep<SyncConflict>> {
  const action = concurrentEditActions.find((known) => known === args.action);
  if (action === undefined) {
    return refuse('invalid-format', 'action', 'Two desks changed the same booking: keep the current change or apply the other one.');
  }
  if (args.reason === '') return refuse('reason-required', 'reason', 'Say why this change was chosen.');
  if (action === 'applied-other') {
    const record = await editedRecord(scope.db, conflict);
    if (!record) return refuse('unknown-entity', 'conflictId', `There is no ${conflict.entity === 'appointment' ? 'appointment' : 'series'} "${conflict.recordId}" on this desk yet.`);
    const missing = conflict.fields.filter((field) => !sameFieldValue(field, record[field], conflict.other.values[field]));
    if (missing.length > 0) {
      return refuse('invalid-status-transition', 'action', `Make the other desk's change first (${missing.join(', ')} still differ), then resolve the conflict.`);
    }
  }
  const settled = { ...conflict, status: 'resolved' as const, resolution: { action, reason: args.reason, by: scope.session.staffId, at: scope.at } };
  return settleConflict(scope, settled, 'CONFLICT_RESOLVED', { recordId: { before: conflict.recordId, after: conflict.recordId } });
}
