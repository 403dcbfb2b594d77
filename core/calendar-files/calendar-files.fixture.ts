import { buildAppointment, parseSeries, parseSeriesException } from '../model';
import type { Appointment, Series, SeriesException } from '../model';
import type { IcsImportContext } from './ics-import';

const stamp = { version: 2, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' };

/**
 * One zone's book for the round-trip tests: a weekly 09:00 series of 8 that
 * crosses the zone's DST change (one visit cancelled, one moved to 14:30),
 * and a single visit on the change's day at 08:15. `firstMonday` is a date
 * about four weeks before the change.
 */
export function bookFor(zone: string, firstMonday: string): { series: Series[]; exceptions: SeriesException[]; appointments: Appointment[] } {
  const day = (weeks: number) => {
    const date = new Date(`${firstMonday}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + weeks * 7);
    return date.toISOString().slice(0, 10);
  };
  const series = parseSeries({ ...stamp, id: `s-${zone.replace('/', '-')}`, resourceIds: ['dr-lee'], patientId: 'p1', dtstart: `${day(0)}T09:00`, timeZone: zone, durationMinutes: 30, rrule: 'FREQ=WEEKLY;COUNT=8', exdates: [], rdates: [], visitReason: 'Physio' });
  const exceptions = [
    parseSeriesException({ ...stamp, id: 'x-cancel', seriesId: series.id, originalStart: `${day(2)}T09:00`, kind: 'cancelled', reason: 'Provider ill' }),
    parseSeriesException({ ...stamp, id: 'x-move', seriesId: series.id, originalStart: `${day(5)}T09:00`, kind: 'moved', wallStart: `${day(5)}T14:30`, timeZone: zone, durationMinutes: 45, resourceIds: ['dr-lee'] }),
  ];
  const single = buildAppointment({ resourceIds: ['dr-lee', 'room-1'], patientId: 'p2', wallStart: `${day(4)}T08:15`, timeZone: zone, durationMinutes: 60, visitReason: 'Check-up' }, { id: `a-${zone.replace('/', '-')}`, at: stamp.createdAt, by: 'staff-1' });
  return { series: [series], exceptions, appointments: [single] };
}

/** An empty clinic with dr-lee, room-1 and patients p1, p2. */
export const emptyClinic: IcsImportContext = {
  existingIds: new Set(),
  knownResourceIds: new Set(['dr-lee', 'room-1']),
  knownPatientIds: new Set(['p1', 'p2']),
  resourceIds: [],
  patientId: null,
  defaultTimeZone: 'America/New_York',
};

export const resources = new Map([
  ['dr-lee', { name: 'Dr Lee' }],
  ['room-1', { name: 'Room 1' }],
]);
export const patients = new Map([
  ['p1', { givenName: 'Ana', familyName: 'Silva' }],
  ['p2', { givenName: 'Ben', familyName: 'Okafor' }],
]);
