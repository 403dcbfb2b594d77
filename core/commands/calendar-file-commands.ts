import { z } from 'zod';
import { exportIcs, visitsCsv } from '../calendar-files';
import type { CsvVisit } from '../calendar-files';
import { calendarDateSchema, idSchema } from '../model';
import type { Appointment } from '../model';
import { calendarRange, dayRange, nextDate } from '../queries';
import { refuse } from './command-result';
import { defineCommand } from './define-command';
import { isManager } from './session';

/** Longest range one export covers: a year (a series still goes out whole, as one RRULE). */
export const maxExportDays = 366;

const csvHeaderSchema = z.object({ start: z.string(), end: z.string(), timeZone: z.string(), minutes: z.string(), resources: z.string(), status: z.string(), reason: z.string(), visit: z.string(), patient: z.string() });

/** What `calendar-file/export` answers: the file, ready to download. */
export interface ExportedCalendarFile {
  fileName: string;
  mimeType: 'text/calendar' | 'text/csv';
  text: string;
  /** Visits in the range (series occurrences counted one by one). */
  visitCount: number;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * A calendar file discloses the clinic's visits (and, when ticked, who the
 * patients are), so writing one is a command that records who exported what,
 * like `day-sheet/print` and the audit export.
 */
export const calendarFileCommands = {
  /**
   * Writes the visits of one provider or room, or of the whole clinic, from
   * `from` to `to` (whole days in the clinic's zone, both included) as an
   * ICS or CSV file (core/calendar-files). Managers and admins only. The
   * records are read in the command's transaction, so the audit matches the
   * file: one `CALENDAR_FILE_EXPORTED` entry naming format, resources, range
   * and whether names were included — per patient on the file when they were
   * (each patient's access history shows it), otherwise one. Audited, not synced.
   *
   * @example run('calendar-file/export', { what: { kind: 'resource', resourceId: 'dr-lee' }, from: '2026-03-09', to: '2026-03-15', format: 'ics', includePatientNames: false }, manager)
   */
  'calendar-file/export': defineCommand({
    args: z.object({
      what: z.discriminatedUnion('kind', [z.object({ kind: z.literal('resource'), resourceId: idSchema }), z.object({ kind: z.literal('clinic') })]),
      from: calendarDateSchema,
      to: calendarDateSchema,
      format: z.enum(['ics', 'csv']),
      includePatientNames: z.boolean(),
      /** The CSV's column titles in the desk's language; required for CSV. */
      csvHeader: csvHeaderSchema.optional(),
    }),
    sync: false,
    async run(scope, args) {
      if (!isManager(scope.session)) return refuse('not-permitted', 'session', 'Only a manager or admin can export calendar files.');
      const days = daysBetween(args.from, args.to);
      if (days < 0) return refuse('end-not-after-start', 'to', 'The last day is before the first day.');
      if (days >= maxExportDays) return refuse('range-too-long', 'to', `One export covers at most ${maxExportDays} days.`);
      if (args.format === 'csv' && !args.csvHeader) return refuse('invalid-format', 'csvHeader', 'A CSV export needs its column titles.');
      const allResources = await scope.db.resources.toArray();
      const resources = new Map(allResources.map((resource) => [resource.id, resource]));
      let resourceIds: string[];
      if (args.what.kind === 'resource') {
        if (!resources.has(args.what.resourceId)) return refuse('unknown-entity', 'what.resourceId', `There is no resource "${args.what.resourceId}".`);
        resourceIds = [args.what.resourceId];
      } else resourceIds = allResources.map((resource) => resource.id);
      const zone = scope.clinic.timeZone;
      const range = { from: dayRange(args.from, zone).from, to: dayRange(nextDate(args.to, 1), zone).from };
      const items = resourceIds.length === 0 ? [] : await calendarRange(scope.db, { resourceIds, ...range, includeCancelled: false });
      const visits: CsvVisit[] = items.map((item) => (item.kind === 'appointment' ? item.appointment : item.occurrence));
      const patientIds = [...new Set(visits.map((visit) => visit.patientId))].sort();
      const patients = new Map<string, { givenName: string; familyName: string }>();
      if (args.includePatientNames) for (const patient of await scope.db.patients.bulkGet(patientIds)) if (patient) patients.set(patient.id, patient);
      const label = args.what.kind === 'resource' ? (resources.get(args.what.resourceId)?.name ?? args.what.resourceId) : (scope.clinic.name ?? 'clinic');
      const baseName = `${label.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'calendar'}-${args.from}-${args.to}`;
      let file: Pick<ExportedCalendarFile, 'fileName' | 'mimeType' | 'text'>;
      if (args.format === 'csv') {
        file = { fileName: `${baseName}.csv`, mimeType: 'text/csv', text: visitsCsv({ visits, resources, patients, includePatientNames: args.includePatientNames, header: args.csvHeader! }) };
      } else {
        // A series goes out whole (one VEVENT with its rule), with every saved or moved visit of it.
        const seriesIds = [...new Set(items.flatMap((item) => (item.kind === 'occurrence' ? [item.occurrence.seriesId] : item.appointment.seriesId !== undefined ? [item.appointment.seriesId] : [])))];
        const series = (await scope.db.series.bulkGet(seriesIds)).filter((row) => row !== undefined);
        const exceptions = seriesIds.length === 0 ? [] : await scope.db.seriesExceptions.where('seriesId').anyOf(seriesIds).toArray();
        const saved = seriesIds.length === 0 ? [] : await scope.db.appointments.where('seriesId').anyOf(seriesIds).toArray();
        const singles = items.flatMap((item) => (item.kind === 'appointment' && item.appointment.seriesId === undefined ? [item.appointment] : []));
        const appointments: Appointment[] = [...singles, ...saved.filter((row) => row.status !== 'cancelled').map(({ day: _day, ...row }) => row as Appointment)];
        const text = exportIcs({ appointments, series, exceptions, resources, patients, includePatientDetails: args.includePatientNames, range, now: Date.parse(scope.at), calendarName: label });
        file = { fileName: `${baseName}.ics`, mimeType: 'text/calendar', text };
      }
      const record = {
        entityType: 'calendar-file',
        entityId: `${args.from}..${args.to}`,
        changes: { format: { before: null, after: args.format }, resourceIds: { before: null, after: resourceIds }, includePatientNames: { before: null, after: args.includePatientNames }, visits: { before: null, after: visits.length } },
      };
      if (!args.includePatientNames || patientIds.length === 0) scope.audit({ action: 'CALENDAR_FILE_EXPORTED', ...record });
      else for (const patientId of patientIds) scope.audit({ action: 'CALENDAR_FILE_EXPORTED', ...record, patientId });
      const value: ExportedCalendarFile = { ...file, visitCount: visits.length };
      return { ok: true, value };
    },
  }),
};
