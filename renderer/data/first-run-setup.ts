import { z } from 'zod';
import { minimumPassphraseLength, setUpFirstRun } from '../../core/auth';
import type { CommandError } from '../../core/commands';
import { clinicLocaleSchema, parseWith, staffMemberSchema, timeZoneSchema } from '../../core/model';
import type { StaffMember } from '../../core/model';
import { ValidationError } from '../../core/validation';
import type { ValidationProblem } from '../../core/validation';
import { clinicPlanSteps, emptyClinicPlan, loadClinicPlan, weekdayHours } from '../../core/clinic-plan';
import type { ClinicPlan } from '../../core/clinic-plan';
import { sampleClinic } from './sample-clinic';
import { weeklyRuleEpoch } from '../../core/schedule';
import type { AppData } from './app-database';

/** What the first-run screen collects. */
export interface FirstRunInput {
  clinicName: string;
  timeZone: string;
  locale: string;
  adminDisplayName: string;
  adminUsername: string;
  passphrase: string;
  passphraseAgain: string;
  /** Names of the clinic's providers and rooms, one per entry; blanks are skipped. */
  providerNames: readonly string[];
  roomNames: readonly string[];
  /** Load the sample clinic (sample-clinic.ts) instead of the named providers and rooms. */
  sample?: boolean;
}

/** A refusal from setup: a field problem, or a command error from the engine. */
export type FirstRunResult = { ok: true; admin: StaffMember } | { ok: false; error: ValidationProblem | CommandError };

const firstRunSchema = z.object({
  clinicName: z.string().trim().min(1).max(120),
  timeZone: timeZoneSchema,
  locale: clinicLocaleSchema,
  adminDisplayName: z.string().trim().min(1).max(120),
  adminUsername: staffMemberSchema.shape.username,
  passphrase: z.string(),
  passphraseAgain: z.string(),
  providerNames: z.array(z.string().trim().max(120)),
  roomNames: z.array(z.string().trim().max(120)),
  sample: z.boolean().optional(),
});

function problem(code: ValidationProblem['code'], field: string, message: string): { ok: false; error: ValidationProblem } {
  return { ok: false, error: new ValidationError(code, field, message).toJSON() };
}

/**
 * Checks the first-run form without storing anything: every field, the
 * passphrase length and that both copies match. Returns the first problem.
 *
 * @example checkFirstRun({ ...form, passphraseAgain: 'typo' }) // { ok: false, error: { code: 'invalid-format', field: 'passphraseAgain', … } }
 */
export function checkFirstRun(input: FirstRunInput): { ok: true; value: z.output<typeof firstRunSchema> } | { ok: false; error: ValidationProblem } {
  let value: z.output<typeof firstRunSchema>;
  try {
    value = parseWith(firstRunSchema, input);
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: error.toJSON() };
    throw error;
  }
  if (value.passphrase.trim().length < minimumPassphraseLength) {
    return problem('too-short', 'passphrase', `The passphrase must be at least ${minimumPassphraseLength} characters.`);
  }
  if (value.passphrase !== value.passphraseAgain) return problem('invalid-format', 'passphraseAgain', 'The two passphrases differ.');
  return { ok: true, value };
}

/** The engine's field names for first run, as the form names them (so a refusal shows beside the right input). */
const formFieldOf: Record<string, string> = {
  'clinic.name': 'clinicName',
  'clinic.timeZone': 'timeZone',
  'clinic.locale': 'locale',
  'admin.displayName': 'adminDisplayName',
  'admin.username': 'adminUsername',
  setup: 'clinicName',
};

/**
 * True until first run has created the first admin (with their passphrase:
 * core/commands' `setup/first-run` stores both at once).
 *
 * @example if (await needsFirstRun(db)) showFirstRun();
 */
export async function needsFirstRun(data: Pick<AppData, 'db'>): Promise<boolean> {
  return (await data.db.staffCredentials.count()) === 0;
}

/**
 * The clinic first run stores besides its settings and admin: the named
 * providers and rooms, each with Mon–Fri 09:00–17:00 hours (so the day view
 * shows working hours at once) — or the sample clinic.
 *
 * @example firstRunClinic({ providerNames: ['Dr Lee'], roomNames: [], timeZone: 'Europe/London' }, Date.now(), randomId).resources // [{ kind: 'provider', name: 'Dr Lee', … }]
 */
export function firstRunClinic(form: Pick<FirstRunInput, 'providerNames' | 'roomNames' | 'timeZone' | 'sample'>, now: number, newId: () => string): ClinicPlan {
  if (form.sample) return sampleClinic({ now, timeZone: form.timeZone, newId }).plan;
  const resources = [
    ...form.providerNames.filter(Boolean).map((name) => ({ id: newId(), kind: 'provider' as const, name, timeZone: form.timeZone })),
    ...form.roomNames.filter(Boolean).map((name) => ({ id: newId(), kind: 'room' as const, name, timeZone: form.timeZone })),
  ];
  // From the same Monday in 2000 as upgraded weekday rules: a new clinic's usual hours have no start,
  // so visits entered for earlier days (a clinic moving its book over) are inside them too.
  return { ...emptyClinicPlan, resources, hours: weekdayHours(resources.map((resource) => resource.id), weeklyRuleEpoch, '09:00', '17:00', newId) };
}

/**
 * Sets up a new clinic in ONE transaction, all or nothing: core/auth's
 * `setUpFirstRun` hashes the passphrase (outside any transaction), then
 * stores the clinic settings and the first admin with their passphrase
 * (`setup/first-run`, audited `CLINIC_CREATED` + `STAFF_SAVED` by the new
 * admin) and, acting as that admin in the same transaction, the clinic of
 * {@link firstRunClinic} through core/clinic-plan's `loadClinicPlan` (every
 * record through its own command: checked, audited, queued for sync). A
 * window closed half-way leaves a fresh desk: first run starts again.
 * `onProgress(done, total)` counts the commands as they run. Refuses when
 * the clinic is already set up.
 *
 * @example await setUpClinic(data, { clinicName: 'Northside', timeZone: 'America/New_York', locale: 'en-US', … }, (done, total) => bar(done / total))
 */
export async function setUpClinic(data: AppData, input: FirstRunInput, onProgress?: (done: number, total: number) => void): Promise<FirstRunResult> {
  const checked = checkFirstRun(input);
  if (!checked.ok) return checked;
  const form = checked.value;
  if (!(await needsFirstRun(data))) return problem('not-permitted', 'clinicName', 'This clinic is already set up; sign in instead.');

  const clinic = firstRunClinic(form, data.auth.clock(), data.auth.newId);
  // The first run's own command is step 1.
  const total = clinicPlanSteps(clinic) + 1;
  onProgress?.(0, total);
  const created = await setUpFirstRun(
    data.auth,
    {
      clinic: { name: form.clinicName, timeZone: form.timeZone, locale: form.locale },
      admin: { id: data.auth.newId(), displayName: form.adminDisplayName, username: form.adminUsername },
      passphrase: form.passphrase,
    },
    (batch) => loadClinicPlan(batch, clinic),
    onProgress ? { onStep: (done) => onProgress(done + 1, total) } : {},
  );
  if (!created.ok) {
    const { error } = created;
    const field = 'field' in error ? formFieldOf[error.field] : undefined;
    return { ok: false, error: field && 'field' in error ? { ...error, field } : error };
  }
  return { ok: true, admin: created.value.admin };
}
