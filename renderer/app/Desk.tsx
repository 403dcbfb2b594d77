import { Suspense, lazy } from 'react';
import { text } from '../i18n';
import { AppointmentDialog } from '../appointment-dialog/AppointmentDialog';
import { useAppointmentDialog } from '../appointment-dialog/appointment-dialog-store';
import { BackupWarning } from '../backup/BackupWarning';
import { NeedsAttention } from '../needs-attention/NeedsAttention';
import { SyncSettings } from '../sync/SyncSettings';
import { DayView } from '../day-view/DayView';
import { DeskNavigation, allowedScreen } from '../navigation/DeskNavigation';
import { useDeskScreen } from '../navigation/desk-screen-store';
import { NoticeBar } from '../notices/NoticeBar';
import { PrintDaySheet } from '../print/PrintDaySheet';
import { ShortcutSheet } from '../shortcuts/ShortcutSheet';
import { useShortcutSheet } from '../shortcuts/shortcut-sheet-store';
import { useSession } from '../session/session-store';
import { useIdleLock } from '../session/useIdleLock';
import { StatusBar } from '../status-bar/StatusBar';

// The screens a manager opens now and then load on first use, so the day sheet — what every desk opens at
// 08:00 — parses only its own code (the reports' charts, the audit viewer, administration and backups were
// half of one 1.1 MB script).
const Administration = lazy(() => import('../admin/Administration').then((module) => ({ default: module.Administration })));
const AuditViewer = lazy(() => import('../audit-viewer/AuditViewer').then((module) => ({ default: module.AuditViewer })));
const BackupScreen = lazy(() => import('../backup/BackupScreen').then((module) => ({ default: module.BackupScreen })));
const ReportsScreen = lazy(() => import('../reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })));

/**
 * The signed-in desk: the day sheet, the dialogs it opens, the notice bar
 * and the status bar; it locks itself after the clinic's idle minutes.
 *
 * @example <Desk />
 */
export function Desk() {
  useIdleLock();
  const role = useSession((state) => state.staff?.role);
  const screen = allowedScreen(useDeskScreen((state) => state.screen), role);
  return (
    <div className="desk">
      <DeskNavigation />
      <main className="desk-main">
        {screen === 'day' ? <BackupWarning /> : null}
        <Suspense fallback={<p role="status" className="screen-loading">{text.app.loading}</p>}>
          {screen === 'admin' ? <Administration /> : screen === 'audit' ? <AuditViewer /> : screen === 'sync' ? <SyncSettings /> : screen === 'attention' ? <NeedsAttention /> : screen === 'backups' ? <BackupScreen /> : screen === 'reports' ? <ReportsScreen /> : <DayView />}
        </Suspense>
      </main>
      <NoticeBar />
      <StatusBar />
      {screen === 'day' ? <PrintDaySheet /> : null}
      <OpenAppointmentDialog />
      <OpenShortcutSheet />
    </div>
  );
}

// The dialogs subscribe to their stores in components of their own: were Desk subscribed, opening one
// would re-render the whole day sheet (480 bookings on a busy day) before the dialog could paint.
function OpenAppointmentDialog() {
  const draft = useAppointmentDialog((state) => state.draft);
  const closeDialog = useAppointmentDialog((state) => state.close);
  return draft ? <AppointmentDialog key={`${draft.date}-${draft.minute}-${draft.resourceIds.join()}`} draft={draft} onClose={closeDialog} /> : null;
}

function OpenShortcutSheet() {
  const sheetOpen = useShortcutSheet((state) => state.open);
  const closeSheet = useShortcutSheet((state) => state.close);
  return sheetOpen ? <ShortcutSheet onClose={closeSheet} /> : null;
}
