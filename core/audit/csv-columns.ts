import { canonicalChangesJson } from './entry-json';
import { SYSTEM_ROLE, type AuditActor, type AuditEntry } from './entry';

/**
 * The columns of an audit CSV export, in order. Empty cell = null (optional
 * text is never the empty string, so this is unambiguous). For a system
 * actor, `actor_role` is `system` and `actor_id` is its systemId.
 * `changes` is the RFC 8785 canonical JSON of the field-level changes.
 *
 * @example auditCsvColumns[0] // 'seq'
 */
export const auditCsvColumns = [
  'seq',
  'id',
  'at',
  'device_id',
  'app_version',
  'actor_id',
  'actor_name',
  'actor_role',
  'action',
  'entity_type',
  'entity_id',
  'patient_id',
  'changes',
  'reason',
  'outcome',
  'mutation_id',
  'prev_hash',
  'hash',
] as const;

/** One column name of {@link auditCsvColumns}. */
export type AuditCsvColumn = (typeof auditCsvColumns)[number];

/**
 * The plain (unguarded, unquoted) text of each column for one entry.
 *
 * @example entryToCells(entry)[8] // 'APPOINTMENT_BOOKED'
 */
export function entryToCells(entry: AuditEntry): string[] {
  const actor = entry.actor;
  return [
    String(entry.seq),
    entry.id,
    entry.at,
    entry.deviceId,
    entry.appVersion,
    actor.kind === 'staff' ? actor.staffId : actor.systemId,
    actor.displayName,
    actor.kind === 'staff' ? actor.role : SYSTEM_ROLE,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.patientId ?? '',
    canonicalChangesJson(entry.changes),
    entry.reason ?? '',
    entry.outcome,
    entry.mutationId ?? '',
    entry.prevHash,
    entry.hash,
  ];
}

/** Why one row could not be read back as an entry. */
export interface CellProblem {
  column: AuditCsvColumn;
  message: string;
}

/** A row read back without parsing `changes`: what the verifier hashes, with the changes cell as written. */
export interface AuditRow {
  entry: Omit<AuditEntry, 'changes'>;
  changesJson: string;
}

/**
 * Reads unguarded cells back into the entry they came from, checking only
 * what hashing needs (seq is an integer, changes is a JSON object); whether
 * the content is genuine is the hash's job. Returns a {@link CellProblem}
 * for a row that cannot be an entry at all.
 *
 * @example cellsToEntry(entryToCells(entry)) // deep-equals entry
 */
export function cellsToEntry(cells: readonly string[]): AuditEntry | CellProblem {
  const row = cellsToRow(cells);
  if ('column' in row) return row;
  let changes: unknown;
  try {
    changes = JSON.parse(row.changesJson);
  } catch {
    return { column: 'changes', message: 'is not valid JSON' };
  }
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
    return { column: 'changes', message: 'is not a JSON object' };
  }
  return { ...row.entry, changes: changes as AuditEntry['changes'] };
}

/**
 * Like {@link cellsToEntry} but leaves `changes` as the cell text, for the
 * verifier: a row verifies only if that text is exactly the canonical JSON
 * that was hashed, so parsing it a million times would prove nothing more.
 *
 * @example cellsToRow(entryToCells(entry)).changesJson // '{"start":{"after":…,"before":null}}'
 */
export function cellsToRow(cells: readonly string[]): AuditRow | CellProblem {
  const [seq, id, at, deviceId, appVersion, actorId, actorName, actorRole, action, entityType, entityId, patientId, changesJson, reason, outcome, mutationId, prevHash, hash] = cells as readonly [
    string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string,
  ];
  if (!/^[1-9][0-9]{0,15}$/.test(seq)) return { column: 'seq', message: `"${seq}" is not a positive whole number` };
  const actor: AuditActor =
    actorRole === SYSTEM_ROLE
      ? { kind: 'system', systemId: actorId, displayName: actorName }
      : { kind: 'staff', staffId: actorId, displayName: actorName, role: actorRole };
  // The casts are safe for hashing: a wrong action or outcome text simply
  // fails the hash check, which is where a changed cell must be reported.
  const entry: Omit<AuditEntry, 'changes'> = {
    seq: Number(seq),
    id,
    at,
    deviceId,
    appVersion,
    actor,
    action: action as AuditEntry['action'],
    entityType,
    entityId,
    patientId: patientId === '' ? null : patientId,
    reason: reason === '' ? null : reason,
    outcome: outcome as AuditEntry['outcome'],
    mutationId: mutationId === '' ? null : mutationId,
    prevHash,
    hash,
  };
  return { entry, changesJson };
}
