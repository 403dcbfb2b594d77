import { useState } from 'react';
import { isManager } from '../../core/commands';
import { useClinic } from '../data/useClinic';
import { clinicFormat, text } from '../i18n';
import { useSession } from '../session/session-store';
import { useDeskNames } from '../sync/useDeskNames';
import type { OpenConflict, ConflictAppointment } from './open-conflicts';
import { ResolveDialog } from './ResolveDialog';
import type { ResolveMode } from './ResolveDialog';

/**
 * One double booking: what was booked twice, each appointment (patient,
 * time, provider or room, status) with "Reschedule" and "Cancel this one",
 * the desks involved by name ("booked on this desk (Front desk 1), Front
 * desk 2"), and "Keep both" for managers.
 *
 * @example <ConflictCard conflict={conflict} />
 */
export function ConflictCard({ conflict }: { conflict: OpenConflict }) {
  const { locale, timeZone } = useClinic();
  const format = clinicFormat(locale, timeZone);
  const staff = useSession((state) => state.staff);
  const [open, setOpen] = useState<{ mode: ResolveMode; appointment: ConflictAppointment | null } | null>(null);
  const words = text.needsAttention;
  const title = conflict.resourceName ? words.conflictTitle(conflict.resourceName) : words.samePatient;
  const deskNames = useDeskNames();
  // Desks by the names they enrolled under ("Front desk 2"); the id only while the server has not named one yet.
  const desks = conflict.desks
    .map((desk) => {
      const name = deskNames[desk.id]?.trim();
      if (desk.own) return name ? `${words.thisDesk} (${name})` : words.thisDesk;
      return name ? words.otherDesk(name) : words.unnamedDesk(desk.id);
    })
    .join(', ');
  return (
    <article className="conflict-card" aria-label={title} data-testid="conflict-card">
      <h2>{title}</h2>
      <p className="conflict-desks">{words.bookedOn(desks)}</p>
      <ul className="conflict-appointments">
        {conflict.appointments.map((appointment) => (
          <li key={appointment.id} data-testid="conflict-appointment">
            {appointment.start === null ? (
              <span className="conflict-missing">{words.missingAppointment}</span>
            ) : (
              <>
                <span className="conflict-patient">{appointment.patientName ?? words.unknownPatient}</span>
                <span>
                  {format.dateTime(appointment.start)}
                  {appointment.end === null ? '' : `–${format.time(appointment.end)}`}
                </span>
                <span>{appointment.resourceNames.join(', ')}</span>
                <span>{appointment.status ? text.statuses[appointment.status] : ''}</span>
                {appointment.holdsSlot ? (
                  <span className="conflict-actions">
                    {appointment.status === 'booked' ? (
                      <button type="button" onClick={() => setOpen({ mode: 'reschedule', appointment })}>
                        {words.reschedule}
                      </button>
                    ) : null}
                    <button type="button" onClick={() => setOpen({ mode: 'cancel', appointment })}>
                      {words.cancel}
                    </button>
                  </span>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {staff && isManager(staff) ? (
        <button type="button" onClick={() => setOpen({ mode: 'keep-both', appointment: null })}>
          {words.keepBoth}
        </button>
      ) : null}
      {open ? <ResolveDialog conflict={conflict} mode={open.mode} appointment={open.appointment} onClose={() => setOpen(null)} /> : null}
    </article>
  );
}
