import type { CommandBatch } from '../commands';
import type { ClinicPlan, PlannedStatus } from './clinic-plan';

/** What a loaded plan stored. */
export interface LoadedClinic {
  resources: number;
  patients: number;
  series: number;
  appointments: number;
}

/**
 * Stores `plan` through `batch`, one command per record and per status
 * change, in dependency order: resources, their hours, patients, series
 * (and their occurrences' statuses), visits (and theirs). Any refusal ends
 * the batch, so with core/commands' `runCommandBatch` (or first run's
 * `setUpFirstRun`) the whole plan lands or nothing does.
 *
 * @example await runCommandBatch(env, admin, (batch) => loadClinicPlan(batch, plan), { onStep: (done) => bar(done / clinicPlanSteps(plan)) });
 */
export async function loadClinicPlan(batch: CommandBatch, plan: ClinicPlan): Promise<LoadedClinic> {
  for (const resource of plan.resources) await batch.run('resource/save', resource);
  for (const hours of plan.hours) await batch.run('schedule/save-block', hours);
  for (const patient of plan.patients) await batch.run('patient/register', patient);
  for (const series of plan.series) {
    const saved = await batch.run('series/create', series.create);
    for (const occurrence of series.occurrences) {
      for (const status of occurrence.statuses) {
        await batch.run('occurrence/change-status', { seriesId: saved.series.id, originalStart: occurrence.originalStart, to: status.to, ...reasonOf(status) });
      }
    }
  }
  for (const visit of plan.visits) {
    const booked = await batch.run('appointment/book', visit.book);
    for (const status of visit.statuses) {
      await batch.run('appointment/change-status', { appointmentId: booked.appointment.id, to: status.to, ...reasonOf(status) });
    }
  }
  return { resources: plan.resources.length, patients: plan.patients.length, series: plan.series.length, appointments: plan.visits.length };
}

function reasonOf(status: PlannedStatus): { reason?: string } {
  return status.reason === undefined ? {} : { reason: status.reason };
}
