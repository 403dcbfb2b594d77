import ICAL from 'ical.js';
import type { Appointment, Patient, Resource, Series, SeriesException } from '../model';
import { instantToWallTime, wallTimeToInstant } from '../time';
import { vtimezoneFor } from './ics-zones';
import { icalWallTime } from './wall-fields';

/** The product id every export names. */
export const icsProductId = '-//Timedesk//Timedesk front desk//EN';

/** The domain every UID ends with: the record's id is the stable part. */
export const uidDomain = 'timedesk';

/** What to export (the caller has already chosen provider, room, patient or clinic and the range). */
export interface IcsExportInput {
  /** Single appointments and a series' saved occurrences (those with `seriesId` + `originalStart`). */
  appointments: readonly Appointment[];
  series: readonly Series[];
  exceptions: readonly SeriesException[];
  resources: ReadonlyMap<string, Pick<Resource, 'name'>>;
  patients: ReadonlyMap<string, Pick<Patient, 'givenName' | 'familyName'>>;
  /** Patient names in SUMMARY and their id in X-TIMEDESK-PATIENT only when the person asked for it. */
  includePatientDetails: boolean;
  /** The export's range (epoch ms): its VTIMEZONEs cover it with a year's margin. */
  range: { from: number; to: number };
  /** DTSTAMP (epoch ms). */
  now: number;
  calendarName: string;
}

/**
 * `<record id>@timedesk`: stable across exports (a calendar that imported
 * the file updates its event instead of adding a second), and the way our own
 * importer finds the record again.
 *
 * @example uidFor('a-42') // 'a-42@timedesk'
 */
export function uidFor(id: string): string {
  return `${id}@${uidDomain}`;
}

function utc(ms: number): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(ms), true);
}

function zoned(component: ICAL.Component, name: string, wall: string, timeZone: string): void {
  const property = component.updatePropertyWithValue(name, icalWallTime(wall));
  property.setParameter('tzid', timeZone);
}

function summaryOf(input: IcsExportInput, patientId: string, visitReason: string | undefined): string {
  const reason = visitReason ?? 'Appointment';
  if (!input.includePatientDetails) return reason;
  const patient = input.patients.get(patientId);
  return patient ? `${patient.givenName} ${patient.familyName} — ${reason}` : reason;
}

function common(component: ICAL.Component, input: IcsExportInput, record: { resourceIds: readonly string[]; patientId: string; visitReason?: string | undefined; version: number; updatedAt: string }) {
  component.updatePropertyWithValue('dtstamp', utc(input.now));
  component.updatePropertyWithValue('summary', summaryOf(input, record.patientId, record.visitReason));
  // Versions only grow (the sync server's change numbers, or the desk's own count): a later export supersedes.
  component.updatePropertyWithValue('sequence', record.version);
  component.updatePropertyWithValue('last-modified', utc(Date.parse(record.updatedAt)));
  const names = record.resourceIds.map((id) => input.resources.get(id)?.name ?? id);
  component.updatePropertyWithValue('location', names.join(', '));
  component.updatePropertyWithValue('x-timedesk-resources', record.resourceIds.join(','));
  // The reason apart from SUMMARY, so our importer reads it back without the patient's name.
  if (record.visitReason !== undefined) component.updatePropertyWithValue('x-timedesk-reason', record.visitReason);
  if (input.includePatientDetails) component.updatePropertyWithValue('x-timedesk-patient', record.patientId);
}

function endWall(start: string, timeZone: string, minutes: number): string {
  return instantToWallTime(wallTimeToInstant(start, timeZone) + minutes * 60_000, timeZone);
}

function appointmentEvent(input: IcsExportInput, appointment: Appointment): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.updatePropertyWithValue('uid', uidFor(appointment.seriesId ?? appointment.id));
  if (appointment.seriesId !== undefined && appointment.originalStart !== undefined) {
    const series = input.series.find((candidate) => candidate.id === appointment.seriesId);
    zoned(event, 'recurrence-id', appointment.originalStart, series?.timeZone ?? appointment.timeZone);
  }
  zoned(event, 'dtstart', appointment.wallStart, appointment.timeZone);
  // DTEND in the same zone: elapsed minutes, so a visit across a clock change keeps its length.
  zoned(event, 'dtend', instantToWallTime(Date.parse(appointment.end), appointment.timeZone), appointment.timeZone);
  common(event, input, appointment);
  event.updatePropertyWithValue('status', 'CONFIRMED');
  event.updatePropertyWithValue('x-timedesk-status', appointment.status);
  return event;
}

function seriesEvents(input: IcsExportInput, series: Series): ICAL.Component[] {
  const master = new ICAL.Component('vevent');
  master.updatePropertyWithValue('uid', uidFor(series.id));
  zoned(master, 'dtstart', series.dtstart, series.timeZone);
  zoned(master, 'dtend', endWall(series.dtstart, series.timeZone, series.durationMinutes), series.timeZone);
  master.updatePropertyWithValue('rrule', ICAL.Recur.fromString(series.rrule.replace(/^RRULE:/i, '')));
  const exceptions = input.exceptions.filter((exception) => exception.seriesId === series.id);
  const cancelled = [...series.exdates, ...exceptions.filter((exception) => exception.kind === 'cancelled').map((exception) => exception.originalStart)];
  for (const wall of [...new Set(cancelled)].sort()) zoned(master, 'exdate', wall, series.timeZone);
  for (const wall of series.rdates) zoned(master, 'rdate', wall, series.timeZone);
  common(master, input, series);
  master.updatePropertyWithValue('status', 'CONFIRMED');
  const overrides: ICAL.Component[] = [];
  const saved = new Set(input.appointments.filter((appointment) => appointment.seriesId === series.id).map((appointment) => appointment.originalStart));
  for (const exception of exceptions) {
    if (exception.kind !== 'moved' || saved.has(exception.originalStart)) continue;
    const override = new ICAL.Component('vevent');
    override.updatePropertyWithValue('uid', uidFor(series.id));
    zoned(override, 'recurrence-id', exception.originalStart, series.timeZone);
    zoned(override, 'dtstart', exception.wallStart, exception.timeZone);
    zoned(override, 'dtend', endWall(exception.wallStart, exception.timeZone, exception.durationMinutes), exception.timeZone);
    common(override, input, { ...series, resourceIds: exception.resourceIds, visitReason: exception.visitReason ?? series.visitReason, version: Math.max(series.version, exception.version), updatedAt: exception.updatedAt });
    override.updatePropertyWithValue('status', 'CONFIRMED');
    overrides.push(override);
  }
  return [master, ...overrides];
}

/**
 * An iCalendar file (RFC 5545) of the chosen bookings, written with ical.js:
 * single visits as VEVENTs, series as RRULE + EXDATE (cancelled visits) with
 * moved or saved visits as RECURRENCE-ID overrides of the same UID, one
 * VTIMEZONE per zone used, UIDs stable across exports and SEQUENCE from the
 * record's version. Patient names only when `includePatientDetails`.
 *
 * @example exportIcs({ appointments, series, exceptions, resources, patients, includePatientDetails: false, range, now, calendarName: 'Dr Lee' })
 */
export function exportIcs(input: IcsExportInput): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', icsProductId);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('x-wr-calname', input.calendarName);
  const zones = new Set<string>();
  const events: ICAL.Component[] = [];
  for (const series of input.series) {
    zones.add(series.timeZone);
    for (const exception of input.exceptions) if (exception.seriesId === series.id && exception.kind === 'moved') zones.add(exception.timeZone);
    events.push(...seriesEvents(input, series));
  }
  // A cancelled visit frees its slot: exported it would show as an event in most calendars (and book again on import).
  for (const appointment of input.appointments) {
    if (appointment.status === 'cancelled') continue;
    zones.add(appointment.timeZone);
    events.push(appointmentEvent(input, appointment));
  }
  const year = 366 * 86_400_000;
  for (const zone of [...zones].sort()) calendar.addSubcomponent(vtimezoneFor(zone, input.range.from - year, input.range.to + year));
  for (const event of events) calendar.addSubcomponent(event);
  return calendar.toString() + '\r\n';
}
