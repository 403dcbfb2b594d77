import { PatientDuplicateIndex } from '../patient-files';
import type { PatientImportDraft } from '../patient-files';
import { runCommandBatch } from './command-batch';
import type { CommandResult } from './command-result';
import { Refusal } from './run-command';
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
 * row. A row that has become a duplicate since the preview (the same
 * record number, or names and date of birth, as a patient now on the desk)
 * is refused `duplicate-id` the same way. Managers and admins only.
 *
 * @example await importPatientDrafts(env, manager, preview.drafts) // { ok: true, value: { patientIds: ['p9', 'p10'] } }
 */
export async function importPatientDrafts(env: CommandEnvironment, session: CommandSession, drafts: readonly PatientImportDraft[]): Promise<PatientImportResult> {
  if (!isManager(session)) return { ok: false, error: { code: 'not-permitted', field: 'session', message: 'Only a manager or admin can import a patients file.' } };
  if (drafts.length === 0) return { ok: false, error: { code: 'invalid-format', field: 'file', message: 'The file has no new patient to import.' } };
  let current: PatientImportDraft | undefined;
  const result = await runCommandBatch(env, session, async (batch) => {
    const patientIds: string[] = [];
    // The preview read the desk before; a patient registered since (here or synced from another
    // desk) is found again here, in the transaction, so no one is ever registered twice.
    const known = new PatientDuplicateIndex(await env.db.patients.toArray());
    for (const draft of drafts) {
      current = draft;
      const match = known.find(draft.args);
      if (match) {
        const whom = match.patientId === null ? `row ${String(match.row)}` : `patient "${match.patientId}"`;
        throw new Refusal({ code: 'duplicate-id', field: match.reason === 'same-record-number' ? 'mrn' : 'dateOfBirth', message: `Row ${draft.row} is the same patient as ${whom}.` });
      }
      known.add(draft.args, { patientId: null, row: draft.row });
      patientIds.push((await batch.run('patient/register', draft.args)).id);
    }
    return { patientIds };
  });
  if (!result.ok && current) return { ...result, row: current.row };
  return result;
}
