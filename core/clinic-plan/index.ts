/** A whole clinic as data (first run, the sample clinic), loaded through the commands in one batch. */
export { clinicPlanSteps, emptyClinicPlan, weekdayHours } from './clinic-plan';
export type { ClinicPlan, PlannedSeries, PlannedStatus, PlannedVisit } from './clinic-plan';
export { loadClinicPlan } from './load-clinic-plan';
export type { LoadedClinic } from './load-clinic-plan';
