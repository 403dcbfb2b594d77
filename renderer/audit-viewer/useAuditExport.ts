import { useCallback, useState } from 'react';
import type { AuditChainReport } from '../../core/audit';
import type { SaveOutcome } from '../desktop/desktop-bridge';
import { useAppData } from '../data/useAppData';
import { problemSentence, text } from '../i18n';
import { useSession } from '../session/session-store';
import type { AuditSelection } from './audit-filter';
import { exportAuditFiles } from './audit-export';
import type { AuditExportFiles } from './audit-export';
import { saveExportFile } from './save-export-file';

/** Where an export is: not started, running, finished (with both files), or refused. */
export type AuditExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; files: AuditExportFiles; csv: SaveOutcome; manifest: SaveOutcome | null }
  | { status: 'failed'; message: string };

const csvFilter = { name: 'CSV', extensions: ['csv'] };
const manifestFilter = { name: 'JSON', extensions: ['json'] };

/**
 * "Export CSV" through core/commands' `exportAuditLog`: it verifies the
 * stored chain first (the report goes to `onChainReport`, so the screen shows
 * what the export saw), streams the selected entries into a CSV with its
 * manifest and records the export as AUDIT_EXPORTED; then the CSV is saved (desktop save dialog, or a browser
 * download). The manifest is offered afterwards with `saveManifest()`, a
 * second user action, since browsers hold back a second automatic download.
 *
 * @example const { state, exportCsv, saveManifest } = useAuditExport(chain.show);
 */
export function useAuditExport(onChainReport: (report: AuditChainReport) => void) {
  const data = useAppData();
  const staff = useSession((session) => session.staff);
  const [state, setState] = useState<AuditExportState>({ status: 'idle' });

  const exportCsv = useCallback(
    async (selection: AuditSelection) => {
      if (!staff) return;
      setState({ status: 'working' });
      try {
        const session = { staffId: staff.staffId, displayName: staff.displayName, role: staff.role };
        const exported = await exportAuditFiles(data.auth, session, selection, data.auth.clock());
        if (!exported.ok) {
          setState({ status: 'failed', message: 'field' in exported.error ? problemSentence(exported.error) : exported.error.message });
          return;
        }
        const files = exported.value;
        onChainReport(files.chain);
        const csv = await saveExportFile({ name: files.csvName, parts: files.csvParts, mimeType: 'text/csv', filter: csvFilter });
        setState({ status: 'done', files, csv, manifest: null });
      } catch {
        setState({ status: 'failed', message: text.app.unexpectedError });
      }
    },
    [data, staff, onChainReport],
  );

  const saveManifest = useCallback(async () => {
    if (state.status !== 'done') return;
    const manifest = await saveExportFile({ name: state.files.manifestName, parts: [state.files.manifestText], mimeType: 'application/json', filter: manifestFilter });
    setState({ ...state, manifest });
  }, [state]);

  return { state, exportCsv, saveManifest };
}
