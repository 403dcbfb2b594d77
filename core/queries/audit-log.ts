import { auditFilterMatcher } from '../audit';
import type { AuditAction, AuditEntry } from '../audit';
import type { Collection } from 'dexie';
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
  // The same selection the CSV export applies, so the screen and the file agree.
  const selected = auditFilterMatcher({
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.staffId === undefined ? {} : { staffId: query.staffId }),
    ...(query.action === undefined ? {} : { actions: [query.action] }),
    ...(query.patientId === undefined ? {} : { patientId: query.patientId }),
  });
  const matches = (entry: AuditEntry) => selected(entry) && isAfterCursor(entry, query.cursor);

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

/**
 * Every stored audit entry in chain order (device, then seq: the table's
 * primary key), read in pages so a long log never sits in memory. Entries
 * added while it runs only ever come after the page being read, so nothing
 * is skipped or repeated. The source for the CSV export and for walking the
 * whole log.
 *
 * @example for await (const entry of auditEntriesInChainOrder(db)) count += 1;
 */
export async function* auditEntriesInChainOrder(db: TimedeskDb, entriesPerPage = 2_000): AsyncGenerator<AuditEntry, void, undefined> {
  let after: [string, number] | null = null;
  for (;;) {
    const range: Collection<AuditEntry, [string, number]> = after ? db.audit.where(':id').above(after) : db.audit.toCollection();
    const page: AuditEntry[] = await range.limit(entriesPerPage).toArray();
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < entriesPerPage) return;
    after = [last.deviceId, last.seq];
  }
}
