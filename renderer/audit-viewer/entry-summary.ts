import type { AuditEntry } from '../../core/audit';
import { text } from '../i18n';

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
 * What the record column says: the entry's own subject, else the current
 * name of the staff member or resource it acted on (passphrase changes;
 * hours as `Dr Carter Tuesday 09:00–13:00` given the weekday names, Monday
 * first), else its kind in words (`Series visit`; an unknown kind as stored).
 *
 * @example entryRecord({ entityType: 'availability', changes: { resourceId: { after: 'r1' }, start: { after: '09:00' }, end: { after: '13:00' } } }, new Map([['r1', 'Dr Carter']])) // 'Dr Carter 09:00–13:00'
 */
export function entryRecord(entry: Pick<AuditEntry, 'changes' | 'entityType' | 'entityId'>, names: ReadonlyMap<string, string>, weekdayNames: readonly string[] = []): string {
  const subject = entrySubject(entry);
  if (subject) return subject;
  const value = (field: string) => entry.changes[field]?.after ?? entry.changes[field]?.before;
  const resourceId = value('resourceId');
  const resource = typeof resourceId === 'string' ? names.get(resourceId) : undefined;
  if (resource) {
    // A v3 weekday rule names its times `start`/`end`; a schedule block its wall times (`2027-01-04T09:00:00`).
    const clock = (wall: unknown) => (typeof wall === 'string' ? wall.slice(11, 16) : undefined);
    const [start, end, weekday] = [value('start') ?? clock(value('wallStart')), value('end') ?? clock(value('wallEnd')), value('weekday')];
    const day = typeof weekday === 'number' ? weekdayNames[weekday - 1] : undefined;
    const when = typeof start === 'string' && typeof end === 'string' ? `${start}–${end}` : undefined;
    return [resource, day, when].filter(Boolean).join(' ');
  }
  return names.get(entry.entityId) ?? text.auditViewer.recordKinds[entry.entityType] ?? entry.entityType;
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
