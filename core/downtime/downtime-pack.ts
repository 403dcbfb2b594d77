import { DateTime } from 'luxon';
import { CSV_BOM, csvCell } from '../audit';
import type { Appointment, Patient, Resource } from '../model';
import { instantToWallTime } from '../time';
import type { DowntimeWords } from './downtime-words';
import { escapeHtml, htmlPage } from './html-text';

/** How many local days a pack covers, today included. */
export const downtimeDays = 7;

/** What the pack reads of a visit: a stored appointment and a series occurrence both have it. */
export type DowntimeVisit = Pick<Appointment, 'id' | 'start' | 'end' | 'resourceIds' | 'patientId' | 'status' | 'visitReason'>;

/** What {@link downtimePack} writes from. */
export interface DowntimePackInput {
  clinic: { name: string; timeZone: string };
  /** The first day (today in the clinic's zone); the pack covers {@link downtimeDays} days from it. */
  from: string;
  /** Providers get a section each on every day, in this order (rooms and equipment are not columns here). */
  resources: readonly Pick<Resource, 'id' | 'kind' | 'name'>[];
  /** The visits read through core/queries over the days; cancelled ones are left out here too. */
  visits: readonly DowntimeVisit[];
  patients: ReadonlyMap<string, Pick<Patient, 'givenName' | 'familyName' | 'phone'>>;
  /** The desk's language for dates and times (a BCP 47 tag), and its words. */
  locale: string;
  words: DowntimeWords;
  /** When the pack is made (epoch ms), printed on every page. */
  now: number;
}

/** One file of the pack, ready to write or download. */
export interface DowntimeFile {
  name: string;
  mimeType: 'text/html' | 'text/csv';
  text: string;
  /** The day of a day sheet (the shell prints these to PDF too). */
  date?: string;
}

/** The pack: the files and the patients they name (for the audit). */
export interface DowntimePack {
  from: string;
  to: string;
  files: DowntimeFile[];
  patientIds: string[];
  visitCount: number;
}

interface Row {
  visit: DowntimeVisit;
  date: string;
  provider: Pick<Resource, 'id' | 'name'>;
  name: string;
  phone: string;
}

const addDays = (date: string, days: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/**
 * The downtime pack of the next seven local days: one print-ready HTML day
 * sheet per day (every provider a table by time — time, patient, reason,
 * phone — and a page break per provider), the same visits as one CSV
 * through the audit CSV's safe cells, and the patients' phone list (each
 * patient, phone and visits in those days) as HTML and CSV. Days and times
 * are the clinic's (a visit belongs to the local day it starts on, so a DST
 * day is 23 or 25 hours); words and date formats are the desk's. Pure: the
 * caller reads the records and says when "now" is.
 *
 * @example downtimePack({ clinic, from: '2026-03-09', resources, visits, patients, locale: 'en-GB', words, now })
 * // { files: [{ name: '2026-03-09-day-sheet.html', … }, …, { name: 'visits.csv', … }, { name: 'phone-list.html', … }, { name: 'phone-list.csv', … }], … }
 */
export function downtimePack(input: DowntimePackInput): DowntimePack {
  const { clinic, words, locale } = input;
  const dates = Array.from({ length: downtimeDays }, (_, index) => addDays(input.from, index));
  const covered = new Set(dates);
  const providers = input.resources.filter((resource) => resource.kind === 'provider');
  const byId = new Map(providers.map((provider) => [provider.id, provider]));
  const rows: Row[] = [];
  for (const visit of input.visits) {
    if (visit.status === 'cancelled') continue;
    const date = instantToWallTime(Date.parse(visit.start), clinic.timeZone).slice(0, 10);
    if (!covered.has(date)) continue;
    const patient = input.patients.get(visit.patientId);
    const name = patient ? `${patient.givenName} ${patient.familyName}` : visit.patientId;
    for (const resourceId of visit.resourceIds) {
      const provider = byId.get(resourceId);
      if (provider) rows.push({ visit, date, provider, name, phone: patient?.phone ?? '' });
    }
  }
  rows.sort((left, right) => Date.parse(left.visit.start) - Date.parse(right.visit.start) || left.name.localeCompare(right.name, locale) || (left.visit.id < right.visit.id ? -1 : 1));

  const zoned = (instant: string) => DateTime.fromMillis(Date.parse(instant), { zone: clinic.timeZone }).setLocale(locale);
  const time = (instant: string) => zoned(instant).toLocaleString(DateTime.TIME_SIMPLE);
  const longDate = (date: string) => DateTime.fromISO(date, { zone: clinic.timeZone }).setLocale(locale).toLocaleString(DateTime.DATE_HUGE);
  const shortDate = (date: string) => DateTime.fromISO(date, { zone: clinic.timeZone }).setLocale(locale).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
  const made = DateTime.fromMillis(input.now, { zone: clinic.timeZone }).setLocale(locale).toLocaleString(DateTime.DATETIME_MED);
  const written = `<p class="written">${escapeHtml(`${words.written} ${made}`)}</p>`;
  const cell = (value: string) => `<td>${escapeHtml(value)}</td>`;
  const heading = (title: string, subtitle: string) => `<header><p>${escapeHtml(clinic.name)}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p></header>`;

  const files: DowntimeFile[] = dates.map((date) => {
    const day = rows.filter((row) => row.date === date);
    const sections = providers.map((provider) => {
      const own = day.filter((row) => row.provider.id === provider.id);
      const table =
        own.length === 0
          ? `<p>${escapeHtml(words.noBookings)}</p>`
          : `<table><thead><tr><th scope="col">${[words.time, words.patient, words.reason, words.phone].map(escapeHtml).join('</th><th scope="col">')}</th></tr></thead><tbody>${own
              .map((row) => `<tr>${cell(`${time(row.visit.start)}–${time(row.visit.end)}`)}${cell(row.name)}${cell(row.visit.visitReason ?? '')}${cell(row.phone)}</tr>`)
              .join('')}</tbody></table>`;
      return `<section>${heading(provider.name, longDate(date))}${table}${written}</section>`;
    });
    const body = sections.length > 0 ? sections.join('\n') : `<section>${heading(words.daySheet, longDate(date))}<p>${escapeHtml(words.noBookings)}</p>${written}</section>`;
    return { name: `${date}-day-sheet.html`, mimeType: 'text/html', date, text: htmlPage({ lang: locale, title: `${words.daySheet} — ${longDate(date)}`, body }) };
  });

  const csv = (lines: string[][]) => `${CSV_BOM}${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
  const wall = (instant: string) => instantToWallTime(Date.parse(instant), clinic.timeZone).slice(11, 16);
  files.push({
    name: 'visits.csv',
    mimeType: 'text/csv',
    text: csv([
      [words.date, words.time, words.end, words.provider, words.patient, words.phone, words.reason],
      ...rows.map((row) => [row.date, wall(row.visit.start), wall(row.visit.end), row.provider.name, row.name, row.phone, row.visit.visitReason ?? '']),
    ]),
  });

  // The phone list: one line per patient (family name first in order), their visits in date order.
  // A visit with two providers is one visit of the patient's, naming both.
  const people = new Map<string, { name: string; familyName: string; phone: string; visits: Map<string, { row: Row; providers: string[] }> }>();
  for (const row of rows) {
    const person = people.get(row.visit.patientId) ?? { name: row.name, familyName: input.patients.get(row.visit.patientId)?.familyName ?? row.name, phone: row.phone, visits: new Map() };
    const seen = person.visits.get(row.visit.id);
    if (seen) seen.providers.push(row.provider.name);
    else person.visits.set(row.visit.id, { row, providers: [row.provider.name] });
    people.set(row.visit.patientId, person);
  }
  const list = [...people.values()].sort((left, right) => left.familyName.localeCompare(right.familyName, locale) || left.name.localeCompare(right.name, locale));
  const visitLine = ({ row, providers }: { row: Row; providers: string[] }) => `${shortDate(row.date)} ${time(row.visit.start)} ${providers.join(', ')}`;
  const range = `${longDate(dates[0]!)} – ${longDate(dates[dates.length - 1]!)}`;
  const phoneTable =
    list.length === 0
      ? `<p>${escapeHtml(words.noBookings)}</p>`
      : `<table><thead><tr><th scope="col">${[words.patient, words.phone, words.visits].map(escapeHtml).join('</th><th scope="col">')}</th></tr></thead><tbody>${list
          .map((person) => `<tr>${cell(person.name)}${cell(person.phone)}<td>${[...person.visits.values()].map((visit) => escapeHtml(visitLine(visit))).join('<br>')}</td></tr>`)
          .join('')}</tbody></table>`;
  files.push({ name: 'phone-list.html', mimeType: 'text/html', text: htmlPage({ lang: locale, title: words.phoneList, body: `<section>${heading(words.phoneList, range)}${phoneTable}${written}</section>` }) });
  files.push({
    name: 'phone-list.csv',
    mimeType: 'text/csv',
    text: csv([[words.patient, words.phone, words.visits], ...list.map((person) => [person.name, person.phone, [...person.visits.values()].map(visitLine).join('; ')])]),
  });

  const visitIds = new Set(rows.map((row) => row.visit.id));
  return { from: dates[0]!, to: dates[dates.length - 1]!, files, patientIds: [...new Set(rows.map((row) => row.visit.patientId))].sort(), visitCount: visitIds.size };
}
