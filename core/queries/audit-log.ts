import type { AuditAction, AuditEntry } from '../audit';
import type { TimedeskDb } from '../db';

/** Filters of the audit screen; all optional and combined with AND. */
export interface AuditLogQuery {
  /** Inclusive lower bound on `at` (ISO instant). */
  from?: string;
  /** Exclusive upper bound on `at` (ISO instant). */
  to?: string;
  staffId?: string;
  action?: AuditAction;
  patientId?: string;
  /** Page size (default 50). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: AuditCursor;
}

/** Where the previous page stopped: the last entry's time and key. */
export interface AuditCursor {
  at: string;
  deviceId: string;
  seq: number;
}

/** One page, newest first. `nextCursor` is absent on the last page. */
export interface AuditPage {
  entries: AuditEntry[];
  nextCursor?: AuditCursor;
}

/** Newest first: by time, then device, then seq (all descending), so pages never overlap or skip. */
function isAfterCursor(entry: AuditEntry, cursor: AuditCursor | undefined): boolean {
  if (!cursor) return true;
  if (entry.at !== cursor.at) return entry.at < cursor.at;
  if (entry.deviceId !== cursor.deviceId) return entry.deviceId < cursor.deviceId;
  return entry.seq < cursor.seq;
}

const newestFirst = (left: AuditEntry, right: AuditEntry) =>
  left.at !== right.at ? (left.at < right.at ? 1 : -1) : left.deviceId !== right.deviceId ? (left.deviceId < right.deviceId ? 1 : -1) : right.seq - left.seq;

/**
 * One page of the audit log, newest first, filtered by time range, staff
 * member, action and patient. A patient filter reads that patient's entries
 * through the `patientId` index; otherwise the `at` index is walked backwards
 * from the cursor and stops as soon as the page is full, so page one of a
 * million entries costs one page.
 *
 * @example
 * const first = await auditLog(db, { action: 'PATIENT_VIEWED', limit: 20 });
 * const second = await auditLog(db, { action: 'PATIENT_VIEWED', limit: 20, cursor: first.nextCursor });
 */
export async function auditLog(db: TimedeskDb, query: AuditLogQuery = {}): Promise<AuditPage> {
  const limit = query.limit ?? 50;
  const from = query.from ?? '';
  const upper = query.cursor && (query.to === undefined || query.cursor.at < query.to) ? query.cursor.at : query.to;
  const matches = (entry: AuditEntry) =>
    entry.at >= from &&
    (query.to === undefined || entry.at < query.to) &&
    (query.staffId === undefined || (entry.actor.kind === 'staff' && entry.actor.staffId === query.staffId)) &&
    (query.action === undefined || entry.action === query.action) &&
    (query.patientId === undefined || entry.patientId === query.patientId) &&
    isAfterCursor(entry, query.cursor);

  let page: AuditEntry[];
  if (query.patientId !== undefined) {
    const all = await db.audit.where('patientId').equals(query.patientId).toArray();
    page = all.filter(matches).sort(newestFirst).slice(0, limit + 1);
  } else {
    const range = upper === undefined ? db.audit.where('at').aboveOrEqual(from) : db.audit.where('at').between(from, upper, true, true);
    // Within one `at`, IndexedDB orders by primary key [deviceId, seq]; reversed, that is newest-first.
    page = await range.reverse().filter(matches).limit(limit + 1).toArray();
  }
  const entries = page.slice(0, limit);
  const last = entries.at(-1);
  return page.length > limit && last ? { entries, nextCursor: { at: last.at, deviceId: last.deviceId, seq: last.seq } } : { entries };
}
