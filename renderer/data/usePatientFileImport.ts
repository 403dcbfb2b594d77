import { useCallback } from 'react';
import { importPatientDrafts } from '../../core/commands';
import type { PatientImportResult } from '../../core/commands';
import { patientImportPreview } from '../../core/patient-files';
import type { PatientColumns, PatientCsvRow, PatientImportDraft, PatientImportPreview } from '../../core/patient-files';
import { todayIn } from '../dates/calendar-dates';
import { useSession } from '../session/session-store';
import { useAppData } from './useAppData';
import { useClinic } from './useClinic';

/**
 * The patients Import panel's two steps: `preview` checks the mapped rows
 * against the patients on this desk and today on the clinic's clock
 * (core/patient-files `patientImportPreview`, nothing written) and
 * `importDrafts` registers the previewed drafts through core/commands in
 * one all-or-nothing batch as the signed-in staff member.
 *
 * @example const { preview, importDrafts } = usePatientFileImport(); const shown = await preview(rows, columns);
 */
export function usePatientFileImport() {
  const data = useAppData();
  const clinic = useClinic();
  const staff = useSession((state) => state.staff);
  const preview = useCallback(
    async (rows: readonly PatientCsvRow[], columns: PatientColumns): Promise<PatientImportPreview> => patientImportPreview(rows, columns, await data.db.patients.toArray(), todayIn(clinic.timeZone, Date.now())),
    [data.db, clinic.timeZone],
  );
  const importDrafts = useCallback(
    (drafts: readonly PatientImportDraft[]): Promise<PatientImportResult> => {
      if (!staff) throw new Error('Importing needs a signed-in staff member.');
      return importPatientDrafts(data.auth, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role }, drafts);
    },
    [data.auth, staff],
  );
  return { preview, importDrafts };
}
