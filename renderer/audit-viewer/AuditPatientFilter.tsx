import { useId, useState } from 'react';
import type { Patient } from '../../core/model';
import { usePatientSearch } from '../data/usePatientSearch';
import { text } from '../i18n';

/** Props of {@link AuditPatientFilter}. */
export interface AuditPatientFilterProps {
  patient: Patient | null;
  onChoose(patient: Patient | null): void;
}

/**
 * The patient filter: type part of a name, phone, date of birth or record
 * number and pick from the matches (buttons, so Tab and Enter work); the
 * chosen patient shows with a "Clear" button.
 *
 * @example <AuditPatientFilter patient={patient} onChoose={setPatient} />
 */
export function AuditPatientFilter({ patient, onChoose }: AuditPatientFilterProps) {
  const words = text.auditViewer;
  const [query, setQuery] = useState('');
  const matches = usePatientSearch(patient ? '' : query) ?? [];
  const id = useId();
  if (patient) {
    return (
      <div className="field audit-patient">
        <span className="field-label" id={`${id}-label`}>
          {text.fields.patient}
        </span>
        <div className="audit-chosen" aria-labelledby={`${id}-label`} data-testid="audit-patient">
          <span>{text.patientName(patient)}</span>
          <button type="button" className="link-button" onClick={() => onChoose(null)}>
            {words.clearPatient}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="field audit-patient">
      <label htmlFor={id}>{text.fields.patient}</label>
      <input id={id} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={words.patientPlaceholder} autoComplete="off" />
      {query.trim().length >= 2 ? (
        <ul className="audit-patient-matches" aria-label={words.patientMatches}>
          {matches.length === 0 ? <li className="muted">{text.dialog.noPatients}</li> : null}
          {matches.map((match) => (
            <li key={match.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setQuery('');
                  onChoose(match);
                }}
              >
                {text.patientName(match)} · {match.dateOfBirth}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
