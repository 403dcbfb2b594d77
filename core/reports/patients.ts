import type { ReportRange } from './report-range';
import { isAttendedOrDue } from './report-visit';
import type { ReportVisit } from './report-visit';

/** New vs returning patients of a range, and how many visits each had. */
export interface PatientsReport {
  /** Patients with at least one visit (not cancelled, not a no-show) that started in the range. */
  patients: number;
  /** …of whom this was their first visit ever. */
  newPatients: number;
  /** …of whom had a visit before the range. */
  returningPatients: number;
  /** Their visits in the range. */
  visits: number;
  /** visits ÷ patients; null for a range without visits. */
  visitsPerPatient: number | null;
  /** How many patients had 1, 2, 3 and 4 or more visits (index 0 = one visit; the last counts 4+). */
  visitCounts: [number, number, number, number];
}

/** What {@link patientsReport} reads. */
export interface PatientsInput {
  range: ReportRange;
  /** The resources asked for: a visit counts when it has one of them. */
  resourceIds: readonly string[];
  visits: readonly ReportVisit[];
  /** Patients with a visit (not cancelled, not a no-show) before `range.from`, with any resource. */
  seenBefore: ReadonlySet<string>;
}

/**
 * New vs returning patients and visits per patient. A visit is one the
 * patient came to or is still due at (not cancelled, not a no-show); a
 * patient is **new** when they had no such visit before the range — with
 * any provider, so a patient moving from Dr Lee to Dr Khan is returning.
 *
 * @example
 * patientsReport({ range, resourceIds, visits, seenBefore: new Set(['p-1']) })
 * // { patients: 2, newPatients: 1, returningPatients: 1, visits: 3, visitsPerPatient: 1.5, visitCounts: [1, 1, 0, 0] }
 */
export function patientsReport(input: PatientsInput): PatientsReport {
  const wanted = new Set(input.resourceIds);
  const perPatient = new Map<string, number>();
  let visits = 0;
  for (const visit of input.visits) {
    if (visit.start < input.range.from || visit.start >= input.range.to || !isAttendedOrDue(visit)) continue;
    if (!visit.resourceIds.some((id) => wanted.has(id))) continue;
    visits++;
    perPatient.set(visit.patientId, (perPatient.get(visit.patientId) ?? 0) + 1);
  }
  const visitCounts: [number, number, number, number] = [0, 0, 0, 0];
  let returningPatients = 0;
  for (const [patientId, count] of perPatient) {
    const slot = Math.min(count, 4) - 1;
    visitCounts[slot] = (visitCounts[slot] ?? 0) + 1;
    if (input.seenBefore.has(patientId)) returningPatients++;
  }
  return {
    patients: perPatient.size,
    newPatients: perPatient.size - returningPatients,
    returningPatients,
    visits,
    visitsPerPatient: perPatient.size > 0 ? visits / perPatient.size : null,
    visitCounts,
  };
}
