import type { AuditEntry } from '../../core/audit';

/**
 * A short name for what an entry acted on, taken from its recorded changes
 * (a saved resource's or staff member's name, a closure's reason), or
 * `undefined` when the entry carries none (views, status changes).
 *
 * @example entrySubject({ changes: { name: { before: null, after: 'Dr Carter' } }, … }) // 'Dr Carter'
 */
export function entrySubject(entry: Pick<AuditEntry, 'changes'>): string | undefined {
  for (const field of ['name', 'displayName', 'username', 'reason']) {
    const after = entry.changes[field]?.after;
    if (typeof after === 'string' && after) return after;
  }
  return undefined;
}

/**
 * The names of the fields an entry changed, in a stable order, for the
 * details column (`capacity, name`); values stay in the export.
 *
 * @example changedFields({ changes: { name: …, capacity: … } }) // ['capacity', 'name']
 */
export function changedFields(entry: Pick<AuditEntry, 'changes'>): string[] {
  return Object.keys(entry.changes).sort();
}
