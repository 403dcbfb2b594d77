import { auditActions } from '../../core/audit';
import type { AuditAction } from '../../core/audit';
import type { Patient, StaffMember } from '../../core/model';
import { Field } from '../forms/Field';
import { text } from '../i18n';
import type { AuditFilterForm } from './audit-filter';
import { AuditPatientFilter } from './AuditPatientFilter';

/** Props of {@link AuditFilters}. */
export interface AuditFiltersProps {
  form: AuditFilterForm;
  onChange(form: AuditFilterForm): void;
  staff: readonly StaffMember[];
  patient: Patient | null;
  onPatient(patient: Patient | null): void;
  /** Sentences by field (`toDate` when the range is backwards). */
  errors: Record<string, string>;
}

/**
 * The audit screen's filters: first and last day (on the clinic's calendar),
 * staff member, action and patient. Each applies as soon as it changes.
 *
 * @example <AuditFilters form={form} onChange={setForm} staff={staff} patient={patient} onPatient={setPatient} errors={{}} />
 */
export function AuditFilters({ form, onChange, staff, patient, onPatient, errors }: AuditFiltersProps) {
  const words = text.auditViewer;
  const sortedActions = [...auditActions].sort((left, right) => text.auditActions[left].localeCompare(text.auditActions[right]));
  return (
    <form className="audit-filters" aria-label={words.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <Field label={words.fromDate} error={errors['fromDate']}>
        <input type="date" value={form.fromDate} onChange={(event) => onChange({ ...form, fromDate: event.target.value })} />
      </Field>
      <Field label={words.toDate} error={errors['toDate']}>
        <input type="date" value={form.toDate} onChange={(event) => onChange({ ...form, toDate: event.target.value })} />
      </Field>
      <Field label={words.staffMember}>
        <select value={form.staffId} onChange={(event) => onChange({ ...form, staffId: event.target.value })}>
          <option value="">{words.anyStaff}</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.displayName}
            </option>
          ))}
        </select>
      </Field>
      <Field label={words.action}>
        <select value={form.action} onChange={(event) => onChange({ ...form, action: event.target.value as AuditAction | '' })}>
          <option value="">{words.anyAction}</option>
          {sortedActions.map((action) => (
            <option key={action} value={action}>
              {text.auditActions[action]}
            </option>
          ))}
        </select>
      </Field>
      <AuditPatientFilter patient={patient} onChoose={onPatient} />
    </form>
  );
}
