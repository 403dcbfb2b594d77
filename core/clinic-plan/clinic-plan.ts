import type { CommandArgs } from '../commands';
import type { AppointmentStatus } from '../model';

/** One step a visit takes after it is booked: arrived, in room, completed, no-show or cancelled (with its reason). */
export interface PlannedStatus {
  to: Exclude<AppointmentStatus, 'booked'>;
  reason?: string;
}

/** A single visit: what `appointment/book` is given, then the status changes it goes through, in order. */
export interface PlannedVisit {
  book: CommandArgs<'appointment/book'>;
  statuses: readonly PlannedStatus[];
}

/** A repeating booking (`series/create`) and the status changes of some of its occurrences (by their original wall start). */
export interface PlannedSeries {
  create: CommandArgs<'series/create'>;
  occurrences: readonly { originalStart: string; statuses: readonly PlannedStatus[] }[];
}

/**
 * A clinic as data: every record a first run (or the sample clinic) stores,
 * each in the shape its command takes. Ids are chosen by the planner, so a
 * later record can name an earlier one (hours name their resource, visits
 * their patient) before anything is stored. Loaded by
 * {@link loadClinicPlan} through the ordinary commands, so each record is
 * validated, audited and queued for sync like one entered by hand.
 *
 * `hours` is the clinic's bookable time; a new kind of hours record is a new
 * list here, loaded by its own command.
 *
 * @example
 * const plan: ClinicPlan = { resources: [{ id: 'r1', kind: 'provider', name: 'Dr Lee', timeZone: 'Europe/London' }], hours: [], patients: [], series: [], visits: [] };
 */
export interface ClinicPlan {
  resources: readonly (CommandArgs<'resource/save'> & { id: string })[];
  hours: readonly CommandArgs<'schedule/save-block'>[];
  patients: readonly (CommandArgs<'patient/register'> & { id: string })[];
  series: readonly PlannedSeries[];
  visits: readonly PlannedVisit[];
}

/** A plan with nothing in it, to spread a partial plan over. */
export const emptyClinicPlan: ClinicPlan = { resources: [], hours: [], patients: [], series: [], visits: [] };

/**
 * How many commands loading `plan` runs (what a progress bar counts to).
 *
 * @example clinicPlanSteps({ ...emptyClinicPlan, visits: [{ book, statuses: [{ to: 'arrived' }] }] }) // 2
 */
export function clinicPlanSteps(plan: ClinicPlan): number {
  const statusSteps = (items: readonly { statuses: readonly PlannedStatus[] }[]) => items.reduce((sum, item) => sum + item.statuses.length, 0);
  return (
    plan.resources.length +
    plan.hours.length +
    plan.patients.length +
    plan.series.length +
    plan.series.reduce((sum, series) => sum + statusSteps(series.occurrences), 0) +
    plan.visits.length +
    statusSteps(plan.visits)
  );
}

/**
 * Mon–Fri hours for each resource, as one weekly schedule block per resource
 * starting on `monday` (the clinic's calendar date of a Monday): what every
 * new provider and room starts with, so the day view shows bookable time at
 * once and the rota can be changed later in Administration → Schedules.
 * `kind: 'break'` with a label gives the same days' lunch break.
 *
 * @example weekdayHours(['r1'], '2026-11-23', '09:00', '17:00', newId) // [{ block: { id, resourceId: 'r1', kind: 'working', wallStart: '2026-11-23T09:00', wallEnd: '2026-11-23T17:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' } }]
 */
export function weekdayHours(
  resourceIds: readonly string[],
  monday: string,
  start: string,
  end: string,
  newId: () => string,
  kind: 'working' | 'break' = 'working',
  label?: string,
): CommandArgs<'schedule/save-block'>[] {
  return resourceIds.map((resourceId) => ({
    block: { id: newId(), resourceId, kind, wallStart: `${monday}T${start}`, wallEnd: `${monday}T${end}`, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', ...(label === undefined ? {} : { label }) },
  }));
}
