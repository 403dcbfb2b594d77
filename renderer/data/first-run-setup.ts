import { z } from 'zod';
import { minimumPassphraseLength, setUpFirstRun } from '../../core/auth';
import type { CommandError } from '../../core/commands';
import { addCodedIssue, parseWith, staffMemberSchema, timeZoneSchema } from '../../core/model';
import type { StaffMember } from '../../core/model';
import { ValidationError } from '../../core/validation';
import type { ValidationProblem } from '../../core/validation';
import { randomId } from './app-database';
import { weekdayHours } from '../schedule/starting-hours';
import { loadSampleClinic } from './sample-clinic';
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


const localeSchema = z.string().superRefine((text, context) => {
  try {
    if (Intl.getCanonicalLocales(text).length === 1) return;
  } catch {
    // fall through: not a BCP 47 tag
  }
  addCodedIssue(context, 'invalid-format', `"${text}" is not a language tag like en-US.`);
});

const firstRunSchema = z.object({
  clinicName: z.string().trim().min(1).max(120),
  timeZone: timeZoneSchema,
  locale: localeSchema,
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
 * Sets up a new clinic: its settings, the first admin and their passphrase
 * through core/auth's `setUpFirstRun` (the passphrase hashed outside any
 * transaction, then core/commands' `setup/first-run` stores all three in one
 * transaction, audited `CLINIC_CREATED` + `STAFF_SAVED` by the new admin);
 * then, acting as that admin, the named providers and rooms with Mon–Fri
 * 09:00–17:00 hours (`resource/save`, `availability/save`) — or, when
 * `sample` is set, the sample clinic (see sample-clinic.ts). Refuses when the
 * clinic is already set up. The first-run screen stays up until this
 * returns (renderer/first-run's progress flag), although the stored
 * passphrase already ends first run.
 *
 * @example await setUpClinic(data, { clinicName: 'Northside', timeZone: 'America/New_York', locale: 'en-US', … })
 */
export async function setUpClinic(data: AppData, input: FirstRunInput, onProgress?: (done: number, total: number) => void): Promise<FirstRunResult> {
  const checked = checkFirstRun(input);
  if (!checked.ok) return checked;
  const form = checked.value;
  if (!(await needsFirstRun(data))) return problem('not-permitted', 'clinicName', 'This clinic is already set up; sign in instead.');

  const created = await setUpFirstRun(data.auth, {
    clinic: { name: form.clinicName, timeZone: form.timeZone, locale: form.locale },
    admin: { id: data.auth.newId(), displayName: form.adminDisplayName, username: form.adminUsername },
    passphrase: form.passphrase,
  });
  if (!created.ok) {
    const { error } = created;
    const field = 'field' in error ? formFieldOf[error.field] : undefined;
    return { ok: false, error: field && 'field' in error ? { ...error, field } : error };
  }
  const { session, admin } = created.value;

  if (form.sample) {
    await loadSampleClinic(data, session, { now: data.auth.clock(), timeZone: form.timeZone, ...(onProgress ? { onProgress } : {}) });
  }
  const named = [
    ...form.providerNames.filter(Boolean).map((name) => ({ kind: 'provider' as const, name })),
    ...form.roomNames.filter(Boolean).map((name) => ({ kind: 'room' as const, name })),
  ];
  const resources = form.sample ? [] : named;
  for (const resource of resources) {
    const saved = await data.commands.run('resource/save', { ...resource, timeZone: form.timeZone }, session);
    if (!saved.ok) return saved;
    // Mon–Fri 09:00–17:00, so the day view shows working hours at once.
    const hours = await data.commands.run('schedule/save-block', { block: { ...weekdayHours(saved.value.id, form.timeZone, data.auth.clock(), '09:00', '17:00'), id: randomId() } }, session);
    if (!hours.ok) return hours;
  }
  return { ok: true, admin };
}
