import type { Conflict } from '../../core/overlap';
import type { DraftCheck, DraftOccurrence } from '../../core/queries';
import { clockChange, utcOffsetMs } from './repeat-plan';
import type { PreviewOccurrence } from './repeat-plan';

/** One thing to say about a visit before it is booked. */
export type VisitFlag =
  | { kind: 'shifted' }
  | { kind: 'other-offset' }
  /** A closed day (hard unless the clinic books closures with a warning). */
  | { kind: 'closed'; conflict: Conflict }
  /** A blockout or leave of the schedule, named: a hard one refused outright, a soft one for a manager. */
  | { kind: 'blocked'; conflict: Conflict }
  /** A resource over capacity or the patient booked elsewhere: refused on save. */
  | { kind: 'conflict'; conflict: Conflict }
  /** Outside a resource's hours, into a break, or no hours set: saved after a confirm. */
  | { kind: 'outside-hours'; conflict: Conflict };

/** A visit in the preview with its flags; `start` is epoch ms. */
export interface PreviewRow {
  key: string;
  /** Wall time as the clinic's clock shows it, `YYYY-MM-DDTHH:mm:ss`. */
  local: string;
  start: number;
  flags: VisitFlag[];
}

/**
 * The booking check's conflicts for one visit as flags, closures first, then
 * blockouts and leave, then conflicts, then hours (the order a receptionist
 * deals with them).
 *
 * @example conflictFlags({ hard: [closedOnMlkDay], warnings: [] }) // [{ kind: 'closed', conflict: closedOnMlkDay }]
 */
export function conflictFlags(occurrence: Pick<DraftOccurrence, 'hard' | 'warnings'>): VisitFlag[] {
  const all = [...occurrence.hard, ...occurrence.warnings];
  return [
    ...all.filter((conflict) => conflict.kind === 'closed').map((conflict) => ({ kind: 'closed' as const, conflict })),
    ...all.filter((conflict) => conflict.kind === 'schedule-blocked' || conflict.kind === 'soft-blockout').map((conflict) => ({ kind: 'blocked' as const, conflict })),
    ...all.filter((conflict) => conflict.kind === 'resource-double-booked' || conflict.kind === 'patient-double-booked').map((conflict) => ({ kind: 'conflict' as const, conflict })),
    ...all.filter((conflict) => conflict.kind === 'outside-working-hours' || conflict.kind === 'no-working-hours-defined').map((conflict) => ({ kind: 'outside-hours' as const, conflict })),
  ];
}

/** `changedSince`: this visit is the first on the other side of a clock change (its offset differs from the visit before). */
function clockFlags(shifted: boolean, changedSince: boolean): VisitFlag[] {
  return shifted ? [{ kind: 'shifted' }] : changedSince ? [{ kind: 'other-offset' }] : [];
}

/**
 * The starts (epoch ms) of the visits that come first after each clock
 * change: those whose UTC offset differs from the visit before. A weekly
 * series across November says "after a clock change" once, on the first
 * visit after it, not on every later one, so the warning keeps its meaning.
 *
 * @example firstAfterEachChange([{ local: '2026-10-27T09:00:00', utc: '2026-10-27T13:00:00.000Z' }, { local: '2026-11-03T09:00:00', utc: '2026-11-03T14:00:00.000Z' }, { local: '2026-11-10T09:00:00', utc: '2026-11-10T14:00:00.000Z' }]) // Set { Date.parse('2026-11-03T14:00:00.000Z') }
 */
export function firstAfterEachChange(visits: readonly { local: string; utc: string }[]): Set<number> {
  const firsts = new Set<number>();
  const ordered = [...visits].sort((a, b) => Date.parse(a.utc) - Date.parse(b.utc));
  ordered.forEach((visit, index) => {
    const before = ordered[index - 1];
    if (before && utcOffsetMs(visit.local, visit.utc) !== utcOffsetMs(before.local, before.utc)) firsts.add(Date.parse(visit.utc));
  });
  return firsts;
}

/**
 * The repeat preview with the dry run's findings: the first visits as the
 * repeat plan lists them (shown at once, with their clock-change flags) and,
 * once the check is in, each one's closures, conflicts and hours; then
 * `later`: every visit past those with a problem, so a closure in month
 * three is not hidden behind "…and more".
 *
 * @example previewRows(plan.preview, check, '09:00') // { rows: [{ local: '2026-01-05T09:00:00', flags: [] }, …], later: [{ local: '2026-03-16T09:00:00', flags: [{ kind: 'closed', … }] }] }
 */
export function previewRows(preview: readonly PreviewOccurrence[], check: DraftCheck | null, time: string): { rows: PreviewRow[]; later: PreviewRow[] } {
  const byStart = new Map((check?.occurrences ?? []).map((occurrence) => [Date.parse(occurrence.start), occurrence]));
  // Every visit in order (the preview's and, once checked, the whole series'), to find the first one after each change.
  const changes = firstAfterEachChange([...preview, ...(check?.occurrences ?? []).filter((occurrence) => !preview.some((visit) => Date.parse(visit.utc) === Date.parse(occurrence.start))).map((occurrence) => ({ local: occurrence.wallStart, utc: occurrence.start }))]);
  const rows = preview.map((visit) => {
    const start = Date.parse(visit.utc);
    const found = byStart.get(start);
    return { key: visit.utc, local: visit.local, start, flags: [...clockFlags(visit.shifted, changes.has(start)), ...(found ? conflictFlags(found) : [])] };
  });
  const last = rows.at(-1)?.start ?? -Infinity;
  const later = (check?.occurrences ?? [])
    .filter((occurrence) => Date.parse(occurrence.start) > last && occurrence.hard.length + occurrence.warnings.length > 0)
    .map((occurrence) => {
      const start = Date.parse(occurrence.start);
      return { key: occurrence.start, local: occurrence.wallStart, start, flags: [...clockFlags(clockChange(occurrence.wallStart, occurrence.start, time, 0).shifted, changes.has(start)), ...conflictFlags(occurrence)] };
    });
  return { rows, later };
}

/**
 * Flags for a single appointment: whether the clock change moves it (the
 * chosen `HH:mm` does not exist that day), then its conflicts.
 *
 * @example singleVisitFlags(check, '02:30') // [{ kind: 'shifted' }] on 8 March 2026 in New York
 */
export function singleVisitFlags(check: DraftCheck, time: string): VisitFlag[] {
  const visit = check.occurrences[0];
  if (!visit) return [];
  return [...(visit.wallStart.slice(11, 16) === time ? [] : [{ kind: 'shifted' as const }]), ...conflictFlags(visit)];
}

/** How many visits have each kind of problem, and how many were checked. */
export interface ProblemCounts {
  visits: number;
  closed: number;
  blocked: number;
  conflict: number;
  outsideHours: number;
}

/**
 * Visits per kind of problem (a visit with two conflicts counts once per kind).
 *
 * @example problemCounts(check) // { visits: 10, closed: 1, blocked: 0, conflict: 1, outsideHours: 0 }
 */
export function problemCounts(check: DraftCheck): ProblemCounts {
  const counts: ProblemCounts = { visits: check.occurrences.length, closed: 0, blocked: 0, conflict: 0, outsideHours: 0 };
  for (const occurrence of check.occurrences) {
    const kinds = new Set(conflictFlags(occurrence).map((flag) => flag.kind));
    if (kinds.has('closed')) counts.closed += 1;
    if (kinds.has('blocked')) counts.blocked += 1;
    if (kinds.has('conflict')) counts.conflict += 1;
    if (kinds.has('outside-hours')) counts.outsideHours += 1;
  }
  return counts;
}
