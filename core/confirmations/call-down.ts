import type { AppointmentStatus, ConfirmationStatus, VisitConfirmation } from '../model';
import { effectiveConfirmation } from './effective-confirmation';
import { visitKey } from './visit-key';
import type { VisitIdentity } from './visit-key';

/** A visit as the call-down list needs it. */
export interface CallDownVisit extends VisitIdentity {
  patientId: string;
  /** Epoch ms. */
  start: number;
  status: AppointmentStatus;
  resourceIds: readonly string[];
  /** The visit's calendar date in the clinic's zone (the caller knows the zone). */
  day: string;
}

/** One line of the *To confirm* list. */
export interface CallDownRow {
  key: string;
  visit: CallDownVisit;
  confirmation: ConfirmationStatus;
  /** How many calls went unanswered for this start (the desk's `no_answer` entries): retried last. */
  unanswered: number;
}

/** Statuses still waiting for an answer. */
const waiting: ReadonlySet<ConfirmationStatus> = new Set(['unconfirmed', 'reminded', 'no_answer']);

function unansweredCalls(record: VisitConfirmation | undefined): number {
  if (!record) return 0;
  let count = 0;
  for (const change of record.statusHistory) {
    if (change.kind === 'reset') count = 0;
    else if (change.kind === 'set' && change.to === 'no_answer') count += 1;
  }
  return count;
}

/**
 * THE call-down list: the booked visits of `days` (tomorrow and the day
 * after, as the caller chooses them on the clinic's calendar) still waiting
 * for an answer (unconfirmed, reminded, no answer — an answer given for
 * another start does not count), in call order: day by day; within a day the
 * patients not yet called first, then those who did not answer, fewest tries
 * first; then by visit start. Cancelled and already-progressed visits are left
 * out, and so are confirmed and declined ones.
 *
 * @example callDownList(visits, confirmationsByKey, ['2026-03-03', '2026-03-04']).map((row) => row.key)
 */
export function callDownList(visits: readonly CallDownVisit[], confirmations: ReadonlyMap<string, VisitConfirmation>, days: readonly string[]): CallDownRow[] {
  const dayOrder = new Map(days.map((day, index) => [day, index]));
  const rows: CallDownRow[] = [];
  for (const visit of visits) {
    if (visit.status !== 'booked' || !dayOrder.has(visit.day)) continue;
    const key = visitKey(visit);
    const record = confirmations.get(key);
    const { status, movedSince } = effectiveConfirmation(record, visit.start);
    if (!waiting.has(status)) continue;
    rows.push({ key, visit, confirmation: status, unanswered: movedSince ? 0 : unansweredCalls(record) });
  }
  return rows.sort(
    (a, b) =>
      (dayOrder.get(a.visit.day) ?? 0) - (dayOrder.get(b.visit.day) ?? 0) ||
      a.unanswered - b.unanswered ||
      a.visit.start - b.visit.start ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
