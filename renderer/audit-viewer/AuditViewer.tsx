import { useMemo, useState } from 'react';
import type { Patient } from '../../core/model';
import { useClinic } from '../data/useClinic';
import { todayIn } from '../dates/calendar-dates';
import { errorsFor } from '../forms/field-errors';
import { FormError } from '../forms/FormError';
import { clinicFormat, text } from '../i18n';
import { useAllResources } from '../admin/useAllResources';
import { useStaffMembers } from '../admin/useStaffMembers';
import { weekdayNames } from '../admin/week-hours';
import { auditSelection, emptyAuditFilter } from './audit-filter';
import type { AuditFilterForm, AuditSelection } from './audit-filter';
import { AuditFilters } from './AuditFilters';
import { AuditList } from './AuditList';
import { ChainStatus } from './ChainStatus';
import { useAuditEntries } from './useAuditEntries';
import { useAuditExport } from './useAuditExport';
import type { AuditExportState } from './useAuditExport';
import { useChainStatus } from './useChainStatus';
import './audit-viewer.css';

/** A refused or failed export is a problem, not progress: it is announced as one, like any form's. */
function exportProblem(state: AuditExportState): string | undefined {
  if (state.status === 'failed') return state.message;
  if (state.status === 'done' && state.csv.outcome === 'refused') return state.csv.message;
  return undefined;
}

/**
 * The audit log screen: the stored chain's verification, filters (dates,
 * staff member, action, patient), the entries newest first in a virtual
 * list, and "Export CSV" of exactly what the filters select (verified
 * first, itself audited, manifest offered alongside).
 *
 * @example <AuditViewer />
 */
export function AuditViewer() {
  const words = text.auditViewer;
  const clinic = useClinic();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const staff = useStaffMembers() ?? [];
  const weekdays = useMemo(() => weekdayNames(clinic.locale), [clinic.locale]);
  const resources = useAllResources();
  const names = useMemo(
    () => new Map([...staff.map((member) => [member.id, member.displayName] as const), ...(resources ?? []).map((resource) => [resource.id, resource.name] as const)]),
    [staff, resources],
  );
  const [form, setForm] = useState<AuditFilterForm>(emptyAuditFilter);
  const [patient, setPatient] = useState<Patient | null>(null);
  const checked = auditSelection({ ...form, patientId: patient?.id ?? '' }, clinic.timeZone);
  // A backwards date range keeps showing the last good selection while its field says what is wrong.
  const [lastGood, setLastGood] = useState<AuditSelection>({});
  const selection = checked.ok ? checked.value : lastGood;
  if (checked.ok && JSON.stringify(checked.value) !== JSON.stringify(lastGood)) setLastGood(checked.value);
  const errors = checked.ok ? {} : errorsFor(checked.error, ['fromDate', 'toDate']);

  const { chain, recheck, verifyWhole, show } = useChainStatus();
  const list = useAuditEntries(selection);
  const exporter = useAuditExport(show);
  const state = exporter.state;

  return (
    <section className="audit-viewer" aria-labelledby="audit-title">
      <header className="audit-header-bar">
        <h1 id="audit-title">{words.title}</h1>
        <ChainStatus chain={chain} format={format} onRecheck={recheck} onVerifyWhole={verifyWhole} />
      </header>
      <AuditFilters form={form} onChange={setForm} staff={staff} patient={patient} onPatient={setPatient} errors={errors} />
      <div className="audit-export">
        <button type="button" className="primary" onClick={() => void exporter.exportCsv(selection)} disabled={state.status === 'working' || !checked.ok}>
          {state.status === 'working' ? words.exporting : words.exportCsv}
        </button>
        <p role="status" className="audit-export-result">
          {state.status === 'done' && state.csv.outcome !== 'cancelled' && state.csv.outcome !== 'refused' ? words.exported(state.files.manifest.rows, state.csv.fileName) : null}
          {state.status === 'done' && state.csv.outcome === 'cancelled' ? words.exportCancelled : null}
        </p>
        <FormError message={exportProblem(state)} />
        {state.status === 'done' && (state.csv.outcome === 'saved' || state.csv.outcome === 'downloaded') ? (
          <button type="button" onClick={() => void exporter.saveManifest()}>
            {state.manifest && state.manifest.outcome !== 'cancelled' ? words.manifestSaved : words.saveManifest(state.files.manifestName)}
          </button>
        ) : null}
        <span className="audit-count muted" data-testid="audit-count">{list.loading ? text.app.loading : words.shown(list.entries.length, list.hasMore)}</span>
      </div>
      <FormError message={list.failed ? words.loadFailed : undefined} />
      {!list.loading && list.entries.length === 0 ? <p className="audit-empty">{words.empty}</p> : null}
      <AuditList entries={list.entries} hasMore={list.hasMore} loadMore={list.loadMore} format={format} dateOf={(instant) => todayIn(clinic.timeZone, instant)} names={names} weekdayNames={weekdays} />
    </section>
  );
}
