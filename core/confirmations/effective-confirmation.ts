import type { ConfirmationStatus, VisitConfirmation } from '../model';

/** What the desk shows for a visit's confirmation. */
export interface EffectiveConfirmation {
  status: ConfirmationStatus;
  /** True when an answer was given for another start: the visit moved since, so it is unconfirmed again. */
  movedSince: boolean;
}

/**
 * The confirmation that holds for a visit starting at `start` (epoch ms or
 * ISO): the record's status when it was given for this start, otherwise
 * unconfirmed (a patient who confirmed Tuesday 10:00 has not confirmed
 * Wednesday 15:00). No record: unconfirmed.
 *
 * @example effectiveConfirmation(undefined, '2026-03-02T14:00:00.000Z') // { status: 'unconfirmed', movedSince: false }
 */
export function effectiveConfirmation(record: VisitConfirmation | undefined, start: number | string): EffectiveConfirmation {
  if (!record) return { status: 'unconfirmed', movedSince: false };
  const startMs = typeof start === 'number' ? start : Date.parse(start);
  if (Date.parse(record.visitStart) !== startMs) return { status: 'unconfirmed', movedSince: true };
  return { status: record.status, movedSince: false };
}
