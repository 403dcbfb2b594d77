import type { PatientImportDraft } from '../patient-files';
import { runCommandBatch } from './command-batch';
import type { CommandResult } from './command-result';
import type { CommandEnvironment } from './run-command';
import { isManager } from './session';
import type { CommandSession } from './session';

/** What an import registered: the new patients' ids, in file order. */
export interface ImportedPatientFile {
  patientIds: string[];
}

/** A refused import names the file row that stopped it beside the command's own error. */
export type PatientImportResult = CommandResult<ImportedPatientFile> | { ok: false; error: { code: string; field: string; message: string }; row: number };

/**
 * Registers a previewed file's drafts (core/patient-files
 * `patientImportPreview`) as `patient/register` commands in ONE batch:
 * each validated, audited (`PATIENT_REGISTERED`) and queued for sync as if
 * typed in, and the first refusal leaves the desk as it was, naming the
 * row. Managers and admins only.
 *
 * @example await importPatientDrafts(env, manager, preview.drafts) // { ok: true, value: { patientIds: ['p9', 'p10'] } }
 */
export async function importPatientDrafts(env: CommandEnvironment, session: CommandSession, drafts: readonly PatientImportDraft[]): Promise<PatientImportResult> {
  if (!isManager(session)) return { ok: false, error: { code: 'not-permitted', field: 'session', message: 'Only a manager or admin can import a patients file.' } };
  if (drafts.length === 0) return { ok: false, error: { code: 'invalid-format', field: 'file', message: 'The file has no new patient to import.' } };
  let current: PatientImportDraft | undefined;
  const result = await runCommandBatch(env, session, async (batch) => {
    const patientIds: string[] = [];
    for (const draft of drafts) {
      current = draft;
      patientIds.push((await batch.run('patient/register', draft.args)).id);
    }
    return { patientIds };
  });
  if (!result.ok && current) return { ...result, row: current.row };
  return result;
}
