import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Patient } from '../../core/model';
import { usePatientSearch } from '../data/usePatientSearch';
import type { ClinicFormat } from '../i18n';
import { text } from '../i18n';

/** Props of {@link PatientPicker}. */
export interface PatientPickerProps {
  patient: Patient | null;
  onChoose(patient: Patient | null): void;
  /** Offers "Register a new patient" when given. */
  onRegister?: (typed: string) => void;
  format: ClinicFormat;
  error?: string | undefined;
}

/**
 * Patient typeahead (ARIA combobox with a listbox): type part of a name, a
 * phone number, a date of birth or a record number; ↑/↓ move, Enter picks.
 * The chosen patient shows as a card with a "Change" button.
 *
 * @example <PatientPicker patient={patient} onChoose={setPatient} onRegister={startRegistration} format={format} />
 */
export function PatientPicker({ patient, onChoose, onRegister, format, error }: PatientPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = usePatientSearch(patient ? '' : query);
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const open = !patient && query.trim().length >= 2;
  const options = matches ?? [];

  if (patient) {
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>
          {text.fields.patient}
        </span>
        <div className="patient-card" aria-labelledby={`${id}-label`} data-testid="chosen-patient">
          <strong>{text.patientName(patient)}</strong>
          <span>{text.dialog.born(format.mediumDate(patient.dateOfBirth))}</span>
          {patient.phone ? <span>{patient.phone}</span> : null}
          <button type="button" onClick={() => onChoose(null)}>
            {text.dialog.changePatient}
          </button>
        </div>
      </div>
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!open) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = options[active];
      if (chosen) onChoose(chosen);
    }
  }

  return (
    <div className={`field patient-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{text.dialog.patientSearch}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-describedby={`${id}-hint${error ? ` ${errorId}` : ''}`}
        aria-invalid={error ? true : undefined}
        value={query}
        onChange={(event) => (setQuery(event.target.value), setActive(0))}
        onKeyDown={onKeyDown}
        autoComplete="off"
        data-autofocus
      />
      <p className="field-hint" id={`${id}-hint`}>
        {text.dialog.patientSearchHint}
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <ul id={listId} role="listbox" className="patient-options" hidden={!open} aria-label={text.dialog.patientSearch}>
        {options.map((match, index) => (
          <li
            key={match.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : ''}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(match)}
          >
            <strong>{text.patientName(match)}</strong> <span>{format.mediumDate(match.dateOfBirth)}</span>
            {match.phone ? <span> · {match.phone}</span> : null}
            {match.mrn ? <span> · {match.mrn}</span> : null}
          </li>
        ))}
      </ul>
      {open && matches && matches.length === 0 ? <p className="field-hint">{text.dialog.noPatients}</p> : null}
      {onRegister ? (
        <button type="button" className="link-button" onClick={() => onRegister(query)}>
          {text.dialog.registerNew}
        </button>
      ) : null}
    </div>
  );
}
