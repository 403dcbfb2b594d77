import { useMemo } from 'react';
import { text } from '../i18n';
import { deskZone, sameZone } from './desk-zone';
import { currentZoneName, zoneOffsetLabel } from './zone-choices';
import './zone-locale.css';

/**
 * A line on the day view when the clinic keeps another clock than this
 * computer (a laptop set to New York at a London clinic): the sheet, "today"
 * and the now-line are the clinic's, so a receptionist reading the
 * computer's clock is told, with both offsets. Nothing when they agree.
 *
 * @example <ClinicClockNote clinicZone={clinic.timeZone} now={now} />
 */
export function ClinicClockNote({ clinicZone, now }: { clinicZone: string; now: number }) {
  const desk = useMemo(deskZone, []);
  if (sameZone(desk, clinicZone)) return null;
  return (
    <p className="clinic-clock-note" role="note" data-testid="clinic-clock-note">
      {text.zonePicker.clinicClock(clinicZone.replaceAll('_', ' '), zoneOffsetLabel(clinicZone, now), currentZoneName(desk).replaceAll('_', ' '), zoneOffsetLabel(desk, now))}
    </p>
  );
}
