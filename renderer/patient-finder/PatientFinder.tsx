import { useMemo, useState } from 'react';
import type { Patient } from '../../core/model';
import type { CalendarItem } from '../../core/queries';
import { PatientPicker } from '../appointment-dialog/PatientPicker';
import { ConsentSection } from '../consent/ConsentSection';
import { useNow } from '../app/useNow';
import { useClinic } from '../data/useClinic';
import { useCommand } from '../data/useCommand';
import { usePatientAppointments } from '../data/usePatientAppointments';
import { todayIn } from '../dates/calendar-dates';
import { useDayView } from '../day-view/day-view-store';
import { Modal } from '../dialog/Modal';
import { clinicFormat, text } from '../i18n';

/** The fields of a calendar item the list shows. */
function visitOf(item: CalendarItem) {
  return item.kind === 'appointment' ? item.appointment : item.occurrence;
}

/**
 * "Find patient" (`/`): search by name, phone, date of birth or record
 * number, then see the patient's visits from three months back to a year
 * ahead; choosing one opens its day with it selected. Below them, the
 * patient's contact consent, shown and recorded there (renderer/consent).
 * Opening a patient is recorded (`patient/view`), as any look at a
 * patient's record is.
 *
 * @example <PatientFinder onClose={close} />
 */
export function PatientFinder({ onClose }: { onClose(): void }) {
  const clinic = useClinic();
  const format = useMemo(() => clinicFormat(clinic.locale, clinic.timeZone), [clinic.locale, clinic.timeZone]);
  const now = useNow();
  const run = useCommand();
  const setDate = useDayView((state) => state.setDate);
  const select = useDayView((state) => state.select);
  const [patient, setPatient] = useState<Patient | null>(null);
  const visits = usePatientAppointments(patient?.id ?? null, now);

  function choose(chosen: Patient | null) {
    setPatient(chosen);
    if (chosen) void run('patient/view', { patientId: chosen.id });
  }

  function open(item: CalendarItem) {
    const visit = visitOf(item);
    setDate(todayIn(clinic.timeZone, Date.parse(visit.start)));
    select(visit.id);
    onClose();
  }

  return (
    <Modal title={text.finder.title} onClose={onClose} className="modal-wide">
      <div className="modal-body">
        <PatientPicker patient={patient} onChoose={choose} format={format} />
        {patient ? (
          <section aria-label={text.finder.visits} data-testid="patient-visits">
            <h3>{text.finder.visits}</h3>
            {visits === undefined ? <p role="status">{text.app.loading}</p> : null}
            {visits && visits.length === 0 ? <p>{text.finder.none}</p> : null}
            <ul className="visit-list">
              {(visits ?? []).map((item) => {
                const visit = visitOf(item);
                const start = Date.parse(visit.start);
                return (
                  <li key={visit.id}>
                    <button type="button" className={`visit status-${visit.status}${start < now ? ' past' : ''}`} onClick={() => open(item)}>
                      <span>{format.dateTime(start)}</span>
                      <span>{visit.visitReason ?? ''}</span>
                      <span className={`status-pill status-${visit.status}`}>{text.statuses[visit.status]}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {patient ? <ConsentSection patient={patient} format={format} /> : null}
      </div>
    </Modal>
  );
}
