import type { AuditEntry } from '../../core/audit';
import { text } from '../i18n';
import { changedFields } from './entry-summary';

/** The recorded changes the record column reads (see `entryRecord`); the rest stay in the database and the export. */
const recordFields = ['name', 'displayName', 'username', 'reason', 'resourceId', 'start', 'end', 'weekday'] as const;

/**
 * What the audit list keeps of one entry: the columns' raw values, no hashes,
 * no full change set. The list holds every row read so far (100,000 after a
 * long scroll), so each kept object costs at every major garbage collection;
 * the whole entries made those pauses reach 24 ms, dropping frames
 * (bench/front-desk).
 */
export interface AuditRow {
  /** `deviceId:seq`, unique: the React key. */
  key: string;
  at: string;
  deviceId: string;
  seq: number;
  actorName: string;
  /** The actor's role in words, or "System". */
  actorTitle: string;
  action: AuditEntry['action'];
  entityType: string;
  entityId: string;
  /** Only the changes the record column names (a subject, a resource's hours). */
  changes: AuditEntry['changes'];
  patientId: string | null;
  outcome: AuditEntry['outcome'];
  reason: string | null;
  /** The changed fields' names, sorted, comma-separated (`capacity, name`); '' when none. */
  changedFields: string;
}

/**
 * The row the audit list keeps for an entry.
 *
 * @example auditRow(entry).changedFields // 'capacity, name'
 */
export function auditRow(entry: AuditEntry): AuditRow {
  const changes: AuditEntry['changes'] = {};
  for (const field of recordFields) {
    const change = entry.changes[field];
    if (change) changes[field] = change;
  }
  const actor = entry.actor;
  return {
    key: `${entry.deviceId}:${entry.seq}`,
    at: entry.at,
    deviceId: entry.deviceId,
    seq: entry.seq,
    actorName: actor.displayName,
    actorTitle: actor.kind === 'staff' ? (text.roles[actor.role as keyof typeof text.roles] ?? actor.role) : text.auditViewer.system,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes,
    patientId: entry.patientId ?? null,
    outcome: entry.outcome,
    reason: entry.reason ?? null,
    changedFields: changedFields(entry).join(', '),
  };
}
