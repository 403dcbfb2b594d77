import { CSV_BOM, csvCell } from '../audit';
import type { Appointment, Patient, Resource } from '../model';
import { instantToWallTime } from '../time';

/** What a CSV row reads of a visit: a stored appointment and a series occurrence both have it. */
export type CsvVisit = Pick<Appointment, 'id' | 'wallStart' | 'timeZone' | 'start' | 'end' | 'resourceIds' | 'patientId' | 'status' | 'visitReason'>;

/** The column titles, in the desk's language (the caller's Messages). */
export interface VisitsCsvHeader {
  start: string;
  end: string;
  timeZone: string;
  minutes: string;
  resources: string;
  status: string;
  reason: string;
  visit: string;
  patient: string;
}

/** What {@link visitsCsv} writes. */
export interface VisitsCsvInput {
  visits: readonly CsvVisit[];
  resources: ReadonlyMap<string, Pick<Resource, 'name'>>;
  patients: ReadonlyMap<string, Pick<Patient, 'givenName' | 'familyName'>>;
  /** The patient column only when the person ticked it: minimum patient data by default. */
  includePatientNames: boolean;
  header: VisitsCsvHeader;
}

const wallText = (wall: string) => wall.slice(0, 16).replace('T', ' ');

/**
 * The visits as a CSV file for a spreadsheet, through the audit export's
 * safe cell writer (formula guard, RFC 4180 quoting, UTF-8 BOM, CRLF): a
 * reason or name like `=HYPERLINK(…)` arrives as text. Times are the wall
 * times the visit was booked at, in its own zone (a column says which), so a
 * row reads as the desk shows it across DST; minutes are elapsed.
 *
 * @example visitsCsv({ visits, resources, patients, includePatientNames: false, header })
 * // '\uFEFFStart,End,Time zone,Minutes,With,Status,Reason,Visit\r\n2026-03-09 09:00,…'
 */
export function visitsCsv(input: VisitsCsvInput): string {
  const { header } = input;
  const titles = [header.start, header.end, header.timeZone, header.minutes, header.resources, header.status, header.reason, header.visit];
  if (input.includePatientNames) titles.push(header.patient);
  const lines = [titles.map(csvCell).join(',')];
  for (const visit of input.visits) {
    const start = Date.parse(visit.start);
    const end = Date.parse(visit.end);
    const patient = input.patients.get(visit.patientId);
    const cells = [
      wallText(visit.wallStart),
      wallText(instantToWallTime(end, visit.timeZone)),
      visit.timeZone,
      String(Math.round((end - start) / 60_000)),
      visit.resourceIds.map((id) => input.resources.get(id)?.name ?? id).join('; '),
      visit.status,
      visit.visitReason ?? '',
      visit.id,
    ];
    if (input.includePatientNames) cells.push(patient ? `${patient.givenName} ${patient.familyName}` : '');
    lines.push(cells.map(csvCell).join(','));
  }
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
