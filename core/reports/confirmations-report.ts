import { effectiveConfirmation, visitKey } from '../confirmations';
import type { ConfirmationStatus, VisitConfirmation } from '../model';
import type { ReportRange } from './report-range';
import type { ReportVisit } from './report-visit';
import { tallyOf } from './report-visit';

/** Settled visits of one confirmation group and how many the patient missed. */
export interface NoShowSplit {
  completed: number;
  noShow: number;
  /** no-shows ÷ (completed + no-shows), as in attendance; null when none settled. */
  rate: number | null;
}

/** The confirmation figures of one group of visits (a provider or room, or all). */
export interface ConfirmationFigure {
  /** Every visit that started in the range, whatever its status (cancelled ones too). */
  visits: number;
  /** …by the confirmation that holds for its start now (no record: unconfirmed). */
  statuses: Record<ConfirmationStatus, number>;
  /** Visits with an answer from the patient: confirmed + declined. */
  answered: number;
  /** confirmed ÷ answered; null when no one answered. */
  confirmedRate: number | null;
  /** Confirmed visits: completed, no-shows, no-show rate. */
  confirmedNoShow: NoShowSplit;
  /** Visits without an answer (unconfirmed, reminded, no answer): completed, no-shows, no-show rate. */
  notConfirmedNoShow: NoShowSplit;
}

/** The confirmations report: all visits and the same figures by resource. */
export interface ConfirmationsReport {
  all: ConfirmationFigure;
  byResource: { resourceId: string; figure: ConfirmationFigure }[];
}

/** What {@link confirmationsReport} reads. */
export interface ConfirmationsInput {
  range: ReportRange;
  /** The resources to report, in display order; a visit counts for each of its resources asked for. */
  resourceIds: readonly string[];
  visits: readonly ReportVisit[];
  /** The confirmation records, by visit key (core/confirmations `visitKey`, the record's id). */
  confirmations: ReadonlyMap<string, VisitConfirmation>;
}

interface Counter {
  visits: number;
  statuses: Record<ConfirmationStatus, number>;
  confirmed: [number, number];
  notConfirmed: [number, number];
}

const emptyCounter = (): Counter => ({ visits: 0, statuses: { unconfirmed: 0, reminded: 0, confirmed: 0, declined: 0, no_answer: 0 }, confirmed: [0, 0], notConfirmed: [0, 0] });

function split([completed, noShow]: [number, number]): NoShowSplit {
  return { completed, noShow, rate: completed + noShow > 0 ? noShow / (completed + noShow) : null };
}

function settle(counter: Counter): ConfirmationFigure {
  const answered = counter.statuses.confirmed + counter.statuses.declined;
  return {
    visits: counter.visits,
    statuses: { ...counter.statuses },
    answered,
    confirmedRate: answered > 0 ? counter.statuses.confirmed / answered : null,
    confirmedNoShow: split(counter.confirmed),
    notConfirmedNoShow: split(counter.notConfirmed),
  };
}

/**
 * Whether patients said they would come, for the visits that start in the
 * range, and whether it showed: the confirmation each visit has now for its
 * current start (core/confirmations `effectiveConfirmation`: an answer given
 * for a start the visit has since left does not hold), the **confirmed rate**
 * = confirmed ÷ (confirmed + declined), and the no-show rate of confirmed
 * visits beside that of visits nobody answered for (unconfirmed, reminded,
 * no answer) — does calling work? A declined visit the desk kept is in
 * neither no-show group. `reminded` is the record's own state (set when a
 * reminder went out).
 *
 * @example
 * confirmationsReport({ range, resourceIds: ['dr-lee'], visits, confirmations }).all.confirmedRate // 0.8
 */
export function confirmationsReport(input: ConfirmationsInput): ConfirmationsReport {
  const all = emptyCounter();
  const byResource = new Map<string, Counter>(input.resourceIds.map((id) => [id, emptyCounter()]));
  for (const visit of input.visits) {
    if (visit.start < input.range.from || visit.start >= input.range.to) continue;
    const groups = tallyOf(visit, byResource);
    if (groups.length === 0) continue;
    groups.push(all);
    const { status } = effectiveConfirmation(input.confirmations.get(visitKey(visit)), visit.start);
    const settled = visit.status === 'completed' ? 0 : visit.status === 'no_show' ? 1 : null;
    for (const counter of groups) {
      counter.visits++;
      counter.statuses[status]++;
      if (settled === null || status === 'declined') continue;
      (status === 'confirmed' ? counter.confirmed : counter.notConfirmed)[settled]++;
    }
  }
  return {
    all: settle(all),
    byResource: input.resourceIds.map((resourceId) => ({ resourceId, figure: settle(byResource.get(resourceId) ?? emptyCounter()) })),
  };
}
