/**
 * The script the first-run benchmark injects into its page (esbuild bundles
 * it with the core/ and renderer/data code it imports). It defines
 * `window.timedeskFirstRunBench`: the sample clinic loaded into a database of
 * its own, either in first run's one transaction (what the app does) or the
 * old way, one command and transaction per record (the baseline).
 */
import { setUpFirstRun } from '../../core/auth';
import { loadClinicPlan, clinicPlanSteps } from '../../core/clinic-plan';
import type { CommandBatch } from '../../core/commands';
import { createCommandRunner } from '../../core/commands';
import { openTimedeskDb } from '../../core/db';
import { newId } from '../../core/model';
import { sampleClinic } from '../../renderer/data/sample-clinic';

/** What one load did, timed in the page. */
export interface LoadReport {
  steps: number;
  seconds: number;
  appointments: number;
  auditEntries: number;
}

const randomBytes = (count: number) => crypto.getRandomValues(new Uint8Array(count));
const request = { clinic: { name: 'Bench Clinic', timeZone: 'America/New_York', locale: 'en-US' }, admin: { displayName: 'Bench Admin', username: 'bench.admin' }, passphrase: 'correct horse battery' };

async function load(dbName: string, now: number, oneTransaction: boolean): Promise<LoadReport> {
  const { db } = await openTimedeskDb({ name: dbName, appVersion: 'bench', now });
  const environment = { db, clock: () => now, newId: () => newId(randomBytes), randomBytes };
  const { plan } = sampleClinic({ now, timeZone: 'America/New_York', newId: environment.newId });
  const started = performance.now();
  if (oneTransaction) {
    const done = await setUpFirstRun(environment, request, (batch) => loadClinicPlan(batch, plan));
    if (!done.ok) throw new Error(`first run refused: ${done.error.message}`);
  } else {
    const done = await setUpFirstRun(environment, request);
    if (!done.ok) throw new Error(`first run refused: ${done.error.message}`);
    // The per-command path: every record its own command, its own transaction.
    const runner = createCommandRunner(environment);
    const oneByOne: CommandBatch = {
      async run(name, args) {
        const result = await runner.run(name, args, done.value.session);
        if (!result.ok) throw new Error(`${name} refused: ${result.error.message}`);
        return result.value;
      },
    };
    await loadClinicPlan(oneByOne, plan);
  }
  const seconds = (performance.now() - started) / 1000;
  const report = { steps: clinicPlanSteps(plan) + 1, seconds, appointments: await db.appointments.count(), auditEntries: await db.audit.count() };
  db.close();
  return report;
}

declare global {
  interface Window {
    timedeskFirstRunBench: { load(dbName: string, now: number, oneTransaction: boolean): Promise<LoadReport> };
  }
}

window.timedeskFirstRunBench = { load };
