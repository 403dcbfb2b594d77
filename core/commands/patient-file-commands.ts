import { z } from 'zod';
import type { Patient } from '../model';
import { patientsCsv } from '../patient-files';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import { isManager } from './session';

const headerSchema = z.object({ mrn: z.string(), givenName: z.string(), familyName: z.string(), dateOfBirth: z.string(), phone: z.string(), email: z.string(), notes: z.string() });

/** What `patient-file/export` answers: the file, ready to download. */
export interface ExportedPatientFile {
  fileName: string;
  mimeType: 'text/csv';
  text: string;
  patientCount: number;
}

const byName = (a: Patient, b: Patient) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName) || a.id.localeCompare(b.id);

/** The patients file discloses every patient the desk knows, so writing it is a command that records who did it, when and how many. */
export const patientFileCommands = {
  /**
   * Writes every patient as a CSV (core/patient-files `patientsCsv`, the
   * audit CSV's safe writer), by family then given name, with the column
   * titles the caller passes in the desk's language. Managers and admins
   * only. The patients are read in the command's transaction, so the audit
   * matches the file: one `PATIENT_FILE_EXPORTED` entry with the count.
   * Audited, not synced.
   *
   * @example run('patient-file/export', { csvHeader: { mrn: 'Record number', … } }, manager) // { ok: true, value: { fileName: 'patients-2026-12-08.csv', patientCount: 2, … } }
   */
  'patient-file/export': defineCommand({
    args: z.object({ csvHeader: headerSchema }),
    sync: false,
    async run(scope, args) {
      if (!isManager(scope.session)) return refuse('not-permitted', 'session', 'Only a manager or admin can export the patients file.');
      const patients = (await scope.db.patients.toArray()).sort(byName);
      const date = scope.at.slice(0, 10);
      scope.audit({ action: 'PATIENT_FILE_EXPORTED', entityType: 'patient-file', entityId: date, changes: { format: { before: null, after: 'csv' }, patients: { before: null, after: patients.length } } });
      const value: ExportedPatientFile = { fileName: `patients-${date}.csv`, mimeType: 'text/csv', text: patientsCsv(patients, args.csvHeader), patientCount: patients.length };
      return { ok: true, value };
    },
  }),
};
